import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../lib/runs';

/** Props of {@link RunButtons}. */
export interface RunButtonsProps {
  /** Status of the active run, or null when idle. */
  status: RunStatus | null;
  /** Why Train is disabled (e.g. "load CIFAR-10 first"), or null. */
  blockedReason: string | null;
  queued: number;
  /** Outcome of the last run of this page session (finishedRunSummary), shown when idle. */
  lastRunSummary: string | null;
  onTrain(): void;
  onPause(): void;
  onResume(): void;
  onStop(): void;
}

/** Train / Pause / Resume / Stop with the current run state. */
export function RunButtons({
  status,
  blockedReason,
  queued,
  lastRunSummary,
  onTrain,
  onPause,
  onResume,
  onStop,
}: RunButtonsProps) {
  const { t } = useTranslation();
  const active = status !== null;
  return (
    <div>
      <div className="buttons" role="group" aria-label={t('buttons.group')}>
        <button type="button" className="primary" onClick={onTrain} disabled={blockedReason !== null} data-testid="train">
          {active ? t('buttons.queue') : t('buttons.train')}
        </button>
        <button type="button" onClick={onPause} disabled={status !== 'running'} data-testid="pause">
          {t('buttons.pause')}
        </button>
        <button type="button" onClick={onResume} disabled={status !== 'paused'} data-testid="resume">
          {t('buttons.resume')}
        </button>
        <button type="button" onClick={onStop} disabled={!active || status === 'stopping'} data-testid="stop">
          {t('buttons.stop')}
        </button>
      </div>
      <p className="muted" aria-live="polite" data-testid="run-status">
        {blockedReason ??
          (active
            ? t(queued ? 'buttons.statusQueued' : 'buttons.status', { status: t(`status.${status}`), queued })
            : (lastRunSummary ?? t('buttons.ready')))}
      </p>
    </div>
  );
}
