/**
 * A sweep's results per α (paper §4.2 ablation on α, with uncertainty): mean test top-1 and its
 * 95 % interval over seeds (src/train/stats.ts), mean images/s and MACs, and the pairwise verdicts
 * "distinguishable or not" in plain words. tfjs-free and DOM-free (the page imports it too).
 */
import {
  CONFIDENCE_LEVEL,
  compareTop1,
  mean,
  top1Interval,
  type Difference,
  type IntervalMethod,
  type Top1Sample,
} from './stats';

/** What the summary needs of one finished run. */
export interface SummaryInput {
  alpha: number;
  seed: number;
  /** Final test metrics; runs without them (failed) are left out of the summary. */
  test: Top1Sample | null;
  imagesPerSecond: number;
  /** Multiply-adds per image (one forward pass). */
  macs: number;
}

/** One α of a sweep. Fractions in [0, 1]; ciLow/ciHigh bound the 95 % interval of meanTop1. */
export interface SweepSummaryRow {
  alpha: number;
  /** Finished runs (seeds) of this α. */
  n: number;
  seeds: number[];
  meanTop1: number;
  ciLow: number;
  ciHigh: number;
  /** 't' over seeds (n ≥ 2) or 'wilson' over the test images of the single run. */
  method: IntervalMethod;
  meanImagesPerSecond: number;
  macs: number;
}

/**
 * Groups finished runs by α (ascending) and summarises each group.
 * @throws Error when two runs of one α share a seed (a run counted twice).
 */
export function summarizeSweep(runs: readonly SummaryInput[], level = CONFIDENCE_LEVEL): SweepSummaryRow[] {
  const groups = new Map<number, SummaryInput[]>();
  for (const r of runs) {
    if (!r.test) continue;
    const g = groups.get(r.alpha) ?? [];
    if (g.some((x) => x.seed === r.seed)) throw new Error(`α=${r.alpha}, seed ${r.seed} appears twice`);
    g.push(r);
    groups.set(r.alpha, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([alpha, g]) => {
      const ci = top1Interval(
        g.map((r) => r.test!),
        level,
      );
      return {
        alpha,
        n: g.length,
        seeds: g.map((r) => r.seed).sort((a, b) => a - b),
        meanTop1: ci.mean,
        ciLow: ci.low,
        ciHigh: ci.high,
        method: ci.method,
        meanImagesPerSecond: mean(g.map((r) => r.imagesPerSecond)),
        macs: g[0].macs,
      };
    });
}

/** One pair of α values and whether the data tell them apart. */
export interface Verdict {
  alphaA: number;
  alphaB: number;
  /** mean top-1 of B − mean top-1 of A, with its 95 % interval (fractions). */
  difference: Difference;
  /** The sentence the page and the CLI print. */
  text: string;
}

/** "+1.23" percentage points of a fraction difference. */
const points = (d: number) => `${d >= 0 ? '+' : '−'}${Math.abs(100 * d).toFixed(2)}`;

/**
 * Every pair of α values (ascending), compared on test top-1 (see {@link compareTop1}).
 * The text says "not distinguishable" when the 95 % interval of the difference contains 0, and
 * names the caveat of single runs (only test-set noise is counted).
 */
export function sweepVerdicts(runs: readonly SummaryInput[], level = CONFIDENCE_LEVEL): Verdict[] {
  const byAlpha = new Map<number, Top1Sample[]>();
  for (const r of runs) if (r.test) byAlpha.set(r.alpha, [...(byAlpha.get(r.alpha) ?? []), r.test]);
  const alphas = [...byAlpha.keys()].sort((a, b) => a - b);
  const out: Verdict[] = [];
  for (let i = 0; i < alphas.length; i++) {
    for (let j = i + 1; j < alphas.length; j++) {
      const [a, b] = [alphas[i], alphas[j]];
      const difference = compareTop1(byAlpha.get(a)!, byAlpha.get(b)!, level);
      const range = `${points(difference.mean)} points, ${Math.round(level * 100)} % interval ${points(difference.low)} to ${points(difference.high)}`;
      const single =
        difference.method === 'wald' ? ' — one run each counts only test-set noise; add seeds to count seed noise too' : '';
      const text = difference.distinguishable
        ? `α = ${a} and α = ${b} differ: α = ${b} is ${difference.mean > 0 ? 'better' : 'worse'} by ${range}${single}.`
        : `α = ${a} and α = ${b} are not distinguishable (difference ${range})${single}.`;
      out.push({ alphaA: a, alphaB: b, difference, text });
    }
  }
  return out;
}
