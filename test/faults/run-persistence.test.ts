/**
 * A run in progress survives a reload (issue 14 item 2): snapshots of the running run go to the
 * runs store; a fresh connection (the next visit) lists it, and it is shown as `interrupted`
 * with its config, step and points. Finished runs are not touched; the leave prompt shows only
 * while training.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyTrainEvent, createRun, type RunRecord } from '../../src/ui/lib/runs';
import { RunStore } from '../../src/ui/lib/runStore';
import { isInProgress, leaveWarning, restoredAsInterrupted, runsDueForSnapshot } from '../../src/ui/lib/runPersistence';
import type { TrainConfig } from '../../src/train/protocol';

const config = {
  depth: 8,
  widthMultiplier: 1,
  alpha: 0.25,
  batchSize: 50,
  trainLimit: 500,
  epochs: 3,
  learningRate: 0.1,
  seed: 9,
} as TrainConfig;

/** A run after `steps` step events (loss 2.3 − 0.01·step), as the page folds them. */
function runAt(id: string, steps: number): RunRecord {
  let r: RunRecord = { ...createRun(id, config, 1_000, 50_000, null, 4), status: 'running' };
  for (let s = 1; s <= steps; s++) {
    r = applyTrainEvent(r, {
      type: 'step',
      runId: id,
      step: s,
      epoch: s / 10,
      loss: 2.3 - 0.01 * s,
      accuracy: 0.1 + 0.01 * s,
      learningRate: 0.1,
      imagesPerSecond: 100,
      elapsedMs: 500 * s,
    });
  }
  return r;
}

describe('runs in progress across a reload', () => {
  it('only started, unfinished runs whose step moved are due for a snapshot', () => {
    const running = runAt('a', 3);
    const queued = createRun('q', config, 2_000);
    const done = { ...runAt('d', 2), status: 'completed' as const };
    expect(runsDueForSnapshot([running, queued, done], new Map())).toEqual([running]);
    expect(runsDueForSnapshot([running], new Map([['a', 3]]))).toEqual([]);
    expect(runsDueForSnapshot([runAt('a', 4)], new Map([['a', 3]])).map((r) => r.step)).toEqual([4]);
    expect(['running', 'paused', 'stopping'].map((status) => isInProgress({ ...running, status } as RunRecord))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('a snapshot written during the run is restored on the next visit as interrupted, with its curves', async () => {
    const db = `runs-persist-${Date.now()}`;
    const first = await RunStore.open(db);
    const running = runAt('r1', 7);
    const finished = { ...runAt('r0', 5), status: 'completed' as const };
    for (const r of runsDueForSnapshot([finished, running], new Map())) await first.put(r);
    await first.put(finished);
    first.close(); // the tab goes away mid-run

    const next = await RunStore.open(db);
    const restored = (await next.list()).map(restoredAsInterrupted);
    next.close();
    const r1 = restored.find((r) => r.id === 'r1');
    expect(r1?.status).toBe('interrupted');
    expect(r1?.message).toBe('page closed or reloaded at step 7; curves up to then kept');
    expect(r1?.step).toBe(7);
    expect(r1?.config).toEqual(config);
    expect(r1?.number).toBe(4);
    expect(r1?.points.map((p) => p.trainLoss)).toEqual([1, 2, 3, 4, 5, 6, 7].map((s) => 2.3 - 0.01 * s));
    expect(r1?.points.map((p) => p.timeS)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    const r0 = restored.find((r) => r.id === 'r0');
    expect(r0?.status).toBe('completed');
    expect(r0?.message).toBeNull();
  });

  it('asks before leaving only while a run is active or queued', () => {
    expect(leaveWarning(null, 0)).toBeNull();
    expect(leaveWarning('r1', 0)).toBe('A run is in progress: leaving stops it (its curves so far are kept as "interrupted").');
    expect(leaveWarning('r1', 2)).toBe(
      'A run is in progress and 2 queued: leaving stops it (its curves so far are kept as "interrupted").',
    );
  });
});
