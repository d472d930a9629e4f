import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { alphaVar } from '../lib/alphaColor';
import { bandRows } from '../lib/bandRows';
import { formatPercentTick, numberAxis, xAxisLabel, yAxisLabel } from '../lib/chartAxis';
import { formatRadius, radiusLabel, roundExact } from '../lib/radiusText';
import type { ModelFrequencyResults } from './types';
import { useChartScale } from '../hooks/useChartScale';
import { ChartImage } from '../components/ChartImage';
import { ValuesDetails } from '../components/ValuesDetails';

/** Props of {@link BandChart}. */
export interface BandChartProps {
  results: ModelFrequencyResults[];
  /** The radius under the pointer (cycles/pixel), or null. */
  hovered: number | null;
  onHover(radius: number | null): void;
}

/** Colour of a model's curves: its α colour, grey when α is unknown. */
export const curveColor = (alpha: number | null): string => (alpha === null ? 'var(--muted, #888)' : alphaVar(alpha));

/**
 * Dot marker of model k (k ≥ 0), cycling: models with the same α share a colour but not a marker.
 * Model 0 keeps recharts' default circle dot.
 */
export const MODEL_MARKERS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;

/** Marker of model k (k ≥ 0), cycling through {@link MODEL_MARKERS}. */
export const modelMarker = (k: number): (typeof MODEL_MARKERS)[number] => MODEL_MARKERS[k % MODEL_MARKERS.length];

/** Chance top-1 on the 10 CIFAR-10 classes (%). */
const CHANCE = 10;

const pct = (v: number | null): number | null => (v === null ? null : roundExact(100 * v));

/**
 * Band-limited top-1 (Wang et al., CVPR 2020): top-1 vs filter radius, low-pass solid and
 * high-pass dashed, one pair of curves per model, coloured by α and marked by model (circle,
 * square, triangle, … in the curves and the legend, so two models of one α differ), ticks at the exact radii.
 * Hovering picks a radius. Below the chart, its values as a table and CSV.
 */
export function BandChart({ results, hovered, onHover }: BandChartProps) {
  const { px } = useChartScale();
  const { t } = useTranslation();
  const withBand = results.filter((r) => r.band);
  if (withBand.length === 0) return null;
  const table = bandRows(withBand.map((r) => r.band!));
  const radii = table.map((r) => r.radius);
  // Room for one legend line per curve (two per model) under the x-axis title (recharts measures the legend).
  const legendHeight = px(24) + px(20) * 2 * withBand.length;
  const rows = table.map(({ radius, low, high }) => {
    const row: Record<string, number | null> = { radius };
    withBand.forEach((_, k) => {
      row[`low${k}`] = pct(low[k]);
      row[`high${k}`] = pct(high[k]);
    });
    return row;
  });
  return (
    <figure className="freq-chart" data-testid="freq-band-chart">
      <ChartImage label={t('chart.band')}>
        <ResponsiveContainer width="100%" height={px(290) + legendHeight}>
          <LineChart
            accessibilityLayer={false}
            data={rows}
            // Room on the right for the "chance" label, outside the plot (the curves end near chance).
            margin={{ top: 8, right: px(64), bottom: px(8), left: 8 }}
            onMouseMove={(s) => onHover(s?.activeLabel != null ? Number(s.activeLabel) : null)}
            onMouseLeave={() => onHover(null)}
          >
            <CartesianGrid stroke="var(--grid, #ddd)" strokeDasharray="3 3" />
            <XAxis
              {...numberAxis({ domain: [0, radii[radii.length - 1]], ticks: radii }, formatRadius)}
              dataKey="radius"
              // Every radius gets its exact tick, slanted (the small radii are 1/32 apart); on a narrow
              // chart recharts leaves out ticks that would overlap (the table below has every radius).
              interval="preserveStartEnd"
              minTickGap={0}
              angle={-40}
              textAnchor="end"
              height={px(52)}
              label={xAxisLabel(t('band.xLabel'), -2)}
            />
            <YAxis
              {...numberAxis({ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }, formatPercentTick)}
              width={px(72)}
              label={yAxisLabel(t('band.yLabel'))}
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : String(v))}
              labelFormatter={(f) => `r = ${radiusLabel(Number(f))}`}
            />
            {/* In model order (low, high per model), not recharts' default alphabetical order. */}
            <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: px(16) }} itemSorter={null} />
            <ReferenceLine
              y={CHANCE}
              stroke="var(--muted, #888)"
              strokeDasharray="2 4"
              label={{ value: t('band.chance'), position: 'right', fill: 'var(--muted)' }}
            />
            {hovered !== null ? <ReferenceLine x={hovered} stroke="var(--muted, #888)" /> : null}
            {withBand.flatMap((r, k) => {
              const marker = modelMarker(k);
              // Model 0: recharts' default <circle> dot; the others its symbol of that name.
              const dot = marker === 'circle' ? true : marker;
              return [
                <Line
                  key={`low${k}`}
                  dataKey={`low${k}`}
                  name={t('band.lowPass', { label: r.label })}
                  stroke={curveColor(r.alpha)}
                  dot={dot}
                  legendType={marker}
                  isAnimationActive={false}
                />,
                <Line
                  key={`high${k}`}
                  dataKey={`high${k}`}
                  name={t('band.highPass', { label: r.label })}
                  stroke={curveColor(r.alpha)}
                  strokeDasharray="6 3"
                  dot={dot}
                  legendType={marker}
                  isAnimationActive={false}
                />,
              ];
            })}
          </LineChart>
        </ResponsiveContainer>
      </ChartImage>
      <figcaption>{t('band.caption', { images: withBand[0].band!.images })}</figcaption>
      <ValuesDetails
        summary={t('values.summary')}
        caption={t('band.tableCaption', { images: withBand[0].band!.images })}
        head={[
          t('band.headRadius'),
          t('band.headRadiusDecimal'),
          ...withBand.flatMap((r) => [t('band.headLow', { label: r.label }), t('band.headHigh', { label: r.label })]),
        ]}
        rows={table.map(({ radius, low, high }) => [
          formatRadius(radius),
          radius,
          ...low.flatMap((lo, k) => [pct(lo), pct(high[k])]),
        ])}
        csvName="band-limited-top1.csv"
        testId="freq-band-values"
      />
    </figure>
  );
}
