/**
 * Kernel fixes (docs/tfjs-notes.md bugs 1–2): wasm Conv2DBackpropFilter vs the cpu kernel, and the exact
 * nearest ×2 upsample gradient for batch > 1.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { registerKernelFixes, upsampleNearest2x } from '../../src/octconv';

/** Filter gradient of conv2d(x, w) for loss Σ r ⊙ y on the current backend. */
async function filterGrad(
  x: number[],
  xs: number[],
  w: number[],
  ws: number[],
  r: tf.Tensor4D | null,
  stride: 1 | 2,
  pad: 'same' | 'valid',
): Promise<{ g: Float32Array; out: tf.Tensor4D }> {
  const tx = tf.tensor4d(x, xs as [number, number, number, number]);
  const tw = tf.tensor4d(w, ws as [number, number, number, number]);
  const before = tf.memory().numTensors;
  const g = tf.grad((wt: tf.Tensor) => {
    const y = tf.conv2d(tx, wt as tf.Tensor4D, stride, pad);
    return tf.sum(tf.mul(y, r ?? tf.onesLike(y)));
  })(tw);
  const data = (await g.data()) as Float32Array;
  g.dispose();
  expect(tf.memory().numTensors).toBe(before); // no leaks inside the kernel
  const xAfter = await tx.data();
  expect(Array.from(xAfter)).toEqual(Array.from(Float32Array.from(x))); // input untouched
  const out = tf.conv2d(tx, tw, stride, pad);
  tf.dispose([tx, tw]);
  return { g: data, out };
}

const rand = (n: number, seed: number): number[] => {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1);
};

describe('registerKernelFixes', () => {
  it('is idempotent and registers Conv2DBackpropFilter for wasm', () => {
    registerKernelFixes();
    const k = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    registerKernelFixes();
    expect(k).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBe(k);
  });

  const cases = [
    { stride: 1, pad: 'same', xs: [2, 5, 6, 3], ws: [3, 3, 3, 4] },
    { stride: 2, pad: 'same', xs: [3, 7, 6, 2], ws: [3, 3, 2, 3] },
    { stride: 1, pad: 'valid', xs: [2, 6, 5, 3], ws: [3, 2, 3, 2] },
    { stride: 2, pad: 'valid', xs: [2, 7, 8, 2], ws: [3, 3, 2, 4] },
    { stride: 2, pad: 'same', xs: [2, 8, 8, 4], ws: [1, 1, 4, 5] },
    // Channel counts that are not multiples of 4 (the vector tiles' remainders: co % 4 = 2, 1, 3).
    { stride: 1, pad: 'same', xs: [2, 6, 6, 14], ws: [3, 3, 14, 14] },
    { stride: 1, pad: 'same', xs: [2, 5, 5, 6], ws: [3, 3, 6, 5] },
    { stride: 1, pad: 'same', xs: [2, 4, 5, 7], ws: [3, 3, 7, 7] },
  ] as const;
  it.each(cases)('wasm filter gradient = cpu, stride $stride, $pad, x $xs, w $ws', async ({ stride, pad, xs, ws }) => {
    const x = rand(
      (xs as readonly number[]).reduce((a, b) => a * b, 1),
      7,
    );
    const w = rand(
      (ws as readonly number[]).reduce((a, b) => a * b, 1),
      9,
    );
    await useBackend('cpu');
    type S4 = [number, number, number, number];
    const probe = tf.conv2d(tf.zeros([...xs]) as tf.Tensor4D, tf.zeros([...ws]) as tf.Tensor4D, stride, pad);
    const rShape = probe.shape as S4;
    probe.dispose();
    const rVals = rand(
      rShape.reduce((a, b) => a * b, 1),
      3,
    );
    const rc = tf.tensor4d(rVals, rShape);
    const cpu = await filterGrad(x, [...xs], w, [...ws], rc, stride, pad);
    tf.dispose([rc, cpu.out]);
    await useBackend('wasm');
    const rw = tf.tensor4d(rVals, rShape);
    const wasm = await filterGrad(x, [...xs], w, [...ws], rw, stride, pad);
    tf.dispose([rw, wasm.out]);
    const maxRef = Math.max(...Array.from(cpu.g).map(Math.abs));
    const maxDiff = Math.max(...Array.from(cpu.g).map((v, i) => Math.abs(v - wasm.g[i])));
    expect(maxRef).toBeGreaterThan(0.1);
    expect(maxDiff / maxRef).toBeLessThan(1e-5);
  });
});

describe('upsampleNearest2x', () => {
  it.each(['cpu', 'wasm'] as const)(
    'forward replicates pixels and the gradient sums 2×2 blocks, batch 3, on %s',
    async (backend) => {
      await useBackend(backend);
      const [n, h, w, c] = [3, 2, 3, 2];
      const xv = rand(n * h * w * c, 5);
      const dyv = rand(n * 4 * h * w * c, 6);
      const x = tf.tensor4d(xv, [n, h, w, c]);
      const dy = tf.tensor4d(dyv, [n, 2 * h, 2 * w, c]);
      const y = upsampleNearest2x(x);
      const g = tf.grad((t: tf.Tensor) => upsampleNearest2x(t as tf.Tensor4D))(x, dy);
      const [yv, gv] = [await y.data(), await g.data()];
      const idx = (b: number, i: number, j: number, ch: number, H: number, W: number): number => ((b * H + i) * W + j) * c + ch;
      for (let b = 0; b < n; b++)
        for (let i = 0; i < h; i++)
          for (let j = 0; j < w; j++)
            for (let ch = 0; ch < c; ch++) {
              let sum = 0;
              for (const [a, d] of [
                [0, 0],
                [0, 1],
                [1, 0],
                [1, 1],
              ]) {
                expect(yv[idx(b, 2 * i + a, 2 * j + d, ch, 2 * h, 2 * w)]).toBe(Math.fround(xv[idx(b, i, j, ch, h, w)]));
                sum += Math.fround(dyv[idx(b, 2 * i + a, 2 * j + d, ch, 2 * h, 2 * w)]);
              }
              expect(gv[idx(b, i, j, ch, h, w)]).toBeCloseTo(sum, 5);
            }
      tf.dispose([x, dy, y, g]);
    },
  );
});
