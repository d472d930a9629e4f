/**
 * The fused wasm BatchNorm (src/tfjs-fixes/wasm-batchnorm.ts via FastBatchNormalization): forward,
 * moving statistics and the gradients w.r.t. x, γ, β agree with closed forms computed here in
 * float64, for channel counts that do and do not divide the SIMD width; the layer serialises as
 * tfjs's own 'BatchNormalization'; no leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { FastBatchNormalization } from '../../src/tfjs-fixes/fast-batchnorm';
import { hasWasmBatchNorm } from '../../src/tfjs-fixes/wasm-batchnorm';

const rand = (n: number, seed: number): number[] => {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1);
};

/** Training-mode BN of rows [M, C] and the gradients of Σ r⊙y (float64 closed forms). */
function reference(x: number[], r: number[], g: number[], b: number[], c: number, eps: number) {
  const m = x.length / c;
  const mean = new Float64Array(c),
    vr = new Float64Array(c),
    s1 = new Float64Array(c),
    s2 = new Float64Array(c);
  for (let i = 0; i < x.length; i++) mean[i % c] += x[i] / m;
  for (let i = 0; i < x.length; i++) vr[i % c] += (x[i] - mean[i % c]) ** 2 / m;
  const inv = Array.from(vr, (v) => 1 / Math.sqrt(v + eps));
  const y = x.map((v, i) => (v - mean[i % c]) * inv[i % c] * g[i % c] + b[i % c]);
  for (let i = 0; i < x.length; i++) {
    s1[i % c] += r[i];
    s2[i % c] += r[i] * (x[i] - mean[i % c]) * inv[i % c];
  }
  // ∂/∂x of Σ r·y through mean and variance: γ·inv·(r − S1/M − x̂·S2/M).
  const dx = x.map((v, i) => {
    const k = i % c;
    return g[k] * inv[k] * (r[i] - s1[k] / m - (v - mean[k]) * inv[k] * (s2[k] / m));
  });
  return { y, mean, vr, dx, dg: s2, db: s1 };
}

const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  return m;
};

describe('fused wasm BatchNorm (training)', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  for (const shape of [
    [4, 6, 6, 16],
    [5, 4, 4, 7],
    [3, 8, 8, 2],
    [2, 3, 3, 14],
  ] as Array<[number, number, number, number]>) {
    it(`matches the closed forms for ${shape.join('×')}`, () => {
      expect(hasWasmBatchNorm()).toBe(true);
      const c = shape[3];
      const n = shape.reduce((a, b) => a * b, 1);
      const xv = rand(n, 3).map((v) => 3 * v + 0.5);
      const rv = rand(n, 7);
      const [gv, bv] = [rand(c, 11).map((v) => 1 + 0.5 * v), rand(c, 13)];
      const want = reference(xv, rv, gv, bv, c, 1e-5);
      const before = tf.memory().numTensors;
      const layer = new FastBatchNormalization({
        momentum: 0.9,
        epsilon: 1e-5,
        axis: -1,
        gammaInitializer: tf.initializers.constant({ value: 0 }),
        betaInitializer: tf.initializers.constant({ value: 0 }),
      });
      layer.build(shape);
      const [, , movingMean, movingVar] = layer.getWeights();
      const [gT, bT] = [tf.tensor1d(gv), tf.tensor1d(bv)];
      layer.setWeights([gT, bT, movingMean, movingVar]);
      tf.dispose([gT, bT]);
      const x = tf.tensor4d(xv, shape);
      const r = tf.tensor4d(rv, shape);
      const loss = (xx: tf.Tensor): tf.Scalar => tf.sum(tf.mul(layer.apply(xx, { training: true }) as tf.Tensor, r));
      const y = layer.apply(x, { training: true }) as tf.Tensor;
      const [mm, mv] = layer
        .getWeights()
        .slice(2)
        .map((t) => t.dataSync());
      // One update from (0, 1): moving = 0.9·old + 0.1·batch.
      expect(
        maxRel(
          mm,
          Array.from(want.mean, (v) => 0.1 * v),
        ),
      ).toBeLessThan(1e-5);
      expect(
        maxRel(
          mv,
          Array.from(want.vr, (v) => 0.9 + 0.1 * v),
        ),
      ).toBeLessThan(1e-5);
      const dx = tf.grad(loss)(x);
      const trainable = layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
      const { value, grads } = tf.variableGrads(() => loss(x), trainable);
      expect(maxRel(y.dataSync(), want.y)).toBeLessThan(1e-5);
      expect(maxRel(dx.dataSync(), want.dx)).toBeLessThan(1e-5);
      expect(maxRel(grads[trainable[0].name].dataSync(), want.dg)).toBeLessThan(1e-4);
      expect(maxRel(grads[trainable[1].name].dataSync(), want.db)).toBeLessThan(1e-4);
      tf.dispose([x, r, y, dx, value, ...Object.values(grads)]);
      for (const w of layer.weights) (w as unknown as { dispose(): void }).dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it("serialises as tfjs's own BatchNormalization", () => {
    const input = tf.input({ shape: [4, 4, 3] });
    const model = tf.model({ inputs: input, outputs: new FastBatchNormalization({}).apply(input) as tf.SymbolicTensor });
    const json = model.toJSON(null, false) as unknown as { config: { layers: Array<{ class_name: string }> } };
    expect(json.config.layers.map((l) => l.class_name)).toEqual(['InputLayer', 'BatchNormalization']);
    model.dispose();
  });
});
