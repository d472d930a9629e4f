import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
              {t('progress.row', {
                number: r.number,
                alpha: formatAlpha(r.config.alpha),
                seed: r.config.seed,
                step: r.step,
                total,
              })}
            </span>
            <progress
              role="progressbar"
              max={total}
              value={r.step}
              aria-valuenow={r.step}
              aria-valuemin={0}
              aria-valuemax={total}
              aria-label={t('progress.label', { number: r.number })}
            />
            <span className="muted">
              {t('progress.time', {
                elapsed: formatDurationMs(r.elapsedMs ?? 0),
                eta: formatDurationMs(eta.running.get(r.id) ?? null),
              })}
              {r.status !== 'running' ? ` (${t(`status.${r.status}`)})` : ''}
              {/* After the last step the run tests on the whole test set, which takes a while: say so. */}
              {r.status === 'running' && r.step >= total ? ` ${t('progress.finalTest')}` : ''}
            </span>
          </div>
        );
      })}
      <p className="muted" data-testid="queue-eta">
        {t('progress.queue', {
          running: running.length,
          queued: queued ? t('progress.queued', { queued }) : '',
          count: slots,
          eta: formatDurationMs(eta.totalMs),
          pending: eta.totalMs === null ? t('progress.pending') : '',
        })}
      </p>
    </div>
  );
}
