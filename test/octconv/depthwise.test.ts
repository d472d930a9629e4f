/**
 * The depthwise OctConv (groups = channels: only H→H and L→L, paper §3.2 with the official code's
 * depthwise rule) against a float64 loop reference: forward outputs and the gradients of
 * L = Σ r ⊙ y w.r.t. both inputs and both kernels, stride 1 and pool-based stride 2, α = 0, .5, 1.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { octConv, splitChannels } from '../../src/octconv';
import { dotLoss, linearGradient, pool2, randomArr, zeros, type Arr4 } from './naive';

/** 'same' depthwise 3×3 convolution, stride 1, kernel w [k, k, c, 1]: channel c uses only w[…, c, 0]. */
function depthwiseSame(x: Arr4, w: Arr4): Arr4 {
  const [n, h, wd, c] = x.shape;
  const k = w.shape[0];
  const pad = (k - 1) / 2;
  const y = zeros([n, h, wd, c]);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < wd; j++)
        for (let ch = 0; ch < c; ch++) {
          let acc = 0;
          for (let p = 0; p < k; p++)
            for (let q = 0; q < k; q++) {
              const [ii, jj] = [i + p - pad, j + q - pad];
              if (ii < 0 || jj < 0 || ii >= h || jj >= wd) continue;
              acc += x.data[((b * h + ii) * wd + jj) * c + ch] * w.data[(p * k + q) * c + ch];
            }
          y.data[((b * h + i) * wd + j) * c + ch] = acc;
        }
  return y;
}

/** Depthwise OctConv reference: Y_H = dw(X_H; W_HH), Y_L = dw(X_L; W_LL); stride 2 pools first. */
function depthwiseOctRef(
  xH: Arr4 | null,
  xL: Arr4 | null,
  w: { hh?: Arr4; ll?: Arr4 },
  stride: 1 | 2,
): { high: Arr4 | null; low: Arr4 | null } {
  const s = (t: Arr4): Arr4 => (stride === 2 ? pool2(t) : t);
  return { high: xH && w.hh ? depthwiseSame(s(xH), w.hh) : null, low: xL && w.ll ? depthwiseSame(s(xL), w.ll) : null };
}

const maxRel = (got: ArrayLike<number>, ref: Float64Array): number => {
  let [d, m] = [0, 0];
  for (let i = 0; i < ref.length; i++) {
    d = Math.max(d, Math.abs(got[i] - ref[i]));
    m = Math.max(m, Math.abs(ref[i]));
  }
  expect(got.length).toBe(ref.length);
  return d / Math.max(m, 1e-12);
};

const CASES: Array<[number, 1 | 2]> = [
  [0.5, 1],
  [0.5, 2],
  [0, 2],
  [1, 1],
  [0.375, 2],
];

describe.each(['wasm', 'cpu'] as const)('depthwise OctConv on %s (wasm: the registered gradient kernels)', (backend) => {
  beforeAll(async () => useBackend(backend));
  it.each(CASES)('α=%s stride %s matches the loop reference: y, dX_H, dX_L, dW_HH, dW_LL', async (alpha, stride) => {
    const [c, size, n] = [8, 8, 2];
    const split = splitChannels(c, alpha);
    const xH = split.high > 0 ? randomArr([n, size, size, split.high], 41) : null;
    const xL = split.low > 0 ? randomArr([n, size / 2, size / 2, split.low], 42) : null;
    const w: { hh?: Arr4; ll?: Arr4 } = {};
    if (xH) w.hh = randomArr([3, 3, split.high, 1], 43);
    if (xL) w.ll = randomArr([3, 3, split.low, 1], 44);
    const ref = depthwiseOctRef(xH, xL, w, stride);
    const r = { high: ref.high ? randomArr(ref.high.shape, 45) : null, low: ref.low ? randomArr(ref.low.shape, 46) : null };
    const loss = (): number => dotLoss(depthwiseOctRef(xH, xL, w, stride), r);

    const inH = xH ? tf.input({ shape: [size, size, split.high] }) : null;
    const inL = xL ? tf.input({ shape: [size / 2, size / 2, split.low] }) : null;
    const y = octConv(
      { high: inH, low: inL },
      { name: 'dw', alphaIn: alpha, alphaOut: alpha, filters: c, kernelSize: 3, strides: stride, groups: c, seed: 1 },
    );
    const model = tf.model({
      inputs: [inH, inL].filter((t): t is tf.SymbolicTensor => t != null),
      outputs: [y.high, y.low].filter((t): t is tf.SymbolicTensor => t != null),
    });
    const paths = (['hh', 'll'] as const).filter((p) => w[p]);
    expect(
      model.layers
        .filter((l) => /^dw\/(hh|hl|lh|ll)$/.test(l.name))
        .map((l) => l.name)
        .sort(),
    ).toEqual(paths.map((p) => `dw/${p}`));
    for (const p of paths) model.getLayer(`dw/${p}`).setWeights([tf.tensor(Float32Array.from(w[p]!.data), w[p]!.shape)]);

    const toT = (a: Arr4 | null): tf.Tensor4D | null => (a ? tf.tensor4d(Float32Array.from(a.data), a.shape) : null);
    const xs = [toT(xH), toT(xL)].filter((t): t is tf.Tensor4D => t != null);
    const rs = [toT(r.high), toT(r.low)].filter((t): t is tf.Tensor4D => t != null);
    const lossOf = (...args: tf.Tensor[]): tf.Scalar => {
      const out = model.apply(args) as tf.Tensor | tf.Tensor[];
      const list = Array.isArray(out) ? out : [out];
      return tf.addN(list.map((t, i) => tf.sum(tf.mul(t, rs[i])))) as tf.Scalar;
    };
    const kernels = paths.map((p) => model.getLayer(`dw/${p}`).trainableWeights[0].read() as tf.Variable);
    const before = tf.memory().numTensors;
    const out = model.predict(xs) as tf.Tensor | tf.Tensor[];
    const fwd = Array.isArray(out) ? out : [out];
    const dx = tf.grads(lossOf)(xs);
    const dW = tf.variableGrads(() => lossOf(...xs), kernels);

    const yRef = [ref.high, ref.low].filter((t): t is Arr4 => t != null);
    for (let i = 0; i < fwd.length; i++) expect(maxRel(await fwd[i].data(), yRef[i].data)).toBeLessThan(1e-5);
    const xRefs = [xH, xL].filter((t): t is Arr4 => t != null);
    for (let i = 0; i < dx.length; i++) expect(maxRel(await dx[i].data(), linearGradient(xRefs[i], loss))).toBeLessThan(1e-5);
    for (let i = 0; i < paths.length; i++) {
      expect(maxRel(await dW.grads[kernels[i].name].data(), linearGradient(w[paths[i]]!, loss))).toBeLessThan(1e-5);
    }
    tf.dispose([...fwd, ...dx, dW.value, ...Object.values(dW.grads)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...xs, ...rs]);
    model.dispose();
  });
});
