/**
 * The analysis on webgpu in Node (Dawn + SwiftShader): 'auto' takes tf.spectral.fft there, whose
 * output comes back flattened to [batch, N]; fft2d must still match a naive DFT and octaveSpectra
 * must run (regression: "rank of input 2 must match length of perm 0,2,1").
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fft2d, hasSpectralFft, octaveSpectra } from '../../src/spectra';
import { useBackend } from '../helpers/backend';
import { makeMap, maxAbsDiff, naiveDft2d, randomValues } from './reference';

beforeAll(async () => {
  await useBackend('webgpu');
});

describe('spectra on webgpu (tf.spectral path)', () => {
  // GPU sin/cos in float32 (SwiftShader) make the twiddles less exact than the cpu's, so the
  // bound is relative to the largest coefficient: ≤ 1e-4 · max|F| (measured ≈ 4e-5).
  it('fft2d (auto = spectral) matches a naive DFT on random 8×8×2 to 1e-4 relative', async () => {
    expect(hasSpectralFft()).toBe(true);
    const x = randomValues(8 * 8 * 2, 5);
    const ref = naiveDft2d(x, 8, 8, 2);
    const t = tf.tensor3d(x, [8, 8, 2]);
    const { real, imag } = fft2d(t, { method: 'spectral' });
    expect(real.shape).toEqual([8, 8, 2]);
    const errRe = maxAbsDiff(await real.data(), ref.re);
    const errIm = maxAbsDiff(await imag.data(), ref.im);
    const scale = Math.max(...ref.re.map(Math.abs), ...ref.im.map(Math.abs));
    expect(scale).toBeGreaterThan(1);
    expect(errRe / scale).toBeLessThan(1e-4);
    expect(errIm / scale).toBeLessThan(1e-4);
    tf.dispose([t, real, imag]);
  });

  it('octaveSpectra puts a single frequency of each branch in its bin', async () => {
    const wave = (n: number, k: number) => ({
      height: n,
      width: n,
      channels: 2,
      data: makeMap(n, n, 2, (_y, x) => Math.cos((2 * Math.PI * k * x) / n)),
    });
    const before = tf.memory().numTensors;
    const spectra = await octaveSpectra(wave(16, 3), wave(8, 1));
    expect(spectra.high!.radial.energy[3]).toBeCloseTo(1, 4);
    expect(spectra.low!.radial.energy[1]).toBeCloseTo(1, 4);
    expect(tf.memory().numTensors).toBe(before);
  });
});
