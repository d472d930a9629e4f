/**
 * Exact text of a filter radius in cycles/pixel (the band-limited accuracy radii are multiples of
 * 1/32, the largest radial frequency of a 32×32 DFT is √2/2). DOM-free.
 */

/** Denominator of the radius grid: one DFT step of the 32×32 input is 1/32 cycles/pixel. */
const GRID_DENOMINATOR = 32;
/** Tolerance for recognising a fraction or √2/2 (radii are built as k/32 in floating point). */
const EPS = 1e-9;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A number written exactly, without floating-point noise: at most 12 significant digits, e.g.
 * 100 · 0.57 → "57", 0.15625 → "0.15625" ('' for a non-finite value).
 */
export function exactNumber(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : '';
}

/** `v` rounded to 12 significant digits (a number for CSV cells: no 56.99999999999999). */
export const roundExact = (v: number): number => Number(v.toPrecision(12));

/**
 * Short exact text of a radius (axis ticks): a reduced fraction k/32 ("0", "1/32", "1/8", "1/2",
 * "1", "23/32"), "√2/2" for √2/2, else 3 decimals ("0.300").
 * @throws Error when `r` is not finite.
 */
export function formatRadius(r: number): string {
  if (!Number.isFinite(r)) throw new Error(`formatRadius: the radius must be finite, got ${r}`);
  const k = Math.round(r * GRID_DENOMINATOR);
  if (Math.abs(r * GRID_DENOMINATOR - k) < EPS) {
    if (k === 0) return '0';
    const d = gcd(Math.abs(k), GRID_DENOMINATOR);
    const num = k / d;
    const den = GRID_DENOMINATOR / d;
    return den === 1 ? String(num) : `${num}/${den}`;
  }
  if (Math.abs(r - Math.SQRT1_2) < EPS) return '√2/2';
  return r.toFixed(3);
}

/**
 * Long exact text of a radius (tooltips, tables): the short form and, where it is not already
 * a decimal, the decimal value: "1/8 = 0.125", "√2/2 ≈ 0.7071", "0" , "0.300".
 * @throws Error when `r` is not finite.
 */
export function radiusLabel(r: number): string {
  const short = formatRadius(r);
  if (short.startsWith('√')) return `${short} ≈ ${r.toFixed(4)}`;
  return short.includes('/') ? `${short} = ${exactNumber(r)}` : short;
}
