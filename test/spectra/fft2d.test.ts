import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fft2d, hasSpectralFft } from '../../src/spectra';
import { makeMap, maxAbsDiff, naiveDft2d, randomValues } from './reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function run(x: Float32Array, h: number, w: number, c: number, method: 'spectral' | 'matmul') {
  const t = tf.tensor3d(x, [h, w, c]);
  const { real, imag } = fft2d(t, { method });
  expect(real.shape).toEqual([h, w, c]);
  expect(imag.shape).toEqual([h, w, c]);
  const out = { re: await real.data(), im: await imag.data() };
  tf.dispose([t, real, imag]);
  return out;
}

describe('fft2d', () => {
  it('has the FFT kernel on cpu (so both methods are exercised here)', () => {
    expect(hasSpectralFft('cpu')).toBe(true);
    expect(hasSpectralFft('no-such-backend')).toBe(false);
  });

  for (const method of ['spectral', 'matmul'] as const) {
    for (const [h, w, c, seed] of [
      [8, 8, 3, 1],
      [16, 16, 2, 2],
      [8, 16, 2, 3],
      [6, 10, 1, 4], // not powers of two
    ] as const) {
      it(`matches a naive DFT on random ${h}×${w}×${c} (${method}) to 1e-4`, async () => {
        const x = randomValues(h * w * c, seed);
        const ref = naiveDft2d(x, h, w, c);
        const got = await run(x, h, w, c, method);
        expect(maxAbsDiff(got.re, ref.re)).toBeLessThan(1e-4);
        expect(maxAbsDiff(got.im, ref.im)).toBeLessThan(1e-4);
      });
    }

    it(`gives a flat magnitude 1 for an impulse anywhere (${method})`, async () => {
      for (const [py, px] of [
        [0, 0],
        [3, 5],
      ]) {
        const x = makeMap(8, 8, 1, (y, xx) => (y === py && xx === px ? 1 : 0));
        const { re, im } = await run(x, 8, 8, 1, method);
        for (let i = 0; i < 64; i++) expect(Math.hypot(re[i], im[i])).toBeCloseTo(1, 5);
      }
    });

    it(`puts a cosine of k cycles exactly at ±k with weight HW/2 (${method})`, async () => {
      const h = 16,
        w = 16,
        k = 3;
      const x = makeMap(h, w, 1, (_y, xx) => Math.cos((2 * Math.PI * k * xx) / w));
      const { re, im } = await run(x, h, w, 1, method);
      for (let u = 0; u < h; u++) {
        for (let v = 0; v < w; v++) {
          const expected = u === 0 && (v === k || v === w - k) ? (h * w) / 2 : 0;
          expect(Math.abs(re[u * w + v] - expected)).toBeLessThan(1e-3);
          expect(Math.abs(im[u * w + v])).toBeLessThan(1e-3);
        }
      }
    });

    it(`satisfies Parseval: Σ|F|² = H·W·Σx² (${method})`, async () => {
      const h = 16,
        w = 8,
        c = 3;
      const x = randomValues(h * w * c, 7);
      const { re, im } = await run(x, h, w, c, method);
      let spectral = 0;
      for (let i = 0; i < re.length; i++) spectral += re[i] ** 2 + im[i] ** 2;
      let spatial = 0;
      for (const v of x) spatial += v * v;
      expect(spectral / (h * w * spatial)).toBeCloseTo(1, 5);
    });
  }

  it('the spectral and matmul paths agree on a 32×32×16 map', async () => {
    const x = randomValues(32 * 32 * 16, 11);
    const a = await run(x, 32, 32, 16, 'spectral');
    const b = await run(x, 32, 32, 16, 'matmul');
    expect(maxAbsDiff(a.re, b.re)).toBeLessThan(2e-3);
    expect(maxAbsDiff(a.im, b.im)).toBeLessThan(2e-3);
  });

  it('rejects bad input with clear messages and leaks nothing', () => {
    const before = tf.memory().numTensors;
    const t2 = tf.zeros([4, 4]);
    expect(() => fft2d(t2 as unknown as tf.Tensor3D)).toThrow(/rank-3 \[H, W, C\] tensor, got rank 2/);
    expect(() => fft2d(null as unknown as tf.Tensor3D)).toThrow(/got null/);
    const empty = tf.zeros([0, 4, 1]) as tf.Tensor3D;
    expect(() => fft2d(empty)).toThrow(/non-empty/);
    const ok = tf.zeros([4, 4, 1]) as tf.Tensor3D;
    expect(() => fft2d(ok, { method: 'fast' as never })).toThrow(/unknown method 'fast'/);
    const { real, imag } = fft2d(ok);
    tf.dispose([t2, empty, ok, real, imag]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
