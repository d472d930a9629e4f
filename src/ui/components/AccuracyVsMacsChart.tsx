import { memo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { alphaVar } from '../lib/alphaColor';
import { formatAlpha } from '../lib/formatAlpha';
import { niceAxis } from '../lib/niceTicks';
import type { RunRecord } from '../lib/runs';

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
  depth: number;
  fill: string;
}

/** Tooltip of a point: run number, α, depth, top-1 and MMACs. */
function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: Point }> }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="chart-tooltip" data-testid="avm-tooltip">
      <strong>
        <span className="swatch" style={{ background: p.fill }} aria-hidden="true" />
        run #{p.number}
      </strong>
      <div>α = {formatAlpha(p.alpha)}, Oct-ResNet-{p.depth}</div>
      <div>top-1 {p.y.toFixed(1)} %</div>
      <div>{p.x.toFixed(2)} MMACs per image</div>
    </div>
  );
}

/** Tick with at most 3 significant digits. */
const formatTick = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '');

/**
 * Top-1 vs MMACs, one point per finished run, coloured by α (paper Fig. 4: accuracy against
 * FLOPs of the ablation on α); round ticks, a tooltip naming the run.
 */
export const AccuracyVsMacsChart = memo(function AccuracyVsMacsChart({ runs }: AccuracyVsMacsChartProps) {
  const pts: Point[] = runs
    .filter((r) => r.cost && r.test && (r.status === 'completed' || r.status === 'stopped'))
    .map((r) => ({ x: r.cost!.macs / 1e6, y: r.test!.top1 * 100, number: r.number, alpha: r.config.alpha, depth: r.config.depth, fill: alphaVar(r.config.alpha) }));
  const xAxis = pts.length ? niceAxis(Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x)), 5) : undefined;
  const yAxis = pts.length ? niceAxis(Math.min(...pts.map((p) => p.y)), Math.max(...pts.map((p) => p.y)), 5) : undefined;
  return (
    <section className="panel" aria-labelledby="avm-h">
      <h2 id="avm-h">Accuracy vs cost</h2>
      <p className="muted">One point per finished run: test top-1 against multiply-adds per image; colour = α.</p>
      <div className="chart-box" data-testid="acc-vs-macs" data-points={pts.length}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
            <CartesianGrid stroke="var(--grid)" />
            <XAxis type="number" dataKey="x" name="MMACs" domain={xAxis?.domain ?? ['auto', 'auto']} ticks={xAxis?.ticks} tickFormatter={formatTick}
              tick={{ fill: 'var(--muted)' }} label={{ value: 'MMACs per image', position: 'insideBottom', offset: -10, fill: 'var(--muted)' }} />
            <YAxis type="number" dataKey="y" name="test top-1 %" domain={yAxis?.domain ?? ['auto', 'auto']} ticks={yAxis?.ticks} tickFormatter={formatTick}
              tick={{ fill: 'var(--muted)' }} width={72}
              label={{ value: 'test top-1 (%)', angle: -90, position: 'insideLeft', offset: 4, fill: 'var(--muted)', style: { textAnchor: 'middle' } }} />
            <ZAxis range={[90, 90]} />
            <Tooltip content={<PointTooltip />} />
            <Scatter data={pts} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
});
