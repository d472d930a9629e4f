import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { alphaColor } from '../lib/alphaColor';
import type { CurvePoint, RunRecord } from '../lib/runs';
import type { ChartXAxis } from '../state/labSchema';

/** Props of {@link LiveCharts}. */
export interface LiveChartsProps {
  /** Runs to overlay (the caller passes the throttled snapshot, ≤ 4 redraws/s). */
  runs: RunRecord[];
  x: ChartXAxis;
  onXChange(x: ChartXAxis): void;
}

const X_LABEL: Record<ChartXAxis, string> = { step: 'step', epoch: 'epoch', time: 'wall-clock time (s)' };
const xOf = (p: CurvePoint, x: ChartXAxis) => (x === 'step' ? p.step : x === 'epoch' ? p.epoch : p.timeS);

/** Axis tick: at most 3 significant digits (wall-clock ticks are arbitrary floats). */
const formatTick = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '');

type Metric = 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testTop1';

function series(run: RunRecord, metric: Metric, x: ChartXAxis) {
  return run.points.filter((p) => p[metric] !== undefined).map((p) => ({ x: xOf(p, x), y: p[metric] as number }));
}

/** Short legend name of a run: α and depth (colour = α, the same in every view). */
export function runLabel(r: RunRecord): string {
  return `α=${r.config.alpha} R${r.config.depth}`;
}

function MetricChart({ runs, x, title, train, test }: { runs: RunRecord[]; x: ChartXAxis; title: string; train: Metric; test: Metric }) {
  return (
    <figure className="chart-box" style={{ margin: 0 }} aria-label={title}>
      <figcaption className="muted">{title} — train: solid, test: dashed</figcaption>
      <ResponsiveContainer width="100%" height="88%">
        <LineChart margin={{ top: 8, right: 12, bottom: 18, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" />
          <XAxis type="number" dataKey="x" domain={['dataMin', 'dataMax']} allowDecimals tickCount={6} padding={{ left: 6, right: 10 }} tickFormatter={formatTick}
            label={{ value: X_LABEL[x], position: 'insideBottom', offset: -8, fill: 'var(--muted)' }} tick={{ fill: 'var(--muted)' }} />
          <YAxis type="number" tickFormatter={formatTick} domain={train === 'trainLoss' ? ['auto', 'auto'] : [0, 1]} tick={{ fill: 'var(--muted)' }} width={44} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} labelFormatter={(l) => `${x} ${l}`}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }} />
          <Legend verticalAlign="top" />
          {runs.flatMap((r, i) => [
            <Line key={`${r.id}-tr`} data={series(r, train, x)} dataKey="y" name={`${runLabel(r)} #${i + 1} train`} stroke={alphaColor(r.config.alpha)}
              dot={false} strokeWidth={2} isAnimationActive={false} legendType="line" />,
            <Line key={`${r.id}-te`} data={series(r, test, x)} dataKey="y" name={`${runLabel(r)} #${i + 1} test`} stroke={alphaColor(r.config.alpha)}
              strokeDasharray="6 3" dot={{ r: 3 }} strokeWidth={2} isAnimationActive={false} legendType="none" />,
          ])}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/**
 * Live loss and accuracy of every visible run, overlaid, coloured by α; x = step, epoch or
 * wall-clock time (toggle). Memoised: it redraws only when the throttled snapshot changes.
 */
export const LiveCharts = memo(function LiveCharts({ runs, x, onXChange }: LiveChartsProps) {
  const shown = runs.filter((r) => r.visible && r.points.length > 0);
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
      <div className="charts">
        <MetricChart runs={shown} x={x} title="Loss" train="trainLoss" test="testLoss" />
        <MetricChart runs={shown} x={x} title="Accuracy (top-1)" train="trainAccuracy" test="testTop1" />
      </div>
    </section>
  );
});
