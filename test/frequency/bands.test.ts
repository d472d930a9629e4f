/**
 * The radial band filters against an independent float64 DFT (test/spectra/reference.ts): a
 * pure cosine below the radius survives the low-pass and vanishes from the high-pass; Parseval
 * holds for the kept set; filters that drop nothing return the image bit for bit; the tfjs
 * DFT-domain form (cpu backend: spectra once, one masked inverse per filter) matches the plain loops.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batchSpectra,
  DEFAULT_RADII,
  droppedMask,
  filterImage,
  maskedInverse,
  radialFrequencies,
  spectralBasis,
  spectralMask,
} from '../../src/frequency';
import { makeMap, maxAbsDiff, naiveDft2d, randomValues } from '../spectra/reference';
import { useBackend } from '../helpers/backend';

const N = 32;
const C = 3;

/** Kept set of an ideal radial filter written from the definition (independent of src). */
function keeps(u: number, v: number, radius: number, kind: 'lowPass' | 'highPass'): boolean {
  const f = (k: number) => (k <= N / 2 ? k : k - N) / N;
  const r = Math.hypot(f(u), f(v));
  return kind === 'lowPass' ? r < radius - 1e-12 : r === 0 || r >= radius - 1e-12;
}

/** Σ over kept indices of |F|² / N² per the naive DFT: the kept energy (Parseval). */
function keptEnergy(dft: { re: Float64Array; im: Float64Array }, radius: number, kind: 'lowPass' | 'highPass'): number {
  const { re, im } = dft;
  let e = 0;
  for (let u = 0; u < N; u++)
    for (let v = 0; v < N; v++) {
      if (!keeps(u, v, radius, kind)) continue;
      for (let c = 0; c < C; c++) e += re[(u * N + v) * C + c] ** 2 + im[(u * N + v) * C + c] ** 2;
    }
  return e / (N * N);
}

const energy = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v * v, 0);

describe('radial band filters', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  // (u, v) = (3, 2): r = √13/32 ≈ 0.113 < 0.125; per channel a different phase and mean.
  const means = [90, 120, 150];
  const cosine = makeMap(N, N, C, (y, x, c) => means[c] + 40 * Math.cos((2 * Math.PI * (3 * y + 2 * x)) / N + c));

  it('a cosine below r survives the low-pass unchanged and vanishes from the high-pass (mean stays)', () => {
    const low = filterImage(cosine, 0.125, 'lowPass');
    const high = filterImage(cosine, 0.125, 'highPass');
    expect(maxAbsDiff(low, cosine)).toBeLessThan(1e-3);
    expect(
      maxAbsDiff(
        high,
        makeMap(N, N, C, (_y, _x, c) => means[c]),
      ),
    ).toBeLessThan(1e-3);
    // Just above the cosine's frequency the roles swap: √13/32 ≥ 0.1 is high-pass material.
    expect(maxAbsDiff(filterImage(cosine, 0.1, 'highPass'), cosine)).toBeLessThan(1e-3);
  });

  it('Parseval: the filtered energy equals the kept DFT energy of an independent DFT', () => {
    const x = randomValues(N * N * C, 7).map((v) => 128 + 100 * v);
    const dft = naiveDft2d(x, N, N, C);
    for (const [radius, kind] of [
      [0.2, 'lowPass'],
      [0.2, 'highPass'],
      [1 / 32, 'lowPass'],
      [0.5, 'highPass'],
    ] as const) {
      const y = filterImage(x, radius, kind);
      const expected = keptEnergy(dft, radius, kind);
      expect(Math.abs(energy(y) - expected) / expected).toBeLessThan(1e-5);
    }
    // Low-pass + high-pass at the same radius = image + its channel means (DC counted twice).
    const [low, high] = [filterImage(x, 0.2, 'lowPass'), filterImage(x, 0.2, 'highPass')];
    const sum = low.map((v, i) => v + high[i]);
    const dc = Array.from({ length: C }, (_, c) => x.filter((_v, i) => i % C === c).reduce((s, v) => s + v, 0) / (N * N));
    expect(
      maxAbsDiff(
        sum,
        x.map((v, i) => v + dc[i % C]),
      ),
    ).toBeLessThan(1e-3);
  });

  it('the largest radius (low-pass) and radius 0 (high-pass) return the image bit for bit', () => {
    const top = DEFAULT_RADII[DEFAULT_RADII.length - 1];
    expect(top).toBeGreaterThan(Math.SQRT1_2);
    expect(Math.max(...radialFrequencies(N))).toBeCloseTo(Math.SQRT1_2, 12);
    const image = Uint8Array.from(randomValues(N * N * C, 3), (v) => Math.floor(128 + 127 * v));
    expect(filterImage(image, top, 'lowPass')).toEqual(Float32Array.from(image));
    expect(filterImage(image, 0, 'highPass')).toEqual(Float32Array.from(image));
    expect(droppedMask(N, top, 'lowPass').count).toBe(0);
    expect(spectralMask(N, top, 'lowPass')).toBeNull();
    expect(spectralMask(N, 0, 'highPass')).toBeNull();
    // The low-pass at 0 keeps nothing; the high-pass above √2/2 keeps only the DC term.
    expect(droppedMask(N, 0, 'lowPass').count).toBe(N * N);
    expect(droppedMask(N, top, 'highPass').count).toBe(N * N - 1);
  });

  it('the tfjs DFT-domain form matches the plain loops on a batch (cpu), one spectrum for several filters', async () => {
    const batch = [randomValues(N * N * C, 11), randomValues(N * N * C, 12)].map((a) => a.map((v) => 128 + 120 * v));
    const before = tf.memory().numTensors;
    const basis = spectralBasis(N);
    const x = tf.tensor4d(Float32Array.from([...batch[0], ...batch[1]]), [2, N, N, C]);
    const spectra = batchSpectra(x, basis);
    for (const [radius, kind] of [
      [3 / 32, 'lowPass'],
      [6 / 32, 'highPass'],
      [0, 'lowPass'],
      [23 / 32, 'highPass'],
    ] as const) {
      const mask = spectralMask(N, radius, kind)!;
      const y = maskedInverse(spectra, mask, basis);
      expect(y.shape).toEqual([2, N, N, C]);
      const out = await y.data();
      tf.dispose([mask, y]);
      for (let i = 0; i < 2; i++) {
        expect(maxAbsDiff(out.subarray(i * N * N * C, (i + 1) * N * N * C), filterImage(batch[i], radius, kind))).toBeLessThan(
          1e-2,
        );
      }
    }
    tf.dispose([x, spectra.spectra, ...Object.values(basis).filter((v) => v instanceof tf.Tensor)]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => tf.tidy(() => batchSpectra(tf.zeros([1, 16, 16, 3]) as tf.Tensor4D, spectralBasis(N)).spectra)).toThrow(
      /16×16 do not match a basis for 32×32/,
    );
  });

  it('rejects bad radii, kinds and sizes with clear errors', () => {
    expect(() => filterImage(cosine, -0.1, 'lowPass')).toThrow(/radius must be a finite number ≥ 0/);
    expect(() => filterImage(cosine, Number.NaN, 'lowPass')).toThrow(/radius/);
    expect(() => filterImage(cosine, 0.1, 'bandPass' as 'lowPass')).toThrow(/kind must be 'lowPass' or 'highPass'/);
    expect(() => filterImage(new Float32Array(10), 0.1, 'lowPass')).toThrow(/expected 32×32×3 = 3072 values, got 10/);
  });
});
