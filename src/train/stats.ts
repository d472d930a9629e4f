/**
 * Confidence intervals for test top-1 (tfjs-free and DOM-free: the page imports it too).
 *
 * - Over seeds (n ≥ 2 runs of one α): Student's t-interval of the mean, mean ± t(1−(1−L)/2, n−1)·s/√n,
 *   with s the sample standard deviation (n−1 in the denominator). It counts seed-to-seed noise
 *   (init, data order, augmentation) and the test set's sampling noise together.
 * - One run (n = 1): the Wilson score interval of a binomial proportion (Wilson 1927) over the
 *   test images — only the test set's sampling noise; seeds add more.
 * - Two α values: the interval of the difference of their means (Welch's t with the
 *   Welch–Satterthwaite degrees of freedom when both have n ≥ 2; else the Wald interval of a
 *   difference of two proportions over the pooled test images). "Not distinguishable" ⇔ it contains 0.
 * Quantiles come from jstat (the t and normal inverse CDFs).
 */
import jStat from 'jstat';

/** Confidence level of every interval the lab shows. */
export const CONFIDENCE_LEVEL = 0.95;

/** A point estimate with a two-sided interval. */
export interface Interval {
  mean: number;
  low: number;
  high: number;
}

/** How an interval was computed: over seeds (t) or over test images of one run (Wilson). */
export type IntervalMethod = 't' | 'wilson';

/** Arithmetic mean. @throws Error on an empty list. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('mean of an empty list');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n − 1 in the denominator). @throws Error when n < 2. */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) throw new Error(`a sample standard deviation needs ≥ 2 values (got ${xs.length})`);
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Two-sided quantile of the level: P(|T| ≤ q) = level for Student's t with `dof` (Infinity ⇒ normal). */
function twoSidedQuantile(level: number, dof: number): number {
  const p = 1 - (1 - level) / 2;
  return Number.isFinite(dof) ? jStat.studentt.inv(p, dof) : jStat.normal.inv(p, 0, 1);
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new Error(`confidence level must be in (0, 1) (got ${level})`);
}

/**
 * Student's t-interval of the mean of `xs` (e.g. top-1 of one α over seeds, fractions in [0, 1]).
 * @throws Error when fewer than 2 values, a value is not finite, or the level is outside (0, 1).
 */
export function tInterval(xs: readonly number[], level = CONFIDENCE_LEVEL): Interval {
  checkLevel(level);
  if (xs.some((x) => !Number.isFinite(x))) throw new Error(`t-interval of non-finite values (${xs.join(', ')})`);
  const m = mean(xs);
  const half = (twoSidedQuantile(level, xs.length - 1) * sampleStd(xs)) / Math.sqrt(xs.length);
  return { mean: m, low: m - half, high: m + half };
}

/**
 * Wilson score interval of a proportion `correct / count` (e.g. one run's top-1 over its test
 * images): centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * Stays inside [0, 1]. `mean` is the observed proportion p.
 * @throws Error when count is not a positive integer or correct ∉ [0, count].
 */
export function wilsonInterval(correct: number, count: number, level = CONFIDENCE_LEVEL): Interval {
  checkLevel(level);
  if (!Number.isInteger(count) || count < 1) throw new Error(`Wilson interval needs a positive image count (got ${count})`);
  if (!(correct >= 0 && correct <= count)) throw new Error(`Wilson interval: correct must be in [0, ${count}] (got ${correct})`);
  const z = twoSidedQuantile(level, Infinity);
  const p = correct / count;
  const z2n = (z * z) / count;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / count + z2n / (4 * count))) / (1 + z2n);
  return { mean: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** One finished run as the statistics see it: top-1 in [0, 1] over `count` test images. */
export interface Top1Sample {
  top1: number;
  count: number;
}

/**
 * The interval of one α's mean top-1: t over seeds when n ≥ 2 (clipped to [0, 1]), else Wilson
 * over the run's images.
 * @throws Error on an empty list (and the errors of {@link tInterval} / {@link wilsonInterval}).
 */
export function top1Interval(samples: readonly Top1Sample[], level = CONFIDENCE_LEVEL): Interval & { method: IntervalMethod } {
  if (samples.length === 0) throw new Error('no finished run to summarise');
  if (samples.length >= 2) {
    // A fraction lies in [0, 1]: the t-interval is clipped there (few seeds make it wide).
    const t = tInterval(
      samples.map((s) => s.top1),
      level,
    );
    return { mean: t.mean, low: Math.max(0, t.low), high: Math.min(1, t.high), method: 't' };
  }
  const { top1, count } = samples[0];
  return { ...wilsonInterval(Math.round(top1 * count), count, level), method: 'wilson' };
}

/** The difference of two α values' mean top-1 (b − a) and its interval. */
export interface Difference extends Interval {
  /** False when the interval contains 0: the data cannot tell the two apart at this level. */
  distinguishable: boolean;
  method: IntervalMethod | 'wald';
}

/**
 * Interval of mean(b) − mean(a). Welch's t when both have ≥ 2 runs (Welch–Satterthwaite dof);
 * otherwise the Wald interval of p_b − p_a over the pooled test images of each side.
 * @throws Error when either side is empty.
 */
export function compareTop1(a: readonly Top1Sample[], b: readonly Top1Sample[], level = CONFIDENCE_LEVEL): Difference {
  checkLevel(level);
  if (a.length === 0 || b.length === 0) throw new Error('compareTop1 needs at least one run on each side');
  let d: number;
  let half: number;
  let method: Difference['method'];
  if (a.length >= 2 && b.length >= 2) {
    const va = sampleStd(a.map((s) => s.top1)) ** 2 / a.length;
    const vb = sampleStd(b.map((s) => s.top1)) ** 2 / b.length;
    d = mean(b.map((s) => s.top1)) - mean(a.map((s) => s.top1));
    const se = Math.sqrt(va + vb);
    const dof = se === 0 ? Infinity : (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
    half = twoSidedQuantile(level, dof) * se;
    method = 't';
  } else {
    const pooled = (s: readonly Top1Sample[]) => {
      const n = s.reduce((acc, x) => acc + x.count, 0);
      return { p: s.reduce((acc, x) => acc + x.top1 * x.count, 0) / n, n };
    };
    const pa = pooled(a);
    const pb = pooled(b);
    d = pb.p - pa.p;
    half = twoSidedQuantile(level, Infinity) * Math.sqrt((pa.p * (1 - pa.p)) / pa.n + (pb.p * (1 - pb.p)) / pb.n);
    method = 'wald';
  }
  const low = d - half;
  const high = d + half;
  return { mean: d, low, high, distinguishable: low > 0 || high < 0, method };
}
