import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { alphaVar } from '../lib/alphaColor';
import type { ModelFrequencyResults } from './types';
import { useChartScale } from '../hooks/useChartScale';
import { ChartImage } from '../components/ChartImage';

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
 * Band-limited top-1 (Wang et al., CVPR 2020): top-1 vs filter radius, low-pass solid and
 * high-pass dashed, one pair of curves per model, coloured by α. Hovering picks a radius.
 */
export function BandChart({ results, hovered, onHover }: BandChartProps) {
  const { px } = useChartScale();
  const { t } = useTranslation();
  const withBand = results.filter((r) => r.band);
  if (withBand.length === 0) return null;
  const radii = withBand[0].band!.lowPass.map((p) => p.radius);
  const rows = radii.map((radius, i) => {
    const row: Record<string, number> = { radius };
    withBand.forEach((r, k) => {
      const lo = r.band!.lowPass[i];
      const hi = r.band!.highPass[i];
      if (lo && Math.abs(lo.radius - radius) < 1e-9) row[`low${k}`] = 100 * lo.top1;
      if (hi && Math.abs(hi.radius - radius) < 1e-9) row[`high${k}`] = 100 * hi.top1;
    });
    return row;
  });
  return (
    <figure className="freq-chart" data-testid="freq-band-chart">
      <ChartImage label={t('chart.band')}>
        <ResponsiveContainer width="100%" height={px(340)}>
          <LineChart
            accessibilityLayer={false}
            data={rows}
            margin={{ top: 8, right: px(24), bottom: px(8), left: 8 }}
            onMouseMove={(s) => onHover(s?.activeLabel != null ? Number(s.activeLabel) : null)}
            onMouseLeave={() => onHover(null)}
          >
            <CartesianGrid stroke="var(--grid, #ddd)" strokeDasharray="3 3" />
            <XAxis
              dataKey="radius"
              type="number"
              domain={[0, 'dataMax']}
              ticks={radii}
              tickFormatter={(f: number) => f.toFixed(2)}
              height={px(30)}
              label={{ value: t('band.xLabel'), position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v}%`}
              width={px(48)}
              label={{ value: t('band.yLabel'), angle: -90, position: 'insideLeft' }}
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : String(v))}
              labelFormatter={(f) => `r = ${Number(f).toFixed(4)}`}
            />
            <Legend verticalAlign="bottom" height={72} wrapperStyle={{ paddingTop: 24 }} />
            <ReferenceLine
              y={10}
              stroke="var(--muted, #888)"
              strokeDasharray="2 4"
              label={{ value: t('band.chance'), position: 'insideBottomRight' }}
            />
            {hovered !== null ? <ReferenceLine x={hovered} stroke="var(--muted, #888)" /> : null}
            {withBand.flatMap((r, k) => [
              <Line
                key={`low${k}`}
                dataKey={`low${k}`}
                name={t('band.lowPass', { label: r.label })}
                stroke={curveColor(r.alpha)}
                dot
                isAnimationActive={false}
              />,
              <Line
                key={`high${k}`}
                dataKey={`high${k}`}
                name={t('band.highPass', { label: r.label })}
                stroke={curveColor(r.alpha)}
                strokeDasharray="6 3"
                dot
                isAnimationActive={false}
              />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      </ChartImage>
      <figcaption>{t('band.caption', { images: withBand[0].band!.images })}</figcaption>
    </figure>
  );
}
