/**
 * The inference benchmark on tiny inputs: ratios are the quotients of the measured medians and of
 * countCost's MACs, the paper's ratios are those of Table 1, and no tensor leaks. No timing asserted.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { countCost } from '../../src/octconv';
import { runInferenceBench, table1Pairs } from '../../scripts/bench-inference';

beforeAll(async () => useBackend('wasm'));

describe('bench --inference', () => {
  it('tiny run at 32×32: consistent ratios, MACs from countCost, no leaks', async () => {
    const pairs = table1Pairs(32);
    const before = tf.memory().numTensors;
    const results = await runInferenceBench(pairs, 1, 0);
    expect(tf.memory().numTensors).toBe(before);
    expect(results.map((r) => r.paperRatio.toFixed(2))).toEqual(['0.89', '0.70']);
    results.forEach((r, i) => {
      expect(r.ratio).toBeCloseTo(r.octave.medianMs / r.vanilla.medianMs, 12);
      expect(r.minRatio).toBeCloseTo(r.octave.minMs / r.vanilla.minMs, 12);
      expect(r.vanilla.minMs).toBeLessThanOrEqual(r.vanilla.medianMs);
      expect(r.octave.macs).toBe(countCost(pairs[i].octave).macs);
      expect(r.macsRatio).toBeCloseTo(r.octave.macs / r.vanilla.macs, 12);
      expect(r.macsRatio).toBeLessThan(1);
    });
    await expect(runInferenceBench(pairs, 0, 0)).rejects.toThrow(/reps must be a positive integer, got 0/);
  });
});
