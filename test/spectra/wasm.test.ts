/**
 * The analysis on the wasm backend (the one the worker trains on without a GPU): tfjs 4.22.0's
 * wasm has no FFT/Complex kernels, so fft2d's 'auto' takes the matrix-DFT path there.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fft2d, hasSpectralFft, octaveSpectra } from '../../src/spectra';
import { useBackend } from '../helpers/backend';
import { makeMap, maxAbsDiff, naiveDft2d, randomValues } from './reference';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('spectra on wasm', () => {
  it('has no FFT kernel; method spectral is refused with a clear message', () => {
    expect(hasSpectralFft()).toBe(false);
    const x = tf.zeros([4, 4, 1]) as tf.Tensor3D;
    expect(() => fft2d(x, { method: 'spectral' })).toThrow(/backend 'wasm' does not register/);
    x.dispose();
  });

  it('fft2d (auto) matches a naive DFT on random 16×16×3 to 1e-4', async () => {
    const x = randomValues(16 * 16 * 3, 13);
    const ref = naiveDft2d(x, 16, 16, 3);
    const t = tf.tensor3d(x, [16, 16, 3]);
    const { real, imag } = fft2d(t);
    expect(maxAbsDiff(await real.data(), ref.re)).toBeLessThan(1e-4);
    expect(maxAbsDiff(await imag.data(), ref.im)).toBeLessThan(1e-4);
    tf.dispose([t, real, imag]);
  });

  it('octaveSpectra: single frequencies land in their bins; no leaks over 50 calls', async () => {
    const wave = (n: number, k: number) => ({
      height: n,
      width: n,
      channels: 4,
      data: makeMap(n, n, 4, (_y, x) => Math.cos((2 * Math.PI * k * x) / n)),
    });
    const high = wave(32, 6);
    const low = wave(16, 2);
    const first = await octaveSpectra(high, low);
    expect(first.high!.radial.energy[6]).toBeCloseTo(1, 5);
    expect(first.low!.radial.energy[2]).toBeCloseTo(1, 5);
    expect(first.high!.lowEnergyFraction).toBeCloseTo(0, 6); // 6/32 ≥ 0.125
    expect(first.low!.lowEnergyFraction).toBeCloseTo(1, 6); // 2/32 < 0.125
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await octaveSpectra(high, low);
    expect(tf.memory().numTensors).toBe(before);
  });
});
