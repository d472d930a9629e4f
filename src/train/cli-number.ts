/**
 * Strict parsing of numeric command-line values, shared by every CLI (train, sweep, bench, data).
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
  /** Largest allowed value (inclusive). */
  max?: number;
}

/**
 * Parses the value of `--<flag>` as a decimal number within `bounds`.
 * @throws Error `--<flag> needs a number (got '<raw>')` for anything but decimal notation, or
 *   `--<flag> must be an integer ≥ min and ≤ max (got <v>)` when out of bounds.
 */
export function parseCliNumber(flag: string, raw: string, bounds: CliNumberBounds = {}): number {
  if (!DECIMAL.test(raw)) throw new Error(`--${flag} needs a number in decimal notation (got '${raw}')`);
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new Error(`--${flag} needs a finite number (got '${raw}')`);
  const { integer = false, min = -Infinity, max = Infinity } = bounds;
  if ((integer && !Number.isInteger(v)) || v < min || v > max) {
    const parts = [integer ? 'an integer' : 'a number'];
    if (min > -Infinity) parts.push(`≥ ${min}`);
    if (max < Infinity) parts.push(`${min > -Infinity ? 'and ' : ''}≤ ${max}`);
    throw new Error(`--${flag} must be ${parts.join(' ')} (got ${raw})`);
  }
  return v;
}
