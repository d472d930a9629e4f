/**
 * Strict parsing of numeric command-line values, shared by every CLI through ./cli-options.ts.
 * Only plain decimal notation is a number here: '128', '0.25', '.5', '1e-3', '-2'. JavaScript's
 * Number() also accepts '0x14', '0b101', '0o7', 'Infinity', ' 12 ' and '' (as 0) — on a command
 * line those are typos, so they are refused with the flag's name.
 */

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Bounds of {@link parseCliNumber}. */
export interface CliNumberBounds {
  /** Whole numbers only. */
  integer?: boolean;
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Values must be larger than this (exclusive lower bound). */
  greaterThan?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
}

/** "an integer from 1 to 64", "a number ≥ 0 and ≤ 1", "a number > 0": the allowed values in words. */
function describeBounds(integer: boolean, min: number, greaterThan: number, max: number): string {
  if (integer && min > -Infinity && max < Infinity && greaterThan === -Infinity) return `an integer from ${min} to ${max}`;
  const limits = [
    ...(min > -Infinity ? [`≥ ${min}`] : []),
    ...(greaterThan > -Infinity ? [`> ${greaterThan}`] : []),
    ...(max < Infinity ? [`≤ ${max}`] : []),
  ];
  return [integer ? 'an integer' : 'a number', limits.join(' and ')].filter(Boolean).join(' ');
}

/**
 * Parses the value of `--<flag>` as a decimal number within `bounds`.
 * @throws Error `--<flag> needs a number in decimal notation (got '<raw>')` for anything but
 *   decimal notation, or `--<flag> must be an integer ≥ min (got <v>)` (the bounds in words) when
 *   out of bounds.
 */
export function parseCliNumber(flag: string, raw: string, bounds: CliNumberBounds = {}): number {
  if (!DECIMAL.test(raw)) throw new Error(`--${flag} needs a number in decimal notation (got '${raw}')`);
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new Error(`--${flag} needs a finite number (got '${raw}')`);
  const { integer = false, min = -Infinity, greaterThan = -Infinity, max = Infinity } = bounds;
  if ((integer && !Number.isInteger(v)) || v < min || v <= greaterThan || v > max)
    throw new Error(`--${flag} must be ${describeBounds(integer, min, greaterThan, max)} (got ${raw})`);
  return v;
}
