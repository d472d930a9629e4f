/** The (α, seed) grid, its shards, sweep flags, the merge's refusals and the run queue's estimates. */
import { describe, expect, it } from 'vitest';
import { parseSweepArgs } from '../../src/train/cli-args';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/config';
import type { RunRecord } from '../../src/train/run-record';
import { RunQueue } from '../../src/train/run-queue';
import { buildSweepFile, checkSweepFile, mergeSweepFiles } from '../../src/train/sweep-file';
import { parseShard, planGrid, seedList, shardTasks } from '../../src/train/sweep-plan';

describe('grid and shards', () => {
  it('α-major grid; the shards of any count cover it exactly once', () => {
    const grid = planGrid([0, 0.25, 0.5, 0.75], seedList(7, 3));
    expect(grid.slice(0, 4)).toEqual([
      { index: 0, alpha: 0, seed: 7 },
      { index: 1, alpha: 0, seed: 8 },
      { index: 2, alpha: 0, seed: 9 },
      { index: 3, alpha: 0.25, seed: 7 },
    ]);
    for (const n of [1, 2, 5, 12, 13]) {
      const all = Array.from({ length: n }, (_, i) => shardTasks(grid, { index: i, count: n }))
        .flat()
        .map((t) => t.index)
        .sort((a, b) => a - b);
      expect(all).toEqual(grid.map((t) => t.index));
    }
    expect(shardTasks(grid, { index: 1, count: 4 }).map((t) => t.index)).toEqual([1, 5, 9]);
  });
  it('parses i/n and rejects anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['4/4', '1', 'a/b', '-1/3', '0/0', '1/2/3'])
      expect(() => parseShard(bad)).toThrow(/--shard must be i\/n with 0 ≤ i < n/);
    expect(() => seedList(1, 0)).toThrow(/integer ≥ 1 \(got 0\)/);
  });
});

describe('sweep flags', () => {
  it('--seeds, --jobs, --shard, --merge', () => {
    const a = parseSweepArgs(['--alphas', '0,0.5', '--seed', '3', '--seeds', '3', '--jobs', '2', '--shard', '1/2']);
    expect(a).toMatchObject({ alphas: [0, 0.5], seeds: [3, 4, 5], jobs: 2, shard: { index: 1, count: 2 }, merge: [] });
    expect(parseSweepArgs(['--merge', 'a.json', 'b.json', '--out', 'all.json'])).toMatchObject({
      merge: ['a.json', 'b.json'],
      out: 'all.json',
    });
    expect(() => parseSweepArgs(['--seeds', '0'])).toThrow('--seeds must be an integer from 1 to 100 (got 0)');
    expect(() => parseSweepArgs(['--jobs', '1.5'])).toThrow('--jobs must be an integer from 1 to 64 (got 1.5)');
    expect(() => parseSweepArgs(['--merge', '--out', 'x.json'])).toThrow(/--merge needs one or more sweep files/);
    expect(() => parseSweepArgs(['--merge', 'a.json'])).toThrow('--merge needs --out FILE for the merged sweep');
    expect(() => parseSweepArgs(['--merge', 'a.json', '--seeds', '2', '--out', 'x'])).toThrow(
      '--seeds cannot be combined with --merge',
    );
    expect(() => parseSweepArgs(['--seed', String(2 ** 31 - 2), '--seeds', '3'])).toThrow(/runs past the largest seed/);
  });
});

/** A finished run record with a given top-1 (1000 test images). */
function record(alpha: number, seed: number, top1: number, patch: Partial<RunRecord['config']> = {}): RunRecord {
  const config = { ...DEFAULT_TRAIN_CONFIG, ...patch, alpha, seed };
  return {
    runId: `a${alpha}-s${seed}`,
    config,
    backend: 'wasm',
    cost: { params: 100, macs: 1000 * (1 - alpha / 2), vanillaMacs: 1000 },
    epochs: [],
    final: { loss: 1, top1, top5: 0.9, perClassAccuracy: [], confusion: [], count: 1000 },
    reason: 'completed',
    steps: 10,
    imagesPerSecond: 50,
    elapsedMs: 1000,
    firstStepMs: 10,
  };
}

describe('sweep files', () => {
  const base = { backend: 'wasm' as const, base: DEFAULT_TRAIN_CONFIG, alphas: [0, 0.5], seeds: [1, 2] };
  const shard = (i: number, recs: RunRecord[]) => ({
    name: `s${i}.json`,
    file: buildSweepFile({ ...base, shard: { index: i, count: 2 }, records: recs }),
  });
  it('holds runs[] (alpha, seed, test) and summary[] (alpha, n, meanTop1, ciLow, ciHigh, meanImagesPerSecond, macs)', () => {
    const f = buildSweepFile({
      ...base,
      shard: null,
      records: [record(0.5, 2, 0.6), record(0, 1, 0.5), record(0, 2, 0.52), record(0.5, 1, 0.58)],
    });
    expect(f.runs.map((r) => [r.alpha, r.seed, r.test!.top1])).toEqual([
      [0, 1, 0.5],
      [0, 2, 0.52],
      [0.5, 1, 0.58],
      [0.5, 2, 0.6],
    ]);
    expect(Object.keys(f.summary[0])).toEqual(
      expect.arrayContaining(['alpha', 'n', 'meanTop1', 'ciLow', 'ciHigh', 'meanImagesPerSecond', 'macs']),
    );
    expect(f.summary[1]).toMatchObject({ alpha: 0.5, n: 2, meanTop1: expect.closeTo(0.59, 12), macs: 750 });
    expect(checkSweepFile(JSON.parse(JSON.stringify(f)), 'f.json')).toEqual(f);
    expect(() => checkSweepFile({ runs: [] }, 'x.json')).toThrow('x.json is not a sweep file');
  });
  it('merges shards in grid order and lists missing cells', () => {
    const { file, missing } = mergeSweepFiles([
      shard(1, [record(0, 2, 0.52)]),
      shard(0, [record(0, 1, 0.5), record(0.5, 1, 0.58)]),
    ]);
    expect(file.runs.map((r) => [r.alpha, r.seed])).toEqual([
      [0, 1],
      [0, 2],
      [0.5, 1],
    ]);
    expect(file.shard).toBeNull();
    expect(missing).toEqual([{ alpha: 0.5, seed: 2 }]);
  });
  it('refuses files of another recipe or grid, and runs present twice', () => {
    const other = {
      name: 'o.json',
      file: buildSweepFile({ ...base, base: { ...DEFAULT_TRAIN_CONFIG, learningRate: 0.1 }, shard: null, records: [] }),
    };
    expect(() => mergeSweepFiles([shard(0, []), other])).toThrow(/o\.json is from another sweep than s0\.json: its recipe/);
    const seeds = { name: 'q.json', file: buildSweepFile({ ...base, seeds: [1, 2, 3], shard: null, records: [] }) };
    expect(() => mergeSweepFiles([shard(0, []), seeds])).toThrow(/its seed list \[1,2,3\] ≠ \[1,2\]/);
    expect(() => mergeSweepFiles([shard(0, [record(0, 1, 0.5)]), shard(1, [record(0, 1, 0.5)])])).toThrow(
      'α=0, seed 1 is in both s0.json and s1.json',
    );
  });
});

describe('run queue', () => {
  const item = (id: string, totalSteps = 100) => ({ id, payload: id, totalSteps });
  it('hands runs to free slots in order and frees them', () => {
    const q = new RunQueue<string>(2);
    q.enqueue([item('a'), item('b'), item('c')]);
    expect(q.assign().map((r) => [r.id, r.slot])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(q.assign()).toEqual([]);
    q.finish('b');
    expect(q.assign().map((r) => [r.id, r.slot])).toEqual([['c', 1]]);
    expect(() => q.enqueue([item('a')])).toThrow('run a is already in the queue');
    expect(() => new RunQueue(0)).toThrow(/≥ 1 slot/);
  });
  it('only the slots it is given; drop removes waiting runs', () => {
    const q = new RunQueue<string>(3);
    q.enqueue([item('a'), item('b'), item('c')]);
    expect(q.assign([2]).map((r) => [r.id, r.slot])).toEqual([['a', 2]]);
    expect(q.drop(['c'])).toEqual(['c']);
    expect(q.queued.map((w) => w.id)).toEqual(['b']);
  });
  it('ETA: per run from its ms/step; the total by list scheduling over the slots', () => {
    const q = new RunQueue<string>(2);
    q.enqueue([item('a', 100), item('b', 200), item('c', 100), item('d', 100)]);
    expect(q.eta().totalMs).toBeNull();
    q.assign();
    q.progress('a', 50, 5000); // 100 ms/step → 5 s left
    q.progress('b', 20, 6000); // 300 ms/step → 54 s left
    const eta = q.eta();
    expect(eta.running.get('a')).toBeCloseTo(5000, 9);
    expect(eta.running.get('b')).toBeCloseTo(54_000, 9);
    // c, d at the mean 200 ms/step = 20 s each: both on slot 0 (free at 5 s, then 25 s) → 45 s < 54 s.
    expect(eta.msPerStep).toBeCloseTo(200, 9);
    expect(eta.totalMs).toBeCloseTo(54_000, 9);
    // b nearly done (10 steps × 300 ms = 3 s left): c goes to slot 1 (3 + 20 s), d to slot 0 (5 + 20 s).
    q.progress('b', 190, 57_000);
    expect(q.eta().totalMs).toBeCloseTo(5000 + 100 * ((100 + 300) / 2), 9);
  });
});
