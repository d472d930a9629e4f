/**
 * Channel split of an octave feature map (paper §3.1, docs/architecture.md §3).
 */

/** Tolerance that makes floor(α·c) robust to binary floating-point error (e.g. 0.7·10 = 6.999…). */
const SPLIT_EPSILON = 1e-9;

/**
 * Splits `channels` into high- and low-frequency channel counts for ratio α (paper §3.1):
 * `low = floor(α·c + 1e-9)`, `high = c − low`. A product α·c that is an integer in exact arithmetic
 * (0.7·10, 0.1·3·10) is never rounded down. Used by every OctConv path and every BatchNorm.
 *
 * @param channels total channel count c (non-negative integer)
 * @param alpha ratio α ∈ [0, 1] of low-frequency channels
 * @returns `{ high, low }` with high + low = channels
 * @throws Error if α is NaN or outside [0, 1], or channels is negative or not an integer
 */
export function splitChannels(channels: number, alpha: number): { high: number; low: number } {
  checkAlpha(alpha, 'splitChannels');
  if (!Number.isInteger(channels) || channels < 0) {
    throw new Error(`splitChannels: channels must be a non-negative integer, got ${channels}`);
  }
  const low = Math.min(channels, Math.floor(alpha * channels + SPLIT_EPSILON));
  return { high: channels - low, low };
}

/**
 * Throws a clear error unless α is a number in [0, 1].
 * @param alpha the ratio to check
 * @param where name of the caller/layer, put at the start of the message
 * @throws Error for NaN, ±Infinity and values outside [0, 1]
 */
export function checkAlpha(alpha: number, where: string): void {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0 || alpha > 1) {
    throw new Error(`${where}: alpha must be a number in [0, 1], got ${alpha}`);
  }
}
