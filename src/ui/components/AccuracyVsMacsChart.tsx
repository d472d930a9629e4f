import { memo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { alphaColor } from '../lib/alphaColor';
import type { RunRecord } from '../lib/runs';

/** Props of {@link AccuracyVsMacsChart}. */
export interface AccuracyVsMacsChartProps {
  runs: RunRecord[];
}

/**
 * Top-1 vs MMACs, one point per finished run, coloured by α (paper Fig. 4: accuracy against
 * FLOPs of the ablation on α).
 */
export const AccuracyVsMacsChart = memo(function AccuracyVsMacsChart({ runs }: AccuracyVsMacsChartProps) {
  const pts = runs
    .filter((r) => r.cost && r.test && (r.status === 'completed' || r.status === 'stopped'))
    .map((r) => ({ x: r.cost!.macs / 1e6, y: r.test!.top1 * 100, alpha: r.config.alpha, depth: r.config.depth, fill: alphaColor(r.config.alpha) }));
  return (
    <section className="panel" aria-labelledby="avm-h">
      <h2 id="avm-h">Accuracy vs cost</h2>
      <p className="muted">One point per finished run: test top-1 against multiply-adds per image; colour = α.</p>
      <div className="chart-box" data-testid="acc-vs-macs" data-points={pts.length}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" />
            <XAxis type="number" dataKey="x" name="MMACs" domain={['auto', 'auto']} tick={{ fill: 'var(--muted)' }}
              label={{ value: 'MMACs per image', position: 'insideBottom', offset: -10, fill: 'var(--muted)' }} />
            <YAxis type="number" dataKey="y" name="test top-1 %" domain={['auto', 'auto']} tick={{ fill: 'var(--muted)' }} width={56}
              label={{ value: 'test top-1 %', angle: -90, position: 'insideLeft', offset: 10, fill: 'var(--muted)', style: { textAnchor: 'middle' } }} />
            <ZAxis range={[90, 90]} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }} />
            <Scatter data={pts} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
});
