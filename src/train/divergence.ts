/**
 * Divergence detection of a training run: a non-finite or exploding training loss (checked at
 * each readback), an exploding final test loss, or a final test top-1 at or below chance after
 * the warm-up. DOM-free, tfjs-free.
 * A diverged run ends as 'diverged' with a plain-language hint instead of "completed".
 */

/** A train loss above this multiple of ln K (the loss of a uniform guess) has exploded. */
export const EXPLODING_LOSS_FACTOR = 4;
/** Steps after which a model must beat chance (1/K top-1) on the test split. */
export const CHANCE_WARMUP_STEPS = 100;

/** What to try, named with the run's own values. */
function hint(lr: number, momentum: number): string {
  return `lower the learning rate (now ${lr.toPrecision(3)}${momentum >= 0.95 ? `) or the momentum (now ${momentum}` : ''})`;
}

/**
 * Checks a readback's mean train loss (cross-entropy, nats).
 * @returns the message of a diverged run, or null when the loss is fine.
 */
export function lossDivergence(meanLoss: number, step: number, lr: number, momentum: number, numClasses: number): string | null {
  const limit = EXPLODING_LOSS_FACTOR * Math.log(numClasses);
  if (Number.isFinite(meanLoss) && meanLoss <= limit) return null;
  const what = Number.isFinite(meanLoss)
    ? `the training loss exploded to ${meanLoss.toFixed(1)} (a uniform guess scores ${Math.log(numClasses).toFixed(2)})`
    : `the loss is ${meanLoss}`;
  return `Training diverged at step ${step}: ${what}. The steps were too large: ${hint(lr, momentum)}.`;
}

/**
 * Checks the final test metrics of a run of `steps` steps: a test loss above
 * {@link EXPLODING_LOSS_FACTOR}·ln K, or (after {@link CHANCE_WARMUP_STEPS}) a top-1 ∈ [0, 1] at
 * or below chance (1/K).
 * @returns the message of a diverged run, or null.
 */
export function testDivergence(
  test: { top1: number; loss: number },
  steps: number,
  lr: number,
  momentum: number,
  numClasses: number,
): string | null {
  const chance = 1 / numClasses;
  if (!Number.isFinite(test.loss) || test.loss > EXPLODING_LOSS_FACTOR * Math.log(numClasses)) {
    return `Training diverged: the test loss is ${Number.isFinite(test.loss) ? test.loss.toFixed(1) : test.loss} (a uniform guess scores ${Math.log(numClasses).toFixed(2)}): ${hint(lr, momentum)}.`;
  }
  if (steps < CHANCE_WARMUP_STEPS || test.top1 > chance) return null;
  return (
    `Training diverged: after ${steps} steps the test top-1 is ${(100 * test.top1).toFixed(1)} %, at or below chance ` +
    `(${(100 * chance).toFixed(0)} %), so the model learned nothing: ${hint(lr, momentum)}.`
  );
}
