import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { alphaVar } from '../lib/alphaColor';
import type { CurvePoint, RunRecord } from '../lib/runs';
import type { ChartXAxis } from '../state/labSchema';
import { niceAxis } from '../lib/niceTicks';
import { formatAlpha } from '../lib/formatAlpha';
import { shortModelName } from '../lib/modelLabel';
import { runVariants, VARIANT_GLYPHS, variantDash, type RunVariant } from '../lib/runVariants';
import { useChartScale } from '../hooks/useChartScale';
import { latestRows, summarySentence, type CurveMetric } from '../lib/chartText';
import { ChartImage } from './ChartImage';
import { ChartPlot } from './ChartPlot';
import { formatPercentTick, formatTick, numberAxis, xAxisLabel } from '../lib/chartAxis';

/** Props of {@link LiveCharts}. */
export interface LiveChartsProps {
  /** Runs to overlay (the caller passes the throttled snapshot, ≤ 4 redraws/s). */
  runs: RunRecord[];
  x: ChartXAxis;
  onXChange(x: ChartXAxis): void;
}

const xOf = (p: CurvePoint, x: ChartXAxis) => (x === 'step' ? p.step : x === 'epoch' ? p.epoch : p.timeS);

type Metric = CurveMetric;

/** One series of a run: x on the chosen axis, y (accuracies × 100, in %). */
function series(run: RunRecord, metric: Metric, x: ChartXAxis, scale: number) {
  return run.points.filter((p) => p[metric] !== undefined).map((p) => ({ x: xOf(p, x), y: (p[metric] as number) * scale }));
}

/**
 * Compact legend name of a run: stable number, α and model, e.g. "#2 α=.5 R8" or "#3 α=.5 MBv1×1"
 * (colour = α), then what sets it apart from other runs of the same α, e.g. " — seed 2".
 */
export function runLabel(r: RunRecord, variant?: RunVariant): string {
  const base = `#${r.number} α=${formatAlpha(r.config.alpha, true)} ${shortModelName(r.config)}`;
  return variant?.label ? `${base} — ${variant.label}` : base;
}

/** Variant of a run, or the default (solid, circle) when it has none. */
const variantOf = (variants: Map<string, RunVariant>, id: string): RunVariant => variants.get(id) ?? { index: 0, label: '' };

/** The two charts: loss, then top-1 accuracy (train and test curves of each). */
const METRIC_CHARTS = [
  { title: 'charts.loss', train: 'trainLoss', test: 'testLoss', percent: false },
  { title: 'charts.accuracy', train: 'trainAccuracy', test: 'testTop1', percent: true },
] as const;

/** One legend entry per shown run, in a small scrolling strip shared by both charts. */
function RunLegend({ runs, variants }: { runs: RunRecord[]; variants: Map<string, RunVariant> }) {
  const { t } = useTranslation();
  return (
    <ul className="chart-legend" aria-label={t('charts.legend')} data-testid="chart-legend">
      {runs.map((r) => {
        const v = variantOf(variants, r.id);
        return (
          <li key={r.id} data-variant={v.index}>
            <svg width="26" height="10" aria-hidden="true" className="key-svg">
              <line
                x1="1"
                y1="5"
                x2="25"
                y2="5"
                stroke={alphaVar(r.config.alpha)}
                strokeWidth="2"
                strokeDasharray={variantDash(v.index)}
              />
            </svg>
            {v.index > 0 ? <span aria-hidden="true">{VARIANT_GLYPHS[v.index % VARIANT_GLYPHS.length]} </span> : null}
            {runLabel(r, v)}
          </li>
        );
      })}
    </ul>
  );
}

/** Test-point marker of variant `index`: circle, square, triangle, … (matches VARIANT_GLYPHS). */
function variantDot(index: number, colour: string) {
  const shape = index % VARIANT_GLYPHS.length;
  if (shape === 0) return { r: 5, fill: colour, stroke: 'var(--panel)', strokeWidth: 1.5, clipDot: false };
  return (props: { cx?: number; cy?: number; index?: number }) => {
    const { cx = 0, cy = 0 } = props;
    const common = { fill: colour, stroke: 'var(--panel)', strokeWidth: 1.5 };
    const key = `${props.index ?? 0}`;
    if (shape === 1) return <rect key={key} x={cx - 4.5} y={cy - 4.5} width={9} height={9} {...common} />;
    if (shape === 2)
      return <polygon key={key} points={`${cx},${cy - 6} ${cx + 5.5},${cy + 4} ${cx - 5.5},${cy + 4}`} {...common} />;
    return <polygon key={key} points={`${cx},${cy - 6} ${cx + 6},${cy} ${cx},${cy + 6} ${cx - 6},${cy}`} {...common} />;
  };
}

interface MetricChartProps {
  runs: RunRecord[];
  variants: Map<string, RunVariant>;
  x: ChartXAxis;
  title: string;
  train: Metric;
  test: Metric;
  /** Accuracy chart: values in %, axis 0–100 %. */
  percent: boolean;
}

function MetricChart({ runs, variants, x, title, train, test, percent }: MetricChartProps) {
  const { t } = useTranslation();
  const { px } = useChartScale();
  const scale = percent ? 100 : 1;
  const data = runs.map((run) => ({ run, train: series(run, train, x, scale), test: series(run, test, x, scale) }));
  const xs = data.flatMap((d) => [...d.train, ...d.test].map((p) => p.x));
  const xAxis = xs.length ? niceAxis(Math.min(...xs), Math.max(...xs), 6) : { domain: [0, 1] as [number, number], ticks: [0, 1] };
  const ys = data.flatMap((d) => [...d.train, ...d.test].map((p) => p.y));
  const yAxis = percent
    ? { domain: [0, 100] as [number, number], ticks: [0, 25, 50, 75, 100] }
    : ys.length
      ? niceAxis(Math.min(...ys), Math.max(...ys), 4, 0)
      : undefined;
  const latest = latestRows(runs, train, test, percent, runLabel);
  return (
    <figure className="chart-box" style={{ margin: 0 }}>
      <figcaption className="muted">{title}</figcaption>
      <ChartImage
        label={t('chart.label', { text: summarySentence(title, latest) })}
        style={{ height: '88%' }}
        testId="chart-image"
        table={{
          caption: t('chart.tableCaption', { title }),
          head: [t('chart.headRun'), t('chart.headTrain'), t('chart.headTest'), t('chart.headAt')],
          rows: latest.map((r) => [r.run, r.train, r.test, r.at]),
        }}
      >
        <ChartPlot chart={LineChart} height="88%" bottom={18}>
          <XAxis
            {...numberAxis(xAxis)}
            dataKey="x"
            allowDataOverflow
            height={px(30)}
            label={xAxisLabel(t(`charts.xLabel.${x}`), -8)}
          />
          <YAxis {...numberAxis(yAxis, percent ? formatPercentTick : formatTick)} width={px(percent ? 68 : 52)} />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? (percent ? `${v.toFixed(1)} %` : v.toFixed(4)) : String(v))}
            labelFormatter={(l) => `${t(`charts.x.${x}`)} ${formatTick(Number(l))}`}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }}
          />
          {data.flatMap(({ run, train: tr, test: te }) => {
            const colour = alphaVar(run.config.alpha);
            const v = variantOf(variants, run.id);
            const name = runLabel(run, v);
            // Both curves of a run: its α colour, a 2 px stroke, no animation, no legend entry (RunLegend has one).
            const curve = { dataKey: 'y', stroke: colour, strokeWidth: 2, isAnimationActive: false, legendType: 'none' } as const;
            return [
              <Line
                key={`${run.id}-tr`}
                {...curve}
                data={tr}
                name={t('charts.train', { name })}
                strokeDasharray={variantDash(v.index) || undefined}
                dot={false}
              />,
              <Line
                key={`${run.id}-te`}
                {...curve}
                data={te}
                name={t('charts.test', { name })}
                strokeDasharray="6 3"
                dot={variantDot(v.index, colour)}
              />,
            ];
          })}
        </ChartPlot>
      </ChartImage>
    </figure>
  );
}

/**
 * Live loss and accuracy of every visible run, overlaid, coloured by α; x = step, epoch or
 * wall-clock time (toggle), with round ticks; accuracy in %; test points as filled dots (not clipped);
 * one compact legend entry per run, the train/test key stated once. Memoised: it redraws only when the throttled snapshot changes.
 */
export const LiveCharts = memo(function LiveCharts({ runs, x, onXChange }: LiveChartsProps) {
  const { t } = useTranslation();
  const shown = runs.filter((run) => run.visible && run.points.length > 0);
  const points = shown.reduce((n, r) => n + r.points.length, 0);
  const variants = runVariants(shown);
  const anyVariant = [...variants.values()].some((v) => v.index > 0);
  return (
    <section className="panel" aria-labelledby="charts-h">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 }}>
        <h2 id="charts-h">{t('charts.title')}</h2>
        <div className="toggle" role="group" aria-label={t('charts.xAxis')}>
          {(['step', 'epoch', 'time'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={x === v} onClick={() => onXChange(v)}>
              {t(`charts.x.${v}`)}
            </button>
          ))}
        </div>
        <span className="muted" data-testid="chart-points" data-points={points}>
          {t('charts.points', { count: shown.length, points })}
        </span>
      </div>
      <p className="muted chart-key">
        {t('charts.keyTrain')} <span className="key-line" style={{ borderColor: 'var(--muted)' }} aria-hidden="true" />{' '}
        {t('charts.keySolid')}{' '}
        <span className="key-line" style={{ borderColor: 'var(--muted)', borderTopStyle: 'dashed' }} aria-hidden="true" />{' '}
        {t('charts.keyDashed')}
        {anyVariant ? ` ${t('charts.keyVariants')}` : ''}
      </p>
      {shown.length ? <RunLegend runs={shown} variants={variants} /> : null}
      <div className="charts">
        {METRIC_CHARTS.map((m) => (
          <MetricChart key={m.train} {...m} runs={shown} variants={variants} x={x} title={t(m.title)} />
        ))}
      </div>
    </section>
  );
});
