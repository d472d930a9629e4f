/**
 * Intervals and verdicts of sweeps against published values (Student t table; Newcombe 1998,
 * Table I for the Wilson interval) and hand computations.
 */
import { describe, expect, it } from 'vitest';
import { compareTop1, mean, sampleStd, tInterval, top1Interval, wilsonInterval } from '../../src/train/stats';
import { summarizeSweep, sweepVerdicts, type SummaryInput } from '../../src/train/sweep-summary';

describe('t-interval over seeds', () => {
  it('mean ± t(0.975, n−1)·s/√n with tabulated t (12.706, 4.303, 2.262)', () => {
    const xs = [0.5, 0.52, 0.57];
    const s = Math.sqrt(((0.5 - 0.53) ** 2 + (0.52 - 0.53) ** 2 + (0.57 - 0.53) ** 2) / 2);
    expect(mean(xs)).toBeCloseTo(0.53, 12);
    expect(sampleStd(xs)).toBeCloseTo(s, 12);
    const ci = tInterval(xs);
    expect(ci.high - 0.53).toBeCloseTo((4.303 * s) / Math.sqrt(3), 4);
    expect(0.53 - ci.low).toBeCloseTo((4.303 * s) / Math.sqrt(3), 4);
    expect(tInterval([1, 2]).high - 1.5).toBeCloseTo((12.706 * Math.SQRT1_2) / Math.SQRT2, 3);
    const ten = Array.from({ length: 10 }, (_, i) => i);
    expect(tInterval(ten).high - 4.5).toBeCloseTo((2.262 * sampleStd(ten)) / Math.sqrt(10), 3);
  });
  it('rejects fewer than 2 values, non-finite values and bad levels', () => {
    expect(() => tInterval([0.5])).toThrow(/needs ≥ 2 values \(got 1\)/);
    expect(() => tInterval([0.5, NaN])).toThrow(/non-finite/);
    expect(() => tInterval([0.5, 0.6], 1)).toThrow(/level must be in \(0, 1\) \(got 1\)/);
    expect(() => mean([])).toThrow(/empty/);
  });
});

describe('Wilson interval (Newcombe 1998, Table I)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i / %i → [%f, %f]', (x, n, lo, hi) => {
    const ci = wilsonInterval(x, n);
    expect(ci.mean).toBeCloseTo(x / n, 12);
    expect(ci.low).toBeCloseTo(lo, 4);
    expect(ci.high).toBeCloseTo(hi, 4);
  });
  it('rejects a bad count or correct count', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(/positive image count \(got 0\)/);
    expect(() => wilsonInterval(11, 10)).toThrow(/correct must be in \[0, 10\] \(got 11\)/);
  });
  it('one run uses Wilson over its test images; several use t, clipped to [0, 1]', () => {
    expect(top1Interval([{ top1: 81 / 263, count: 263 }])).toMatchObject({ method: 'wilson', low: expect.closeTo(0.2553, 4) });
    const wide = top1Interval([
      { top1: 0.02, count: 100 },
      { top1: 0.2, count: 100 },
    ]);
    expect(wide).toMatchObject({ method: 't', low: 0 });
    expect(() => top1Interval([])).toThrow(/no finished run/);
  });
});

describe('comparing two α values', () => {
  const runs = (xs: number[]) => xs.map((top1) => ({ top1, count: 10_000 }));
  it('Welch t: equal variances and n give dof 2(n−1) (t(0.975, 4) = 2.776)', () => {
    const d = compareTop1(runs([0.5, 0.52, 0.54]), runs([0.6, 0.62, 0.64]));
    const se = Math.sqrt((2 * 0.02 ** 2) / 3);
    expect(d.mean).toBeCloseTo(0.1, 12);
    expect(d.high - d.mean).toBeCloseTo(2.776 * se, 4);
    expect(d).toMatchObject({ method: 't', distinguishable: true });
    expect(compareTop1(runs([0.5, 0.56, 0.53]), runs([0.52, 0.55, 0.5])).distinguishable).toBe(false);
  });
  it('single runs: Wald interval of two proportions', () => {
    const d = compareTop1(runs([0.524]), runs([0.49]));
    const se = Math.sqrt((0.524 * 0.476 + 0.49 * 0.51) / 10_000);
    expect(d.mean).toBeCloseTo(-0.034, 12);
    expect(d.mean - d.low).toBeCloseTo(1.959964 * se, 6);
    expect(d).toMatchObject({ method: 'wald', distinguishable: true });
  });
});

describe('sweep summary and verdicts', () => {
  const run = (alpha: number, seed: number, top1: number): SummaryInput => ({
    alpha,
    seed,
    test: { top1, count: 10_000 },
    imagesPerSecond: 100 + seed,
    macs: 1e6 * (1 - alpha),
  });
  // The lecture example (52.4 / 49.0 / 51.7 / 51.7 %) with two more seeds each.
  const runs = [
    run(0, 1, 0.524),
    run(0, 2, 0.501),
    run(0, 3, 0.515),
    run(0.25, 1, 0.49),
    run(0.25, 2, 0.518),
    run(0.25, 3, 0.507),
    run(0.5, 1, 0.517),
    run(0.5, 2, 0.499),
    run(0.5, 3, 0.522),
    { ...run(0.75, 1, 0), test: null },
  ];
  it('groups by α, mean and interval per α; failed runs left out', () => {
    const s = summarizeSweep(runs);
    expect(s.map((r) => r.alpha)).toEqual([0, 0.25, 0.5]);
    expect(s[0]).toMatchObject({ n: 3, seeds: [1, 2, 3], method: 't', meanImagesPerSecond: 102, macs: 1e6 });
    expect(s[0].meanTop1).toBeCloseTo((0.524 + 0.501 + 0.515) / 3, 12);
    const ci = tInterval([0.524, 0.501, 0.515]);
    expect([s[0].ciLow, s[0].ciHigh]).toEqual([ci.low, ci.high]);
    expect(() => summarizeSweep([run(0, 1, 0.5), run(0, 1, 0.6)])).toThrow(/α=0, seed 1 appears twice/);
  });
  it('says in words which α values cannot be told apart', () => {
    const v = sweepVerdicts(runs);
    expect(v.map((x) => [x.alphaA, x.alphaB])).toEqual([
      [0, 0.25],
      [0, 0.5],
      [0.25, 0.5],
    ]);
    expect(v[0].text).toMatch(
      /^α = 0 and α = 0.25 are not distinguishable \(difference −0\.83 points, 95 % interval −[\d.]+ to \+[\d.]+\)\.$/,
    );
    const clear = sweepVerdicts([run(0, 1, 0.6), run(0, 2, 0.61), run(0.5, 1, 0.5), run(0.5, 2, 0.51)]);
    expect(clear[0].text).toMatch(/^α = 0 and α = 0.5 differ: α = 0.5 is worse by −10\.00 points/);
  });
});
