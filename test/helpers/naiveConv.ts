/**
 * Float64 references for the convolution tests: a seeded uniform generator and a naive loop
 * y[n,i,j,o] = act(b[o] + Σ x[n, i·s+p−pt, j·s+q−pl, c]·w[p,q,c,o]) (NHWC, zero outside).
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** n uniform values in [−1, 1) from a Park–Miller generator seeded by `seed`. */
export const rand = (n: number, seed: number): number[] => {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1);
};
export type S4 = [number, number, number, number];
export const size = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/** y[n,i,j,o] = act(b[o] + Σ x[n, i·s+p−pt, j·s+q−pl, c]·w[p,q,c,o]) in float64. */
export function naiveConv(
  x: number[],
  xs: S4,
  w: number[],
  ws: S4,
  stride: number,
  pad: 'same' | 'valid',
  bias: number[] | null,
  act: string,
) {
  const info = tf.backend_util.computeConv2DInfo(xs, ws, stride, 1, pad);
  const [n, h, wd, ci] = xs;
  const [kh, kw, , co] = ws;
  const [ho, wo, pt, pl] = [info.outHeight, info.outWidth, info.padInfo.top, info.padInfo.left];
  const y = new Float64Array(n * ho * wo * co);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < ho; i++)
      for (let j = 0; j < wo; j++)
        for (let o = 0; o < co; o++) {
          let s = bias ? bias[o] : 0;
          for (let p = 0; p < kh; p++)
            for (let q = 0; q < kw; q++) {
              const [yy, xx] = [i * stride + p - pt, j * stride + q - pl];
              if (yy < 0 || yy >= h || xx < 0 || xx >= wd) continue;
              for (let c = 0; c < ci; c++) s += x[((b * h + yy) * wd + xx) * ci + c] * w[((p * kw + q) * ci + c) * co + o];
            }
          y[((b * ho + i) * wo + j) * co + o] =
            act === 'relu' ? Math.max(s, 0) : act === 'elu' ? (s > 0 ? s : Math.exp(s) - 1) : s;
        }
  return { y, shape: [n, ho, wo, co] };
}

/**
 * Asserts `got` [shape] equals the float64 reference `want` to `tolerance` of its largest magnitude
 * (which must exceed 0.1, so a zero output cannot pass); disposes `got`.
 */
export async function expectNearReference(
  got: tf.Tensor,
  want: { y: Float64Array; shape: number[] },
  tolerance: number,
): Promise<void> {
  expect(got.shape).toEqual(want.shape);
  const values = await got.data();
  got.dispose();
  const maxRef = Math.max(...want.y.map(Math.abs));
  const maxDiff = Math.max(...Array.from(values).map((v, i) => Math.abs(v - want.y[i])));
  expect(maxRef).toBeGreaterThan(0.1);
  expect(maxDiff / maxRef).toBeLessThan(tolerance);
}
