/**
 * Impossible configs are refused before they start (issue 14 item 10): the estimate comes from
 * the cost model's activation and MAC counts (countCost, run here on the cpu backend), and
 * Oct-ResNet-152 bottleneck at batch 1024 is refused with its figures.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countCost } from '../../src/octconv/index';
import type { CostReport } from '../../src/octconv/types';
import {
  ASSUMED_TRAIN_MACS_PER_S,
  STEP_MEMORY_REFUSE_BYTES,
  estimateRunBudget,
  formatSeconds,
  measuredMacsPerSecond,
  plannedRunSteps,
} from '../../src/ui/lib/runBudget';
import { createRun, type RunRecord } from '../../src/ui/lib/runs';
import type { TrainConfig } from '../../src/train/protocol';

let r152: CostReport;
let r20: CostReport;

beforeAll(async () => {
  await tf.setBackend('cpu');
  r152 = await countCost({ depth: 152, widthMultiplier: 1, alpha: 0.25, block: 'bottleneck', numClasses: 10, seed: 0 });
  r20 = await countCost({ depth: 20, widthMultiplier: 1, alpha: 0.25, block: 'basic', numClasses: 10, seed: 0 });
});

describe('run budget', () => {
  it('Oct-ResNet-152 bottleneck at batch 1024 is refused, with memory from the activation count', () => {
    const b = estimateRunBudget({ activationElements: r152.activationElements, macs: r152.macs, batchSize: 1024, steps: 48 });
    // forward activations kept for backward + their gradients, float32
    expect(b.stepBytes).toBe(2 * r152.activationElements * 1024 * 4);
    expect(b.stepBytes).toBeGreaterThan(STEP_MEMORY_REFUSE_BYTES);
    expect(b.stepSeconds).toBeCloseTo((3 * r152.macs * 1024) / ASSUMED_TRAIN_MACS_PER_S, 9);
    expect(b.level).toBe('refuse');
    const gib = (b.stepBytes / 2 ** 30).toFixed(1);
    expect(b.message).toMatch(
      new RegExp(
        `^Too large to train here: about ${gib} GiB of activations and gradients per step, .* the limit is 4.0 GiB\\. Lower the batch size or the depth\\.$`,
      ),
    );
  });

  it('Oct-ResNet-20 at batch 128 is fine; a measured throughput replaces the assumed one', () => {
    const ok = estimateRunBudget({ activationElements: r20.activationElements, macs: r20.macs, batchSize: 128, steps: 3900 });
    expect(ok.level).toBe('ok');
    expect(ok.message).toBeNull();
    expect(ok.runSeconds).toBeCloseTo(ok.stepSeconds * 3900, 6);
    const slow = estimateRunBudget({
      activationElements: r20.activationElements,
      macs: r20.macs,
      batchSize: 128,
      steps: 10,
      macsPerSecond: 1e8,
    });
    expect(slow.measured).toBe(true);
    expect(slow.stepSeconds).toBeCloseTo((3 * r20.macs * 128) / 1e8, 9);
    expect(slow.level).toBe('warn'); // > 10 s per step
    expect(slow.message).toMatch(
      /^Heavy run: .* per step, .* in all\. It may run out of memory or take long; Stop acts between steps\.$/,
    );
  });

  it('measured throughput comes from the latest finished run on the same backend', () => {
    const cfg = { depth: 20, batchSize: 128, epochs: 1 } as TrainConfig;
    const mk = (id: string, backend: 'wasm' | 'webgpu', ips: number, status: RunRecord['status']): RunRecord => ({
      ...createRun(id, cfg, 0),
      backend,
      status,
      imagesPerSecond: ips,
      cost: { params: 1, macs: r20.macs, activationElements: 1, vanilla: { params: 1, macs: 1, activationElements: 1 } },
    });
    const runs = [mk('a', 'wasm', 50, 'completed'), mk('b', 'webgpu', 900, 'completed'), mk('c', 'wasm', 70, 'running')];
    expect(measuredMacsPerSecond(runs, 'wasm')).toBe(3 * r20.macs * 50);
    expect(measuredMacsPerSecond(runs, 'webgl')).toBeNull();
  });

  it('planned steps and time formatting', () => {
    expect(plannedRunSteps({ epochs: 2, batchSize: 100, trainLimit: 1000 }, 50_000)).toBe(20);
    expect(plannedRunSteps({ epochs: 30, batchSize: 128, maxSteps: 200 }, 50_000)).toBe(200);
    expect([formatSeconds(0.42), formatSeconds(42), formatSeconds(300), formatSeconds(9000)]).toEqual([
      '0.4 s',
      '42 s',
      '5.0 min',
      '2.5 h',
    ]);
    expect(() => estimateRunBudget({ activationElements: NaN, macs: 1, batchSize: 1, steps: 1 })).toThrow(
      /activationElements must be a finite number/,
    );
  });
});
