/**
 * The bench's step runner (no timing assertions: benchmarks are not unit tests). Bad input is
 * rejected clearly, and a tiny run reports consistent figures: the α = 0 ratio is exactly 1, the
 * MACs ratio equals countCost's, images/s = batch / median step time, and no tensor leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { countCost } from '../../src/octconv';
import { runStepBench, type StepBenchOptions } from '../../scripts/bench-node';

const tiny: StepBenchOptions = {
  depth: 8,
  widthMultiplier: 0.25,
  alphas: [0, 0.5],
  batch: 2,
  reps: 2,
  warmup: 0,
  inspectReps: 1,
  log: () => {},
};

describe('runStepBench', () => {
  it('rejects an empty α list and reps < 1', async () => {
    await expect(runStepBench({ ...tiny, alphas: [] })).rejects.toThrow('runStepBench: no alphas');
    await expect(runStepBench({ ...tiny, reps: 0 })).rejects.toThrow('runStepBench: reps must be ≥ 1, got 0');
  });

  it('tiny wasm run: consistent ratios, MACs from countCost, no leaks', async () => {
    await useBackend('wasm');
    const before = tf.memory().numTensors;
    const r = await runStepBench(tiny);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.backend).toBe('wasm');
    const [a0, a5] = r.figures;
    expect(a0.ratioToAlpha0).toBe(1);
    const cost = countCost({ depth: 8, widthMultiplier: 0.25, alpha: 0.5, block: 'basic', numClasses: 10, seed: 1 });
    expect(a5.macs).toBe(cost.macs);
    expect(a5.macsRatio).toBeCloseTo(cost.macs / cost.vanilla.macs, 12);
    for (const f of r.figures) {
      expect(f.stepMs).toHaveLength(2);
      const median = (f.stepMs[0] + f.stepMs[1]) / 2;
      expect(f.medianStepMs).toBeCloseTo(median, 9);
      expect(f.imagesPerSecond).toBeCloseTo((2 * 1000) / median, 9);
      expect(f.forwardBytes).toBeGreaterThan(0);
    }
  });
});
