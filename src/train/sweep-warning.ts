/**
 * The CLI's early warning for a long sweep: once the first steps have measured the speed (a short
 * probe inside the sweep itself), a sweep that will take longer than {@link LONG_SWEEP_MS} in all
 * says so, with the figures, while it is still cheap to stop. DOM-free, tfjs-free.
 */
import { formatDuration } from './duration';

/** A sweep longer than this (ms) is announced: 10 min. */
export const LONG_SWEEP_MS = 10 * 60_000;
/** Steps a run must have measured before its speed is trusted (the first includes compilation). */
export const PROBE_STEPS = 5;

/**
 * The warning for a sweep estimated at `elapsedMs + remainingMs` in all, or null when it is not
 * longer than `limitMs`, when fewer than {@link PROBE_STEPS} steps were measured, or when no
 * estimate exists yet (`remainingMs` or `msPerStep` null).
 * @param msPerStep measured mean training time per step (ms), stated in the warning.
 */
export function longSweepWarning(
  step: number,
  elapsedMs: number,
  remainingMs: number | null,
  msPerStep: number | null,
  limitMs = LONG_SWEEP_MS,
): string | null {
  if (step < PROBE_STEPS || remainingMs === null || msPerStep === null) return null;
  const total = elapsedMs + remainingMs;
  if (total <= limitMs) return null;
  return (
    `warning: at the measured ${(msPerStep / 1000).toFixed(2)} s/step this sweep will take about ${formatDuration(total)} ` +
    `(over ${formatDuration(limitMs)}); press Ctrl-C now to stop, or lower --max-steps, --seeds or the α list, or add --jobs`
  );
}
