/**
 * Restoring the runs of earlier visits (pure): runs that were in progress come back as
 * interrupted, runs without a number are numbered in creation order, and runs queued in this page
 * before the restore finished are renumbered after the restored ones.
 */
import { restoredAsInterrupted } from './runPersistence';
import { numberRuns, type RunRecord } from './runs';

/**
 * @param stored the runs read from the store
 * @param current the runs of this page so far (queued before the restore finished)
 * @param nextNumber the next run number this page would give
 * @returns the runs to show (restored first), the next run number, and the restored runs whose
 *   record changed (interrupted, or newly numbered) and must be written back.
 */
export function mergeRestoredRuns(
  stored: readonly RunRecord[],
  current: readonly RunRecord[],
  nextNumber: number,
): { runs: RunRecord[]; nextNumber: number; rewrite: RunRecord[] } {
  // A run that was in progress when the page went away is shown (and kept) as interrupted.
  const saved = stored.map(restoredAsInterrupted);
  const changed = new Set(saved.filter((r, i) => r !== stored[i]).map((r) => r.id));
  const known = new Set(current.map((r) => r.id));
  const unnumbered = new Set(saved.filter((r) => !r.number).map((r) => r.id));
  const restored = numberRuns(saved.filter((r) => !known.has(r.id)));
  // Only the runs whose number a restored run may hold are renumbered (a second pass changes nothing).
  const maxRestored = restored.reduce((m, r) => Math.max(m, r.number), 0);
  let next = [...restored, ...current].reduce((m, r) => Math.max(m, r.number), 0);
  const fresh = current.map((r) => (r.number > maxRestored ? r : { ...r, number: ++next }));
  const interrupted = saved.filter((r) => changed.has(r.id) && known.has(r.id));
  const rewrite = [...interrupted, ...restored.filter((r) => changed.has(r.id) || unnumbered.has(r.id))];
  return { runs: [...restored, ...fresh], nextNumber: Math.max(nextNumber, next + 1), rewrite };
}
