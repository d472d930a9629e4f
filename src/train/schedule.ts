/**
 * Learning-rate schedules (docs/architecture.md §6). Pure functions of the step index; no tfjs.
 *
 * - 'onecycle' (Smith & Topin 2019, "Super-Convergence"): linear warm-up from peak/25 to the peak
 *   over the first 30 % of the steps, then linear annealing to 0 at the last step.
 * - 'cosine' (Goyal et al. 2017 warm-up + Loshchilov & Hutter 2017 SGDR): linear warm-up from
 *   0 over the first 5 % of the steps (at least one), then half a cosine down to 0.
 */
import type { LrSchedule } from './protocol';

/** Fraction of the run spent warming up in the one-cycle schedule. */
export const ONECYCLE_WARMUP_FRACTION = 0.3;
/** One-cycle starts at peak / ONECYCLE_DIV_FACTOR. */
export const ONECYCLE_DIV_FACTOR = 25;
/** Fraction of the run spent in linear warm-up before the cosine decay. */
export const COSINE_WARMUP_FRACTION = 0.05;

/**
 * Learning rate of step `step` (0-based) out of `totalSteps`, for a peak rate `peak`.
 * One-cycle is evaluated at the step's start (step / totalSteps): the first step runs at peak/25
 * and the last one just above 0. Cosine warm-up reaches the peak on its last warm-up step.
 * @throws Error when totalSteps < 1, step ∉ [0, totalSteps), or peak ≤ 0.
 */
export function learningRateAt(schedule: LrSchedule, peak: number, step: number, totalSteps: number): number {
  if (!Number.isInteger(totalSteps) || totalSteps < 1) throw new Error(`totalSteps must be an integer ≥ 1 (got ${totalSteps})`);
  if (!Number.isInteger(step) || step < 0 || step >= totalSteps) {
    throw new Error(`step must be an integer in [0, ${totalSteps}) (got ${step})`);
  }
  if (!(peak > 0)) throw new Error(`peak learning rate must be > 0 (got ${peak})`);
  const t = step / totalSteps; // position of the step's start in [0, 1)
  if (schedule === 'onecycle') {
    const w = ONECYCLE_WARMUP_FRACTION;
    const start = peak / ONECYCLE_DIV_FACTOR;
    if (t < w) return start + (peak - start) * (t / w);
    return peak * (1 - (t - w) / (1 - w));
  }
  if (schedule === 'cosine') {
    const warmSteps = Math.max(1, Math.round(COSINE_WARMUP_FRACTION * totalSteps));
    if (step < warmSteps) return (peak * (step + 1)) / warmSteps;
    const p = (step - warmSteps) / Math.max(1, totalSteps - warmSteps);
    return 0.5 * peak * (1 + Math.cos(Math.PI * p));
  }
  throw new Error(`unknown schedule '${String(schedule)}' (use 'onecycle' or 'cosine')`);
}
