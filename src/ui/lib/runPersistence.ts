/**
 * Keeping a run in progress across a reload, tab close or browser quit (issue 14 item 2): the
 * page writes snapshots of the running run (config, step, points) to the runs store every
 * {@link RUNNING_SNAPSHOT_INTERVAL_MS}; on the next visit a run that never finished is shown as
 * `interrupted` with its curves up to the last snapshot. DOM-free.
 */
import { isFinished, type RunRecord } from './runs';
import { t } from '../i18n';

/** How often a run in progress is written to IndexedDB (ms): at most this much of a run is lost. */
export const RUNNING_SNAPSHOT_INTERVAL_MS = 3_000;

/** True for a run that has started and not ended (running, paused, stopping). */
export function isInProgress(run: RunRecord): boolean {
  return run.status !== 'queued' && !isFinished(run);
}

/**
 * The runs to write now: those in progress whose step differs from the last snapshot written
 * (`written`: run id → step; a run never written is always due, so its row exists from step 0).
 */
export function runsDueForSnapshot(runs: readonly RunRecord[], written: ReadonlyMap<string, number>): RunRecord[] {
  return runs.filter((r) => isInProgress(r) && written.get(r.id) !== r.step);
}

/**
 * A stored run as the next visit shows it: one that never finished (the page went away while it
 * ran) becomes `interrupted`, keeping its config, step and points, with a message saying so;
 * finished runs are returned unchanged (same object).
 */
export function restoredAsInterrupted(run: RunRecord): RunRecord {
  if (isFinished(run)) return run;
  return {
    ...run,
    status: 'interrupted',
    message: t('restore.interrupted', { step: run.step }),
  };
}

/**
 * The text of the leave-page prompt while a run is in progress or queued, else null (no prompt).
 * Browsers show their own wording; this is kept for those that show the page's.
 */
export function leaveWarning(activeId: string | null, queued: number): string | null {
  if (activeId === null && queued === 0) return null;
  return `A run is in progress${queued ? ` and ${queued} queued` : ''}: leaving stops it (its curves so far are kept as "interrupted").`;
}
