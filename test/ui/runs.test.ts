import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyTrainEvent, createRun, isFinished, numberRuns, stepsPerEpoch, type RunRecord } from '../../src/ui/lib/runs';
import { formatAlpha } from '../../src/ui/lib/formatAlpha';
import { errorHint, finishedRunSummary } from '../../src/ui/lib/runSummary';
import { RUN_COLUMNS, runsToCsv, runsToJson } from '../../src/ui/lib/runExport';
import { RunStore } from '../../src/ui/lib/runStore';
import type { EvalMetrics, TrainConfig } from '../../src/train/protocol';

const config = {
  depth: 8,
  widthMultiplier: 1,
  alpha: 0.5,
  batchSize: 100,
  trainLimit: 1000,
  epochs: 2,
  learningRate: 0.2,
  seed: 3,
} as TrainConfig;
const test: EvalMetrics = {
  loss: 2.1,
  top1: 0.31,
  top5: 0.8,
  perClassAccuracy: Array(10).fill(0.31),
  confusion: [[1]],
  count: 100,
};

describe('run numbers and epochs', () => {
  it('counts steps per epoch as the trainer does (the last partial batch is dropped)', () => {
    expect(stepsPerEpoch(1500, 64)).toBe(23); // floor(1500 / 64) = 23, not ceil = 24
    expect(stepsPerEpoch(undefined, 64)).toBe(781); // floor(50000 / 64)
    expect(stepsPerEpoch(80_000, 100)).toBe(500); // capped at 50,000 images
    expect(stepsPerEpoch(10, 64)).toBe(1); // fewer images than a batch: one short batch
    expect(stepsPerEpoch(1000, 10, 500)).toBe(50); // capped by the images available
    expect(() => stepsPerEpoch(100, 0)).toThrow(/batchSize must be a positive integer, got 0/);
    // a 4-epoch run over 1500 images in batches of 64 ends at epoch 4 on the epoch axis
    let r = createRun('e', { ...config, trainLimit: 1500, batchSize: 64, epochs: 4 }, 0);
    r = applyTrainEvent(r, {
      type: 'done',
      runId: 'e',
      reason: 'completed',
      step: 4 * 23,
      test,
      imagesPerSecond: 1,
      elapsedMs: 1,
      firstStepMs: 1,
    });
    expect(r.points.at(-1)?.epoch).toBe(4);
  });

  it('numbers older runs without a number in creation order, after the numbered ones', () => {
    const mk = (id: string, createdAt: number, number: number): RunRecord => ({ ...createRun(id, config, createdAt), number });
    const out = numberRuns([mk('c', 30, 0), mk('a', 10, 0), mk('b', 20, 5), mk('d', 40, 0)]);
    expect(out.map((r) => [r.id, r.number])).toEqual([
      ['c', 7],
      ['a', 6],
      ['b', 5],
      ['d', 8],
    ]);
    expect(createRun('x', config, 0, 50_000, null, 12).number).toBe(12);
  });

  it('formats α with at most 3 decimals', () => {
    expect(formatAlpha(0.3333333)).toBe('0.333');
    expect(formatAlpha(0.125)).toBe('0.125');
    expect(formatAlpha(0.5, true)).toBe('.5');
    expect(formatAlpha(1, true)).toBe('1');
  });
});

describe('run reducer', () => {
  it('folds step, epoch, state and done events into curves and final metrics', () => {
    let r = createRun('r1', config, 1000);
    expect(r.stepsPerEpoch).toBe(10); // floor(1000 / 100)
    r = applyTrainEvent(r, {
      type: 'step',
      runId: 'r1',
      step: 5,
      epoch: 0,
      loss: 2.2,
      accuracy: 0.2,
      learningRate: 0.1,
      imagesPerSecond: 90,
      elapsedMs: 2500,
    });
    expect(r.status).toBe('running');
    expect(r.points).toEqual([{ step: 5, epoch: 0.5, timeS: 2.5, trainLoss: 2.2, trainAccuracy: 0.2 }]);
    r = applyTrainEvent(r, {
      type: 'step',
      runId: 'other',
      step: 9,
      epoch: 0,
      loss: 9,
      accuracy: 0,
      learningRate: 0,
      imagesPerSecond: 1,
      elapsedMs: 1,
    });
    expect(r.points).toHaveLength(1);
    r = applyTrainEvent(r, { type: 'state', runId: 'r1', state: 'paused' });
    expect(r.status).toBe('paused');
    r = applyTrainEvent(r, {
      type: 'epoch',
      runId: 'r1',
      epoch: 0,
      step: 10,
      trainLoss: 2,
      trainAccuracy: 0.25,
      test,
      imagesPerSecond: 95,
      elapsedMs: 5000,
    });
    expect(r.points[1]).toEqual({ step: 10, epoch: 1, timeS: 5, testLoss: 2.1, testTop1: 0.31 });
    r = applyTrainEvent(r, {
      type: 'done',
      runId: 'r1',
      reason: 'completed',
      step: 10,
      test,
      imagesPerSecond: 95,
      elapsedMs: 5100,
      firstStepMs: 800,
    });
    expect(r.points).toHaveLength(2); // final eval at the same step is not duplicated
    expect(r.status).toBe('completed');
    expect(r.firstStepMs).toBe(800);
    expect(isFinished(r)).toBe(true);
  });

  it('an error keeps the message', () => {
    const r = applyTrainEvent(createRun('r2', config, 0), {
      type: 'error',
      runId: 'r2',
      message: 'loss is NaN at step 3',
      step: 3,
    });
    expect(r.status).toBe('error');
    expect(r.message).toBe('loss is NaN at step 3');
    expect(finishedRunSummary(r, 4)).toBe('Run #4 failed at step 3: loss is NaN at step 3.');
  });

  it('an out-of-memory error gets a hint (wasm "memory access out of bounds", emscripten "Aborted(")', () => {
    const hint = 'the model ran out of memory: lower the batch size or choose a smaller depth';
    expect(errorHint('RuntimeError: memory access out of bounds')).toBe(hint);
    expect(errorHint('Aborted(). Build with -sASSERTIONS for more info.')).toBe(hint);
    expect(errorHint('loss is NaN at step 3')).toBeNull();
    expect(errorHint(null)).toBeNull();
    const r = applyTrainEvent(createRun('r9', config, 0), {
      type: 'error',
      runId: 'r9',
      message: 'memory access out of bounds',
      step: 0,
    });
    expect(finishedRunSummary(r, 9)).toBe(`Run #9 failed at step 0: memory access out of bounds. Hint: ${hint}.`);
  });
});

describe('export and persistence', () => {
  const done = {
    ...createRun('r"3', config, 5, 50_000, null, 7),
    status: 'completed' as const,
    test,
    imagesPerSecond: 100,
    elapsedMs: 12_000,
    backend: 'wasm' as const,
    cost: { params: 1000, macs: 2e6, activationElements: 300, vanilla: { params: 1000, macs: 4e6, activationElements: 400 } },
  };

  it('CSV has one row per run with the derived columns', () => {
    const lines = runsToCsv([done]).trim().split('\r\n');
    expect(lines[0]).toBe(RUN_COLUMNS.join(','));
    // % columns: 2e6/4e6 = 50 %, 300/400 = 75 %, top-1 31 %, top-5 80 %; trainLimit 1000, no testLimit/maxSteps
    expect(lines[1]).toBe('7,"r""3",0.5,8,1,1000,2,50,300,75,31,80,100,12,wasm,completed,2,100,0.2,3,1000,,,0');
    const odd = {
      ...done,
      elapsedMs: 10_611.400000000373,
      imagesPerSecond: 123.456,
      test: { ...test, top1: 0.123456 },
      config: { ...config, maxSteps: 50, testLimit: 500 },
    };
    const cells = runsToCsv([odd]).trim().split('\r\n')[1].split(',');
    expect(cells[RUN_COLUMNS.indexOf('time_s')]).toBe('10.61');
    expect(cells[RUN_COLUMNS.indexOf('top1_pct')]).toBe('12.35');
    expect(cells[RUN_COLUMNS.indexOf('images_per_s')]).toBe('123.5');
    expect(cells[RUN_COLUMNS.indexOf('test_limit')]).toBe('500');
    expect(cells[RUN_COLUMNS.indexOf('max_steps')]).toBe('50');
    expect(JSON.parse(runsToJson([done])).runs[0].id).toBe('r"3');
  });

  it('RunStore keeps runs across connections (a reload) and deletes them', async () => {
    const a = await RunStore.open('test-runs');
    await a.put({ ...done, id: 'b', createdAt: 20 });
    await a.put({ ...done, id: 'a', createdAt: 10 });
    a.close();
    const b = await RunStore.open('test-runs');
    const all = await b.list();
    expect(all.map((r) => r.id)).toEqual(['a', 'b']);
    expect(all[0].test?.top1).toBe(0.31);
    await b.delete(['a', 'missing']);
    expect((await b.list()).map((r) => r.id)).toEqual(['b']);
    b.close();
  });
});
