import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { alphaVar } from '../lib/alphaColor';
import type { CurvePoint, RunRecord } from '../lib/runs';
import type { ChartXAxis } from '../state/labSchema';
import { niceAxis } from '../lib/niceTicks';
import { formatAlpha } from '../lib/formatAlpha';
import { latestRows, summarySentence, type CurveMetric } from '../lib/chartText';
import { ChartImage } from './ChartImage';

/** Props of {@link LiveCharts}. */
export interface LiveChartsProps {
  /** Runs to overlay (the caller passes the throttled snapshot, ≤ 4 redraws/s). */
  runs: RunRecord[];
  x: ChartXAxis;
  onXChange(x: ChartXAxis): void;
}

const X_LABEL: Record<ChartXAxis, string> = { step: 'step', epoch: 'epoch', time: 'wall-clock time (s)' };
const xOf = (p: CurvePoint, x: ChartXAxis) => (x === 'step' ? p.step : x === 'epoch' ? p.epoch : p.timeS);

/** Axis tick: at most 3 significant digits. */
const formatTick = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '');
/** Percent tick with a no-break space (recharts wraps tick text at spaces). */
const formatPercentTick = (v: number) => (Number.isFinite(v) ? `${Math.round(v)}\u00a0%` : '');

type Metric = CurveMetric;

/** One series of a run: x on the chosen axis, y (accuracies × 100, in %). */
function series(run: RunRecord, metric: Metric, x: ChartXAxis, scale: number) {
  return run.points.filter((p) => p[metric] !== undefined).map((p) => ({ x: xOf(p, x), y: (p[metric] as number) * scale }));
}

/** Compact legend name of a run: stable number, α and depth, e.g. "#2 α=.5 R8" (colour = α). */
export function runLabel(r: RunRecord): string {
  return `#${r.number} α=${formatAlpha(r.config.alpha, true)} R${r.config.depth}`;
}

/** One legend entry per shown run, in a small scrolling strip shared by both charts. */
function RunLegend({ runs }: { runs: RunRecord[] }) {
  return (
    <ul className="chart-legend" aria-label="runs in the charts" data-testid="chart-legend">
      {runs.map((r) => (
        <li key={r.id}>
          <span className="key-line" style={{ borderColor: alphaVar(r.config.alpha) }} aria-hidden="true" />
          {runLabel(r)}
        </li>
      ))}
    </ul>
  );
}

interface MetricChartProps {
  runs: RunRecord[];
  x: ChartXAxis;
  title: string;
  train: Metric;
  test: Metric;
  /** Accuracy chart: values in %, axis 0–100 %. */
  percent: boolean;
}

function MetricChart({ runs, x, title, train, test, percent }: MetricChartProps) {
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
        label={`Chart: ${summarySentence(title, latest)}`}
        style={{ height: '88%' }}
        testId="chart-image"
        table={{
          caption: `${title}: latest values of the runs in the chart`,
          head: ['run', 'train', 'test', 'at'],
          rows: latest.map((r) => [r.run, r.train, r.test, r.at]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
            <CartesianGrid stroke="var(--grid)" />
            <XAxis
              type="number"
              dataKey="x"
              domain={xAxis.domain}
              ticks={xAxis.ticks}
              allowDataOverflow
              tickFormatter={formatTick}
              label={{ value: X_LABEL[x], position: 'insideBottom', offset: -8, fill: 'var(--muted)' }}
              tick={{ fill: 'var(--muted)' }}
            />
            <YAxis
              type="number"
              tickFormatter={percent ? formatPercentTick : formatTick}
              domain={yAxis?.domain ?? ['auto', 'auto']}
              ticks={yAxis?.ticks}
              tick={{ fill: 'var(--muted)' }}
              width={percent ? 68 : 52}
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? (percent ? `${v.toFixed(1)} %` : v.toFixed(4)) : String(v))}
              labelFormatter={(l) => `${x} ${formatTick(Number(l))}`}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }}
            />
            {data.flatMap(({ run, train: tr, test: te }) => {
              const colour = alphaVar(run.config.alpha);
              const name = runLabel(run);
              return [
                <Line
                  key={`${run.id}-tr`}
                  data={tr}
                  dataKey="y"
                  name={`${name} train`}
                  stroke={colour}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                  legendType="none"
                />,
                <Line
                  key={`${run.id}-te`}
                  data={te}
                  dataKey="y"
                  name={`${name} test`}
                  stroke={colour}
                  strokeDasharray="6 3"
                  strokeWidth={2}
                  dot={{ r: 5, fill: colour, stroke: 'var(--panel)', strokeWidth: 1.5, clipDot: false }}
                  isAnimationActive={false}
                  legendType="none"
                />,
              ];
            })}
          </LineChart>
        </ResponsiveContainer>
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
  const shown = runs.filter((run) => run.visible && run.points.length > 0);
  const points = shown.reduce((n, r) => n + r.points.length, 0);
  return (
    <section className="panel" aria-labelledby="charts-h">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <h2 id="charts-h">Live curves</h2>
        <div className="toggle" role="group" aria-label="x axis">
          {(['step', 'epoch', 'time'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={x === v} onClick={() => onXChange(v)}>
              {v}
            </button>
          ))}
        </div>
        <span className="muted" data-testid="chart-points" data-points={points}>
          {shown.length} run{shown.length === 1 ? '' : 's'}, {points} points
        </span>
      </div>
      <p className="muted chart-key">
        Train: <span className="key-line" style={{ borderColor: 'var(--muted)' }} aria-hidden="true" /> solid line; test:{' '}
        <span className="key-line" style={{ borderColor: 'var(--muted)', borderTopStyle: 'dashed' }} aria-hidden="true" /> dashed
        line with dots; colour = α.
      </p>
      {shown.length ? <RunLegend runs={shown} /> : null}
      <div className="charts">
        <MetricChart runs={shown} x={x} title="Loss" train="trainLoss" test="testLoss" percent={false} />
        <MetricChart runs={shown} x={x} title="Accuracy (top-1, %)" train="trainAccuracy" test="testTop1" percent />
      </div>
    </section>
  );
});
