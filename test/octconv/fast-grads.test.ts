/**
 * The speed-ups of registerKernelFixes: wasm Conv2DBackpropInput as one flipped-kernel conv (vs a
 * naive loop dx computed here), and the lean FusedBatchNorm gradient (vs the closed forms
 * derived by hand below, on cpu and wasm). No leaks, inputs untouched.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';

const rand = (n: number, seed: number): number[] => {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1);
};
type S4 = [number, number, number, number];
const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/**
 * Naive dx of y = conv2d(x, w, stride, pad) for the loss Σ r ⊙ y:
 * dx[n, i·s + p − pt, j·s + q − pl, ci] += r[n, i, j, co] · w[p, q, ci, co].
 */
function naiveDx(xs: S4, w: number[], ws: S4, r: number[], rs: S4, stride: number, pt: number, pl: number): Float64Array {
  const [n, h, wd, ci] = xs;
  const [kh, kw, , co] = ws;
  const [, ho, wo] = rs;
  const dx = new Float64Array(size(xs));
  for (let b = 0; b < n; b++)
    for (let i = 0; i < ho; i++)
      for (let j = 0; j < wo; j++)
        for (let p = 0; p < kh; p++)
          for (let q = 0; q < kw; q++) {
            const [y, x] = [i * stride + p - pt, j * stride + q - pl];
            if (y < 0 || y >= h || x < 0 || x >= wd) continue;
            for (let c = 0; c < ci; c++)
              for (let o = 0; o < co; o++) {
                dx[((b * h + y) * wd + x) * ci + c] += r[((b * ho + i) * wo + j) * co + o] * w[((p * kw + q) * ci + c) * co + o];
              }
          }
  return dx;
}

describe('wasm Conv2DBackpropInput (flipped-kernel conv)', () => {
  const cases = [
    { stride: 1, pad: 'same', xs: [2, 5, 6, 3], ws: [3, 3, 3, 4] },
    { stride: 1, pad: 'valid', xs: [3, 6, 5, 2], ws: [3, 2, 2, 3] },
    { stride: 1, pad: 'same', xs: [2, 4, 4, 5], ws: [1, 1, 5, 2] },
    { stride: 1, pad: 'same', xs: [2, 6, 6, 2], ws: [2, 2, 2, 3] },
    { stride: 2, pad: 'same', xs: [2, 6, 6, 2], ws: [3, 3, 2, 3] }, // stock kernel (fallback)
  ] as const;
  it.each(cases)('dx = naive loop, stride $stride, $pad, x $xs, w $ws', async ({ stride, pad, xs, ws }) => {
    await useBackend('wasm');
    const [xv, wv] = [rand(size(xs), 11), rand(size(ws), 13)];
    const x = tf.tensor4d(xv, [...xs] as S4);
    const w = tf.tensor4d(wv, [...ws] as S4);
    const y = tf.conv2d(x, w, stride, pad);
    const rs = y.shape as S4;
    const rv = rand(size(rs), 17);
    const r = tf.tensor4d(rv, rs);
    const before = tf.memory().numTensors;
    const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(t as tf.Tensor4D, w, stride, pad), r)))(x);
    const got = await dx.data();
    dx.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(await w.data())).toEqual(Array.from(Float32Array.from(wv))); // filter untouched
    const info = tf.backend_util.computeConv2DInfo([...xs] as S4, [...ws] as S4, stride, 1, pad);
    const want = naiveDx([...xs] as S4, wv, [...ws] as S4, rv, rs, stride, info.padInfo.top, info.padInfo.left);
    const maxRef = Math.max(...want.map(Math.abs));
    const maxDiff = Math.max(...Array.from(got).map((v, i) => Math.abs(v - want[i])));
    expect(maxRef).toBeGreaterThan(0.1);
    expect(maxDiff / maxRef).toBeLessThan(1e-5);
    tf.dispose([x, w, y, r]);
  });
});

describe('lean FusedBatchNorm gradient', () => {
  it.each(['cpu', 'wasm'] as const)('matches the hand-derived closed forms on %s', async (backend) => {
    await useBackend(backend);
    const [n, h, w, c] = [3, 2, 2, 3];
    const m = n * h * w;
    const xv = rand(m * c, 21).map((v, i) => v * 2 + (i % c));
    const rv = rand(m * c, 23);
    const [mu, va, ga, be] = [
      [0.3, -0.2, 1.1],
      [0.5, 1.7, 0.9],
      [1.5, -0.7, 0.4],
      [0.1, 0.2, -0.3],
    ];
    const eps = 1e-3;
    const x = tf.tensor4d(xv, [n, h, w, c]);
    const r = tf.tensor4d(rv, [n, h, w, c]);
    const vars = [mu, va, ga, be].map((v) => tf.tensor1d(v));
    const before = tf.memory().numTensors;
    const grads = tf.grads((xi, mi, vi, gi, bi) =>
      tf.sum(
        tf.mul(
          tf.batchNorm(xi as tf.Tensor4D, mi as tf.Tensor1D, vi as tf.Tensor1D, bi as tf.Tensor1D, gi as tf.Tensor1D, eps),
          r,
        ),
      ),
    )([x, ...vars]);
    const [dx, dmu, dva, dga, dbe] = await Promise.all(grads.map((g) => g.data()));
    tf.dispose(grads);
    expect(tf.memory().numTensors).toBe(before);
    // Closed forms of y = (x − μ)·ρ·γ + β with ρ = (σ² + ε)^(−½), loss Σ r ⊙ y.
    for (let ch = 0; ch < c; ch++) {
      const rho = 1 / Math.sqrt(va[ch] + eps);
      let sumR = 0;
      let sumRXc = 0;
      for (let k = 0; k < m; k++) {
        const i = k * c + ch;
        sumR += rv[i];
        sumRXc += rv[i] * (Math.fround(xv[i]) - mu[ch]);
        expect(dx[i]).toBeCloseTo(rv[i] * rho * ga[ch], 4);
      }
      expect(dbe[ch]).toBeCloseTo(sumR, 4);
      expect(dmu[ch]).toBeCloseTo(-rho * ga[ch] * sumR, 4);
      expect(dga[ch]).toBeCloseTo(rho * sumRXc, 4);
      expect(dva[ch]).toBeCloseTo(-0.5 * rho ** 3 * ga[ch] * sumRXc, 4);
    }
    tf.dispose([x, r, ...vars]);
  });
});

describe('wasm AvgPoolGrad (2×2/2 valid) and buffer-sharing Identity/Cast', () => {
  it('avgPool gradient = dy/4 replicated over each 2×2 block; other pools use the stock kernel', async () => {
    await useBackend('wasm');
    const [n, h, w, c] = [2, 4, 6, 3];
    const x = tf.tensor4d(rand(n * h * w * c, 31), [n, h, w, c]);
    const dyv = rand(n * (h / 2) * (w / 2) * c, 33);
    const dy = tf.tensor4d(dyv, [n, h / 2, w / 2, c]);
    const before = tf.memory().numTensors;
    const dx = tf.grad((t: tf.Tensor) => tf.avgPool(t as tf.Tensor4D, 2, 2, 'valid'))(x, dy);
    const got = await dx.data();
    dx.dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (let b = 0; b < n; b++)
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++)
          for (let ch = 0; ch < c; ch++) {
            const want = Math.fround(dyv[((b * (h / 2) + (i >> 1)) * (w / 2) + (j >> 1)) * c + ch]) / 4;
            expect(got[((b * h + i) * w + j) * c + ch]).toBe(want);
          }
    // 3×3 stride 1 'valid' (stock path): each input pixel gets Σ dy/9 over the windows covering it.
    const dy3 = tf.ones([n, h - 2, w - 2, c]);
    const g3 = tf.grad((t: tf.Tensor) => tf.avgPool(t as tf.Tensor4D, 3, 1, 'valid'))(x, dy3 as tf.Tensor4D);
    const v3 = await g3.data();
    expect(v3[0]).toBeCloseTo(1 / 9, 6); // corner: one window
    expect(v3[((0 * h + 1) * w + 1) * c]).toBeCloseTo(4 / 9, 6); // (1,1): 2×2 windows
    tf.dispose([x, dy, dy3, g3]);
  });

  it('clone and same-dtype cast share the buffer safely: the copy survives disposing the original', async () => {
    await useBackend('wasm');
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const b = a.clone();
    const c = tf.cast(a, 'float32');
    const d = tf.cast(tf.tensor1d([1.7, -2.2]), 'int32'); // a real conversion still converts
    a.dispose();
    expect(Array.from(await b.data())).toEqual([1, 2, 3, 4]);
    expect(Array.from(await c.data())).toEqual([1, 2, 3, 4]);
    expect(Array.from(await d.data())).toEqual([1, -2]);
    tf.dispose([b, c, d]);
  });
});

describe('lean Mean gradient', () => {
  it.each(['cpu', 'wasm'] as const)('d mean(x, axes)/dx = dy/n broadcast over the reduced axes, on %s', async (backend) => {
    await useBackend(backend);
    const x = tf.tensor4d(rand(2 * 3 * 2 * 4, 41), [2, 3, 2, 4]);
    const dyv = rand(2 * 4, 43);
    for (const keepDims of [false, true]) {
      const dy = keepDims ? tf.tensor4d(dyv, [2, 1, 1, 4]) : tf.tensor2d(dyv, [2, 4]);
      const before = tf.memory().numTensors;
      const g = tf.grad((t: tf.Tensor) => tf.mean(t, [1, 2], keepDims))(x, dy);
      const got = await g.data();
      g.dispose();
      expect(tf.memory().numTensors).toBe(before);
      for (let n = 0; n < 2; n++)
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 2; j++)
            for (let c = 0; c < 4; c++) {
              expect(got[((n * 3 + i) * 2 + j) * 4 + c]).toBe(Math.fround(Math.fround(dyv[n * 4 + c]) / 6));
            }
      dy.dispose();
    }
    x.dispose();
  });
});
