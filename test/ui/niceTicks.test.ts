import { describe, expect, it } from 'vitest';
import { niceAxis } from '../../src/ui/lib/niceTicks';
import { finishedRunSummary } from '../../src/ui/lib/runSummary';
import { createRun } from '../../src/ui/lib/runs';
import type { TrainConfig } from '../../src/train/protocol';

describe('niceAxis', () => {
  it('gives 1/2/5 × 10^k ticks covering the data, with a padded domain', () => {
    // span 22.6 / 5 = 4.52 → step 5; 0 … 25; pad 3 % of 25 = 0.75.
    const a = niceAxis(0.8, 23.4, 5);
    expect(a.ticks).toEqual([0, 5, 10, 15, 20, 25]);
    expect(a.domain[0]).toBeCloseTo(-0.75, 12);
    expect(a.domain[1]).toBeCloseTo(25.75, 12);
    // steps 1..30 of a short run: 29 / 6 = 4.83 → step 5; the last point (30) lies inside the padding.
    expect(niceAxis(1, 30, 6).ticks).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(niceAxis(1, 30, 6).domain[1]).toBeGreaterThan(30);
    // small fractional spans: 0.13 / 4 = 0.0325 → step 0.05.
    expect(niceAxis(0.31, 0.44, 4).ticks).toEqual([0.3, 0.35, 0.4, 0.45]);
    expect(niceAxis(7, 7).ticks).toEqual([6, 6.5, 7, 7.5, 8]);
  });
  it('rejects bad input', () => {
    expect(() => niceAxis(Number.NaN, 1)).toThrow(/finite min ≤ max/);
    expect(() => niceAxis(2, 1)).toThrow(/finite min ≤ max/);
    expect(() => niceAxis(0, 1, 0)).toThrow(/count ≥ 1/);
  });
});

describe('finishedRunSummary', () => {
  const base = createRun('r', { depth: 8, alpha: 0.5, batchSize: 10, epochs: 1 } as TrainConfig, 0, 100);
  const test = { loss: 2, top1: 0.3142, top5: 0.8, perClassAccuracy: [], confusion: [], count: 500 };
  it('names the outcome, top-1/top-5 and the time', () => {
    expect(finishedRunSummary({ ...base, status: 'completed', test, elapsedMs: 12_340, step: 50 }, 2)).toBe(
      'Run #2 completed: top-1 31.4 %, top-5 80.0 % (12.3 s).',
    );
    expect(finishedRunSummary({ ...base, status: 'stopped', test, elapsedMs: 1000, step: 7 }, 1)).toBe(
      'Run #1 stopped at step 7: top-1 31.4 %, top-5 80.0 % (1.0 s).',
    );
    expect(finishedRunSummary({ ...base, status: 'error', message: 'out of memory', step: 3 }, 4)).toBe(
      'Run #4 failed at step 3: out of memory. Hint: the model ran out of memory: lower the batch size or choose a smaller depth.',
    );
    expect(finishedRunSummary({ ...base, status: 'error', message: 'loss is NaN', step: 3 }, 4)).toBe(
      'Run #4 failed at step 3: loss is NaN.',
    );
    expect(finishedRunSummary({ ...base, status: 'running' }, 1)).toBeNull();
  });
});
