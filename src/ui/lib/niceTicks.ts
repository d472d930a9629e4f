/**
 * Round axis ticks for the live charts (recharts' own ticks on a 'dataMin'..'dataMax' domain
 * are arbitrary floats on the wall-clock axis). DOM-free.
 */

/** Axis domain and the round ticks inside it. */
export interface NiceAxis {
  /** [min, max] of the axis, padded so that end points (markers) are not cut off. */
  domain: [number, number];
  /** Multiples of a 1/2/5 × 10^k step covering the data, within the domain. */
  ticks: number[];
}

/**
 * Round ticks for data in [min, max] with about `count` intervals, e.g. (0.8, 23.4, 5) →
 * ticks 0, 5, 10, 15, 20, 25. The domain is the outer ticks, widened by `padFraction` of the
 * span on each side (0.03: room for a marker of radius 4 px on a ~300 px axis).
 * A single value v gives ticks around it (v − 1 … v + 1 for integers).
 * @throws Error when min or max is not finite, min > max, or count < 1.
 */
export function niceAxis(min: number, max: number, count = 5, padFraction = 0.03): NiceAxis {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max)
    throw new Error(`niceAxis needs finite min ≤ max, got ${min}, ${max}`);
  if (!(count >= 1)) throw new Error(`niceAxis needs count ≥ 1, got ${count}`);
  if (min === max) {
    const d = Math.abs(min) >= 1 || min === 0 ? 1 : Math.abs(min) / 2;
    return niceAxis(min - d, max + d, count, padFraction);
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  const pad = (hi - lo) * padFraction;
  return { domain: [lo - pad, hi + pad], ticks };
}
