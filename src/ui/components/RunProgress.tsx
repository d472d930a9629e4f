import { formatAlpha } from '../lib/formatAlpha';
import { formatDurationMs, plannedStepsOf, queueEtaOf } from '../lib/runProgress';
import type { RunRecord } from '../lib/runs';

/** Props of {@link RunProgress}. */
export interface RunProgressProps {
  runs: RunRecord[];
  /** Runs that can train at once (workers). */
  slots: number;
}

/**
 * Every running run as "step k / N" with a progress bar (role=progressbar, aria-valuenow /
 * aria-valuemax), its elapsed time and ETA from its measured step time; then the queue's total ETA.
 */
export function RunProgress({ runs, slots }: RunProgressProps) {
  const running = runs.filter((r) => r.status === 'running' || r.status === 'paused' || r.status === 'stopping');
  const queued = runs.filter((r) => r.status === 'queued').length;
  if (!running.length && !queued) return null;
  const eta = queueEtaOf(runs, slots);
  return (
    <div className="run-progress" data-testid="run-progress">
      {running.map((r) => {
        const total = plannedStepsOf(r);
        return (
          <div key={r.id} className="run-progress-row" data-testid="run-progress-row">
            <span>
              #{r.number} α={formatAlpha(r.config.alpha)} seed {r.config.seed}: step {r.step} / {total}
            </span>
            <progress
              role="progressbar"
              max={total}
              value={r.step}
              aria-valuenow={r.step}
              aria-valuemin={0}
              aria-valuemax={total}
              aria-label={`run #${r.number} progress`}
            />
            <span className="muted">
              {formatDurationMs(r.elapsedMs ?? 0)} elapsed, ETA {formatDurationMs(eta.running.get(r.id) ?? null)}
              {r.status !== 'running' ? ` (${r.status})` : ''}
            </span>
          </div>
        );
      })}
      <p className="muted" data-testid="queue-eta">
        {running.length} running{queued ? `, ${queued} queued` : ''} on {slots} worker{slots === 1 ? '' : 's'}; whole queue done
        in about {formatDurationMs(eta.totalMs)} of training
        {eta.totalMs === null ? ' (after the first steps are measured)' : ''}.
      </p>
    </div>
  );
}
