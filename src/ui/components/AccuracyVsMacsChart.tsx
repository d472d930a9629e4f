import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import { ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { alphaVar } from '../lib/alphaColor';
import { formatAlpha } from '../lib/formatAlpha';
import { ChartImage } from './ChartImage';
import { ChartPlot } from './ChartPlot';
import { numberAxis, xAxisLabel } from '../lib/chartAxis';
import { niceAxis } from '../lib/niceTicks';
import type { RunRecord } from '../lib/runs';
import { summarizeRuns } from '../lib/runStats';
import { modelName } from '../../train/face';
import { runVariants, variantMarker, VARIANT_GLYPHS } from '../lib/runVariants';
import { useChartScale } from '../hooks/useChartScale';

/** Props of {@link AccuracyVsMacsChart}. */
export interface AccuracyVsMacsChartProps {
  runs: RunRecord[];
}

/** One point of the scatter: x in MMACs per image, y = test top-1 in %. */
interface Point {
  x: number;
  y: number;
  number: number;
  alpha: number;
  /** Model name, e.g. 'Oct-ResNet-8', 'Oct-MobileNet v1 ×1'. */
  model: string;
  /** Variant among the runs of its α (marker shape) and what differs ("" when alone). */
  variant: number;
  variantLabel: string;
  fill: string;
}

/** One α of one recipe: mean top-1 (%) with its 95 % interval as an asymmetric error bar. */
interface MeanPoint {
  x: number;
  y: number;
  alpha: number;
  n: number;
  low: number;
  high: number;
  recipe: string;
  fill: string;
}

/** Tooltip of a run point or of an α mean. */
function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: Point | MeanPoint }> }) {
  const { t } = useTranslation();
  const q = active ? payload?.[0]?.payload : undefined;
  if (!q) return null;
  if ('low' in q) {
    return (
      <div className="chart-tooltip" data-testid="avm-tooltip">
        <strong>
          <span className="swatch" style={{ background: q.fill }} aria-hidden="true" />
          {t('avm.mean', { alpha: formatAlpha(q.alpha), count: q.n })}
          {q.recipe ? ` (${q.recipe})` : ''}
        </strong>
        <div>{t('avm.interval', { top1: q.y.toFixed(1), low: q.low.toFixed(1), high: q.high.toFixed(1) })}</div>
        <div>{t('avm.macs', { macs: q.x.toFixed(2) })}</div>
      </div>
    );
  }
  const p = q;
  return (
    <div className="chart-tooltip" data-testid="avm-tooltip">
      <strong>
        <span className="swatch" style={{ background: p.fill }} aria-hidden="true" />
        {t('avm.run', { number: p.number })}
      </strong>
      <div>
        α = {formatAlpha(p.alpha)}, {p.model}
      </div>
      {p.variantLabel ? <div>{p.variantLabel}</div> : null}
      <div>{t('avm.top1', { top1: p.y.toFixed(1) })}</div>
      <div>{t('avm.macs', { macs: p.x.toFixed(2) })}</div>
    </div>
  );
}

/**
 * Top-1 vs MMACs, one point per finished run, coloured by α (paper Fig. 4: accuracy against
 * FLOPs of the ablation on α), and per α (and recipe) the mean with its 95 % interval as error
 * bars; round ticks, a tooltip naming the run or the α.
 */
export const AccuracyVsMacsChart = memo(function AccuracyVsMacsChart({ runs }: AccuracyVsMacsChartProps) {
  const { t } = useTranslation();
  const { px } = useChartScale();
  const finished = runs.filter((r) => r.cost && r.test && (r.status === 'completed' || r.status === 'stopped'));
  const variants = runVariants(finished);
  const pts: Point[] = finished.map((r) => ({
    x: r.cost!.macs / 1e6,
    y: r.test!.top1 * 100,
    number: r.number,
    alpha: r.config.alpha,
    model: modelName(r.config),
    variant: variants.get(r.id)?.index ?? 0,
    variantLabel: variants.get(r.id)?.label ?? '',
    fill: alphaVar(r.config.alpha),
  }));
  const markerSets = [...new Set(pts.map((p) => p.variant))].sort((a, b) => a - b);
  const means: MeanPoint[] = summarizeRuns(runs).flatMap((s) =>
    s.rows.map((r) => ({
      x: r.macs / 1e6,
      y: 100 * r.meanTop1,
      alpha: r.alpha,
      n: r.n,
      low: 100 * r.ciLow,
      high: 100 * r.ciHigh,
      recipe: s.label,
      fill: alphaVar(r.alpha),
    })),
  );
  const ys = [...pts.map((p) => p.y), ...means.flatMap((m) => [m.low, m.high])];
  const xAxis = pts.length ? niceAxis(Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x)), 5) : undefined;
  const yAxis = pts.length ? niceAxis(Math.min(...ys), Math.max(...ys), 5) : undefined;
  return (
    <section className="panel" aria-labelledby="avm-h">
      <h2 id="avm-h">{t('avm.title')}</h2>
      <p className="muted">
        {t('avm.help')}
        {markerSets.length > 1
          ? ` ${t('avm.variants', { glyphs: markerSets.map((i) => VARIANT_GLYPHS[i % VARIANT_GLYPHS.length]).join(' ') })}`
          : ''}
      </p>
      <div className="chart-box" data-testid="acc-vs-macs" data-points={pts.length} data-means={means.length}>
        <ChartImage
          label={pts.length ? t('chart.avm', { count: pts.length }) : t('chart.avmEmpty')}
          style={{ height: '100%' }}
          testId="chart-image"
          table={{
            caption: t('avm.tableCaption'),
            head: [t('avm.headPoint'), 'α', t('avm.xName'), t('avm.headTest')],
            rows: [
              ...pts.map((p) => [
                t('avm.rowRun', { number: p.number, model: p.model }),
                formatAlpha(p.alpha),
                p.x.toFixed(2),
                `${p.y.toFixed(1)} %`,
              ]),
              ...means.map((m) => [
                t('avm.rowMean', { count: m.n, recipe: m.recipe ? ` (${m.recipe})` : '' }),
                formatAlpha(m.alpha),
                m.x.toFixed(2),
                t('avm.rowMeanValue', { mean: m.y.toFixed(1), low: m.low.toFixed(1), high: m.high.toFixed(1) }),
              ]),
            ],
          }}
        >
          <ChartPlot chart={ScatterChart} height="100%" bottom={20}>
            <XAxis
              {...numberAxis(xAxis)}
              dataKey="x"
              name={t('avm.xName')}
              height={px(30)}
              label={xAxisLabel(t('avm.xLabel'), -10)}
            />
            <YAxis
              {...numberAxis(yAxis)}
              dataKey="y"
              name={t('avm.yName')}
              width={px(72)}
              label={{
                value: t('avm.yLabel'),
                angle: -90,
                position: 'insideLeft',
                offset: 4,
                fill: 'var(--muted)',
                style: { textAnchor: 'middle' },
              }}
            />
            <ZAxis range={[90, 90]} />
            <Tooltip content={<PointTooltip />} />
            {markerSets.map((i) => (
              <Scatter
                key={`pts-${i}`}
                data={pts.filter((p) => p.variant === i)}
                shape={variantMarker(i)}
                isAnimationActive={false}
                fillOpacity={0.55}
              />
            ))}
            {/* The 95 % intervals as vertical segments from low to high (drawn as reference segments in data units). */}
            {means.map((m) => (
              <ReferenceLine
                key={`ci-${m.recipe}-${m.alpha}`}
                segment={[
                  { x: m.x, y: m.low },
                  { x: m.x, y: m.high },
                ]}
                stroke={m.fill}
                strokeWidth={3}
                ifOverflow="extendDomain"
                className="ci-bar"
              />
            ))}
            <Scatter data={means} shape="diamond" isAnimationActive={false} legendType="none" />
          </ChartPlot>
        </ChartImage>
      </div>
    </section>
  );
});
