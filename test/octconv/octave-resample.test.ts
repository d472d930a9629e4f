/**
 * The octave's resolution changes on wasm by our SIMD kernels (src/tfjs-fixes/wasm-octave-resample.ts,
 * simd/pool2x2.c): the 2×2/2 average pool, its gradient and the ×2 nearest upsample equal naive
 * loops computed here, for channel counts that are and are not multiples of 4; other shapes and
 * attributes go to the stock kernels and still match. No leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';

const rand = (n: number, seed: number): number[] => {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1);
};
type S4 = [number, number, number, number];
const at = (s: S4, b: number, i: number, j: number, k: number): number => ((b * s[1] + i) * s[2] + j) * s[3] + k;

/** avg[b,i,j,k] = ¼ Σ x[b, 2i+a, 2j+d, k]. */
function naivePool(x: number[], s: S4): number[] {
  const o: S4 = [s[0], s[1] / 2, s[2] / 2, s[3]];
  const y = new Array<number>(o.reduce((a, b) => a * b, 1)).fill(0);
  for (let b = 0; b < o[0]; b++)
    for (let i = 0; i < o[1]; i++)
      for (let j = 0; j < o[2]; j++)
        for (let k = 0; k < o[3]; k++)
          for (const [a, d] of [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
          ])
            y[at(o, b, i, j, k)] += x[at(s, b, 2 * i + a, 2 * j + d, k)] / 4;
  return y;
}

/** up[b, 2i+a, 2j+d, k] = scale · x[b,i,j,k]. */
function naiveUp(x: number[], s: S4, scale: number): number[] {
  const o: S4 = [s[0], s[1] * 2, s[2] * 2, s[3]];
  const y = new Array<number>(o.reduce((a, b) => a * b, 1));
  for (let b = 0; b < o[0]; b++)
    for (let i = 0; i < o[1]; i++)
      for (let j = 0; j < o[2]; j++) for (let k = 0; k < o[3]; k++) y[at(o, b, i, j, k)] = scale * x[at(s, b, i >> 1, j >> 1, k)];
  return y;
}

const close = (got: ArrayLike<number>, want: number[]): void => {
  expect(got.length).toBe(want.length);
  const diff = Math.max(...Array.from(got).map((v, i) => Math.abs(v - want[i])));
  expect(diff).toBeLessThan(1e-6);
};

describe('wasm octave pool / upsample kernels', () => {
  it.each([
    [3, 6, 8, 8],
    [2, 4, 6, 14],
    [1, 2, 2, 3],
  ] as S4[])('x %j: avgPool, its gradient and the ×2 nearest upsample = naive loops', async (...shape) => {
    await useBackend('wasm');
    for (const name of ['AvgPool', 'AvgPoolGrad', 'ResizeNearestNeighbor'])
      // ours, not the stock kernels
      expect(
        (tf.getKernel(name, 'wasm')!.kernelFunc as unknown as Record<symbol, boolean>)[Symbol.for('octconv-lab.wasmWrap')],
      ).toBe(true);
    const s = shape as unknown as S4;
    const xv = rand(
      s.reduce((a, b) => a * b, 1),
      5,
    );
    const x = tf.tensor4d(xv, s);
    const half: S4 = [s[0], s[1] / 2, s[2] / 2, s[3]];
    const dv = rand(
      half.reduce((a, b) => a * b, 1),
      9,
    );
    const dy = tf.tensor4d(dv, half);
    const before = tf.memory().numTensors;
    const pooled = tf.avgPool(x, 2, 2, 'valid');
    close(await pooled.data(), naivePool(xv, s));
    const dx = tf.grad((t: tf.Tensor) => tf.avgPool(t as tf.Tensor4D, 2, 2, 'valid'))(x, dy);
    close(await dx.data(), naiveUp(dv, half, 0.25));
    const up = tf.image.resizeNearestNeighbor(x, [2 * s[1], 2 * s[2]]);
    expect(Array.from(await up.data())).toEqual(Array.from(Float32Array.from(naiveUp(xv, s, 1)))); // a copy: exact
    tf.dispose([pooled, dx, up]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, dy]);
  });

  it('other pools and resizes use the stock kernels and still match', async () => {
    await useBackend('wasm');
    const s: S4 = [2, 5, 6, 3];
    const xv = rand(2 * 5 * 6 * 3, 3);
    const x = tf.tensor4d(xv, s);
    const odd = tf.avgPool(x, 2, 2, 'valid'); // odd height: stock kernel
    expect(odd.shape).toEqual([2, 2, 3, 3]);
    const oddWant = naivePool(
      xv.filter((_v, i) => Math.floor(i / (6 * 3)) % 5 < 4),
      [2, 4, 6, 3],
    );
    close(await odd.data(), oddWant);
    const up3 = tf.image.resizeNearestNeighbor(x, [15, 18]); // ×3: stock kernel, src = ⌊dst / 3⌋
    const want3: number[] = [];
    for (let n = 0; n < 2; n++)
      for (let i = 0; i < 15; i++)
        for (let j = 0; j < 18; j++)
          for (let k = 0; k < 3; k++) want3.push(xv[at(s, n, Math.floor(i / 3), Math.floor(j / 3), k)]);
    close(await up3.data(), want3);
    tf.dispose([x, odd, up3]);
  });
});
