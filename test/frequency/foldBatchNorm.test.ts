/**
 * BatchNorm folded into the convolutions (wasm): on Oct-ResNet-8 at α = 0 (every BN after one
 * conv, ReLU fused) and α = .5 (BN after sums of convs and upsampled convs), with BatchNorm
 * statistics and affine weights set far from their initial values, the folded run equals
 * model.apply in inference mode; every BatchNorm is folded, every sum (residual, and octave sum
 * with its upsample) and every ReLU fused; an observed BatchNorm keeps its ReLU separate;
 * dispose() frees every folded tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOctResNet } from '../../src/octconv';
import { foldBatchNorm, runWithOverrides } from '../../src/frequency';
import { maxAbsDiff, randomValues } from '../spectra/reference';
import { useBackend } from '../helpers/backend';

/** Sets every BatchNorm's γ, β, moving mean and moving variance to seeded values (variance > 0). */
function scrambleBatchNorm(model: tf.LayersModel, seed: number): number {
  const bns = model.layers.filter((l) => l.getClassName() === 'BatchNormalization');
  bns.forEach((l, i) => {
    const c = (l.getWeights()[0].shape as number[])[0];
    const r = (k: number) => randomValues(c, seed + 4 * i + k);
    l.setWeights([
      tf.tensor1d(r(0).map((v) => 1 + 0.5 * v)),
      tf.tensor1d(r(1).map((v) => 0.3 * v)),
      tf.tensor1d(r(2).map((v) => 0.5 * v)),
      tf.tensor1d(r(3).map((v) => 0.5 + 0.4 * v)),
    ]);
  });
  return bns.length;
}

describe('foldBatchNorm (wasm)', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  for (const alpha of [0, 0.5]) {
    it(`Oct-ResNet-8 α=${alpha}: folded logits equal model.apply; every BatchNorm folded; no leaks`, async () => {
      const model = buildOctResNet({ depth: 8, widthMultiplier: 0.5, alpha, block: 'basic', numClasses: 10, seed: 5 });
      const bnCount = scrambleBatchNorm(model, 100);
      const x = tf.tensor4d(randomValues(6 * 32 * 32 * 3, 7), [6, 32, 32, 3]);
      const before = tf.memory().numTensors;
      const folded = foldBatchNorm(model);
      expect(folded.folded.length).toBe(bnCount);
      const reluFused = [...folded.calls.keys()].filter((n) => model.getLayer(n).getClassName() === 'ReLU').length;
      if (alpha === 0) expect(reluFused).toBeGreaterThan(0);
      // Every ReLU is fused (into a conv or a sum) and every upsample into its octave sum.
      const kinds = (cls: string) => model.layers.filter((l) => l.getClassName() === cls).map((l) => l.name);
      expect(kinds('Add').filter((n) => folded.calls.has(n)).length).toBeGreaterThan(0);
      expect(kinds('ReLU').every((n) => folded.calls.has(n))).toBe(true);
      const ups = kinds('OctConvNearestUpsample2x');
      expect(ups.length > 0).toBe(alpha > 0);
      expect(ups.every((n) => folded.calls.has(n))).toBe(true);
      const a = model.apply(x, { training: false }) as tf.Tensor;
      const b = runWithOverrides(model, x, new Map(), folded.calls);
      const [ra, rb] = [await a.data(), await b.data()];
      const scale = Math.max(...Array.from(ra, Math.abs));
      expect(scale).toBeGreaterThan(0.1);
      expect(maxAbsDiff(ra, rb)).toBeLessThan(1e-4 * scale);
      tf.dispose([a, b]);
      folded.dispose();
      expect(tf.memory().numTensors).toBe(before);
      x.dispose();
      model.dispose();
    });
  }

  it('an observed BatchNorm keeps its exact output: its ReLU is not fused into the conv', () => {
    const model = buildOctResNet({ depth: 8, widthMultiplier: 0.5, alpha: 0, block: 'basic', numClasses: 10, seed: 6 });
    scrambleBatchNorm(model, 200);
    const bn = model.getLayer('stem/bn_high');
    const relu = model.getLayer('stem/relu_high');
    const all = foldBatchNorm(model);
    expect(all.calls.has(relu.name)).toBe(true);
    const kept = foldBatchNorm(model, new Set([bn.name]));
    expect(kept.calls.has(bn.name)).toBe(true);
    expect(kept.calls.has(relu.name)).toBe(false);
    // The observed BatchNorm's output through the folded conv equals the stock layers'.
    const x = tf.tensor4d(randomValues(2 * 32 * 32 * 3, 9), [2, 32, 32, 3]);
    const seen: tf.Tensor[] = [];
    const spy = new Map([[bn.name, (t: tf.Tensor) => (seen.push(tf.keep(t.clone())), t)]]);
    tf.dispose([runWithOverrides(model, x, spy), runWithOverrides(model, x, spy, kept.calls)]);
    expect(maxAbsDiff(seen[0].dataSync(), seen[1].dataSync())).toBeLessThan(1e-4);
    expect(Math.min(...Array.from(seen[1].dataSync()))).toBeLessThan(0); // pre-ReLU values survive
    tf.dispose([x, ...seen]);
    all.dispose();
    kept.dispose();
    model.dispose();
  });
});
