/** The page's α comparisons (recipes, summary, verdicts), progress/ETA and sweep estimates. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/config';
import type { TrainConfig } from '../../src/train/protocol';
import { tInterval, wilsonInterval } from '../../src/train/stats';
import { estimateSweepMs, formatDurationMs, measuredMacsPerMs, plannedStepsOf, queueEtaOf } from '../../src/ui/lib/runProgress';
import { createRun, type RunRecord } from '../../src/ui/lib/runs';
import { differingLabels, summarizeRuns } from '../../src/ui/lib/runStats';
import { planSweep } from '../../src/ui/lib/sweepQueue';
import { runsToJson, summaryToCsv } from '../../src/ui/lib/runExport';
import { workerPlan } from '../../src/ui/hooks/useWorkerPool';

const vanilla = { params: 1, macs: 2e6, activationElements: 1 };
/** A finished run of `config` with top-1 `top1` on 1000 test images. */
function done(n: number, patch: Partial<TrainConfig>, top1: number): RunRecord {
  const r = createRun(`r${n}`, { ...DEFAULT_TRAIN_CONFIG, maxSteps: 100, ...patch }, n, 50_000, null, n);
  return {
    ...r,
    status: 'completed',
    step: 100,
    imagesPerSecond: 100,
    elapsedMs: 10_000,
    cost: { ...vanilla, macs: 1e6 * (2 - (patch.alpha ?? 0)), vanilla },
    test: { loss: 1, top1, top5: 0.9, perClassAccuracy: [], confusion: [], count: 1000 },
  };
}

describe('α comparisons on the page', () => {
  const runs = [
    done(1, { alpha: 0, seed: 1 }, 0.5),
    done(2, { alpha: 0, seed: 2 }, 0.52),
    done(3, { alpha: 0.5, seed: 1 }, 0.51),
    done(4, { alpha: 0.5, seed: 2 }, 0.49),
    done(5, { alpha: 0.5, seed: 1, depth: 14 }, 0.55),
    { ...done(6, { alpha: 0.25 }, 0.4), status: 'error' as const },
  ];
  it('groups by recipe, summarises per α, names what differs', () => {
    const s = summarizeRuns(runs);
    expect(s.map((g) => g.label)).toEqual(['R8', 'R14']);
    expect(s[0].rows.map((r) => [r.alpha, r.n, r.method])).toEqual([
      [0, 2, 't'],
      [0.5, 2, 't'],
    ]);
    const ci = tInterval([0.5, 0.52]);
    expect(s[0].rows[0]).toMatchObject({ meanTop1: expect.closeTo(0.51, 12), ciLow: ci.low, ciHigh: ci.high });
    const w = wilsonInterval(550, 1000);
    expect(s[1].rows[0]).toMatchObject({ n: 1, method: 'wilson', ciLow: w.low, ciHigh: w.high });
    expect(s[0].verdicts[0].text).toMatch(/^α = 0 and α = 0.5 are not distinguishable/);
    expect(differingLabels([DEFAULT_TRAIN_CONFIG, { ...DEFAULT_TRAIN_CONFIG, learningRate: 0.1, alpha: 0.5 }])).toEqual([
      'lr 0.2',
      'lr 0.1',
    ]);
  });
  it('exports the summary in JSON and CSV', () => {
    const s = summarizeRuns(runs);
    const json = JSON.parse(runsToJson(runs, s));
    expect(json.summary[0]).toMatchObject({ recipe: 'R8', alpha: 0, n: 2, meanTop1: expect.closeTo(0.51, 12) });
    const lines = summaryToCsv(s).trim().split(/\r?\n/);
    expect(lines[0]).toBe('recipe,alpha,n,seeds,top1_mean_pct,top1_ci95_low_pct,top1_ci95_high_pct,interval,images_per_s,mmacs');
    expect(lines[1]).toBe(
      `R8,0,2,1 2,51,${(100 * tInterval([0.5, 0.52]).low).toFixed(2).replace(/0+$/, '').replace(/\.$/, '')},${Number((100 * tInterval([0.5, 0.52]).high).toFixed(2))},t,100,2`,
    );
  });
  it('plans α × repeats with consecutive seeds', () => {
    expect(planSweep({ ...DEFAULT_TRAIN_CONFIG, seed: 5 }, [0, 0.5], 3).map((c) => [c.alpha, c.seed])).toEqual([
      [0, 5],
      [0, 6],
      [0, 7],
      [0.5, 5],
      [0.5, 6],
      [0.5, 7],
    ]);
  });
});

describe('progress and estimates', () => {
  it('step k / N, per-run ETA and the queue total on 2 workers', () => {
    const base = createRun('a', { ...DEFAULT_TRAIN_CONFIG, maxSteps: 100 }, 1, 50_000, 's', 1);
    expect(plannedStepsOf(base)).toBe(100);
    const running = { ...base, status: 'running' as const, step: 25, elapsedMs: 5000 }; // 200 ms/step
    const queued = [
      { ...base, id: 'b' },
      { ...base, id: 'c' },
    ];
    const eta = queueEtaOf([running, ...queued], 2);
    expect(eta.running.get('a')).toBeCloseTo(15_000, 9);
    // b on the free worker (20 s), c after a (15 + 20 s).
    expect(eta.totalMs).toBeCloseTo(35_000, 9);
    expect(formatDurationMs(35_000)).toBe('35 s');
    expect(formatDurationMs(3_723_000)).toBe('1 h 02 min');
  });
  it('sweep estimate from the measured MAC rate, and the worker plan', () => {
    const r = done(1, { alpha: 0 }, 0.5); // 100 img/s × 2 MMACs = 200,000 MACs per ms
    expect(measuredMacsPerMs([r], DEFAULT_TRAIN_CONFIG)).toBeCloseTo(200_000, 6);
    // 4 runs of 100 steps × batch 128 × 2 MMACs = 2.56e10 MACs = 128 s each; 2 workers → 256 s.
    const cfg = { steps: 100, batchSize: 128, macs: 2e6 };
    expect(estimateSweepMs([cfg, cfg, cfg, cfg], 200_000, 2)).toBeCloseTo(256_000, 6);
    expect(estimateSweepMs([cfg], null, 2)).toBeNull();
    expect(workerPlan(2)).toEqual({ workers: 2, threadsEach: 1 });
    expect(workerPlan(16)).toEqual({ workers: 4, threadsEach: 4 });
    expect(workerPlan(1)).toEqual({ workers: 1, threadsEach: 1 });
  });
});
