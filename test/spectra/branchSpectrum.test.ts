import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { branchSpectrum, fft2d, octaveSpectra } from '../../src/spectra';
import type { FeatureMap } from '../../src/train/protocol';
import { makeMap, randomValues } from './reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fmap = (height: number, width: number, channels: number, data: Float32Array): FeatureMap => ({
  height,
  width,
  channels,
  data,
});
/** cos(2π(ky·y/h + kx·x/w)) on every channel. */
const wave = (h: number, w: number, c: number, ky: number, kx: number) =>
  fmap(
    h,
    w,
    c,
    makeMap(h, w, c, (y, x) => Math.cos(2 * Math.PI * ((ky * y) / h + (kx * x) / w))),
  );

/** Index of the only non-zero bin (fails if energy is spread). */
function onlyBin(energy: number[]): number {
  const hot = energy.map((e, k) => [e, k] as const).filter(([e]) => e > 1e-6);
  expect(hot).toHaveLength(1);
  expect(hot[0][0]).toBeCloseTo(1, 5);
  return hot[0][1];
}

describe('branchSpectrum', () => {
  it('puts a single frequency of k cycles into radial bin k (frequency k/32 cycles/pixel)', async () => {
    for (const [ky, kx, bin] of [
      [0, 3, 3],
      [3, 4, 5],
      [5, 0, 5],
      [0, 16, 16],
    ] as const) {
      const s = await branchSpectrum(wave(32, 32, 2, ky, kx), { scale: 1 });
      expect(onlyBin(s.radial.energy)).toBe(bin);
      expect(s.radial.frequency[bin]).toBeCloseTo(bin / 32, 12);
      // 0.125 = 4/32: radius 3 is below it, radius 5 (and the Nyquist 16) is not.
      expect(s.lowEnergyFraction).toBeCloseTo(bin < 4 ? 1 : 0, 6);
    }
  });

  it('radial axis spans 0…√2/2 of the reference grid in steps of 1/N_ref, fractions sum to 1', async () => {
    const s = await branchSpectrum(fmap(32, 32, 3, randomValues(32 * 32 * 3, 5)), { scale: 1 });
    expect(s.radial.frequency).toHaveLength(24); // round(22.63) + 1
    expect(s.radial.frequency[23]).toBeCloseTo(23 / 32, 12);
    expect(s.radial.energy.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(s.radial.energy[0]).toBeLessThan(1e-12); // mean removed: no DC energy (float residue only)
  });

  it('centres the log-magnitude (DC at (H/2, W/2)) and averages log(1+|F|) over channels', async () => {
    // Channel 0: cos(2π·3x/32), |F| = 512 at (0, ±3); channel 1: zero map, |F| = 0.
    const h = 32,
      w = 32;
    const data = makeMap(h, w, 2, (_y, x, c) => (c === 0 ? Math.cos((2 * Math.PI * 3 * x) / w) : 0));
    const s = await branchSpectrum(fmap(h, w, 2, data), { scale: 1 });
    expect(s.logMagnitude).toHaveLength(h * w);
    const at = (y: number, x: number) => s.logMagnitude[y * w + x];
    const peak = Math.log1p(512) / 2; // mean over the 2 channels
    expect(at(16, 19)).toBeCloseTo(peak, 3);
    expect(at(16, 13)).toBeCloseTo(peak, 3);
    let rest = 0;
    for (let i = 0; i < h * w; i++) if (i !== 16 * w + 19 && i !== 16 * w + 13) rest = Math.max(rest, s.logMagnitude[i]);
    expect(rest).toBeLessThan(1e-3);
  });

  it('removeMean decides whether DC counts: (1 + cos 5 cycles) → 2/3 low without, 0 with', async () => {
    // Per channel: DC |F|² = (HW·1)², the cosine 2·(HW/2)² = (HW)²/2 → DC share 1/(1 + ½) = 2/3.
    const data = makeMap(32, 32, 2, (_y, x) => 1 + Math.cos((2 * Math.PI * 5 * x) / 32));
    const kept = await branchSpectrum(fmap(32, 32, 2, data), { scale: 1, removeMean: false });
    expect(kept.lowEnergyFraction).toBeCloseTo(2 / 3, 5);
    expect(kept.totalEnergy).toBeCloseTo(2 * 1024 ** 2 * 1.5, -2);
    const removed = await branchSpectrum(fmap(32, 32, 2, data), { scale: 1 });
    expect(removed.lowEnergyFraction).toBeCloseTo(0, 6);
    expect(removed.totalEnergy).toBeCloseTo(2 * 1024 ** 2 * 0.5, -2);
  });

  it('honours cutoff and bins, and reports no energy for a constant map', async () => {
    const s = await branchSpectrum(wave(32, 32, 1, 0, 5), { scale: 1, cutoff: 0.2, bins: 8 });
    expect(s.cutoff).toBe(0.2);
    expect(s.lowEnergyFraction).toBeCloseTo(1, 6);
    expect(s.radial.frequency[1]).toBeCloseTo(1 / 16, 12); // bin width ½/8
    expect(onlyBin(s.radial.energy)).toBe(3); // 5/32 = 0.156 → round(2.5)=3
    const flat = await branchSpectrum(fmap(8, 8, 2, new Float32Array(128).fill(3)), { scale: 1 });
    expect(flat.totalEnergy).toBe(0);
    expect(flat.lowEnergyFraction).toBe(0);
    expect(flat.radial.energy.every((e) => e === 0)).toBe(true);
  });

  it('rejects bad options and malformed maps with specific errors', async () => {
    const m = wave(8, 8, 1, 0, 1);
    await expect(branchSpectrum(m, { scale: 0 })).rejects.toThrow(/scale must be in \(0, 1\]/);
    await expect(branchSpectrum(m, { scale: 2 })).rejects.toThrow(/scale must be in \(0, 1\]/);
    await expect(branchSpectrum(m, { scale: 1, cutoff: -1 })).rejects.toThrow(/cutoff must be a positive/);
    await expect(branchSpectrum(m, { scale: 1, bins: 2.5 })).rejects.toThrow(/bins must be a positive integer/);
    await expect(branchSpectrum(fmap(8, 8, 2, new Float32Array(10)), { scale: 1 })).rejects.toThrow(
      /Float32Array of 8×8×2 = 128 values, got 10/,
    );
    await expect(branchSpectrum(fmap(0, 8, 1, new Float32Array(0)), { scale: 1 })).rejects.toThrow(
      /height must be a positive integer/,
    );
    const t2 = tf.zeros([8, 8]);
    await expect(branchSpectrum(t2 as unknown as tf.Tensor3D, { scale: 1 })).rejects.toThrow(/rank-3/);
    t2.dispose();
  });
});

describe('octaveSpectra', () => {
  it('puts both branches on one frequency axis of the reference grid', async () => {
    // High 32×32 at 3 cycles and low 16×16 at 3 cycles of ITS grid = 3/32 of the reference grid
    // per low pixel pair... i.e. 3 cycles over 16 low pixels = 3 cycles over 32 reference pixels.
    const { high, low } = await octaveSpectra(wave(32, 32, 4, 0, 5), wave(16, 16, 2, 0, 3));
    expect(low!.radial.frequency).toEqual(high!.radial.frequency);
    expect(onlyBin(high!.radial.energy)).toBe(5);
    expect(onlyBin(low!.radial.energy)).toBe(3);
    expect(low!.scale).toBe(0.5);
    expect([low!.height, low!.width]).toEqual([16, 16]);
    // A low map's own Nyquist (8 cycles over 16 pixels) sits at 0.25 cycles/pixel of the reference.
    const nyq = await octaveSpectra(null, wave(16, 16, 1, 0, 8));
    expect(nyq.high).toBeNull();
    expect(nyq.low!.radial.frequency[onlyBin(nyq.low!.radial.energy)]).toBeCloseTo(0.25, 12);
    // Low-branch energy never reaches beyond √2/4 of the reference grid.
    const rnd = await octaveSpectra(null, fmap(16, 16, 2, randomValues(512, 9)));
    const beyond = rnd.low!.radial.energy.filter((_e, k) => k / 32 > Math.SQRT2 / 4 + 1e-9);
    expect(beyond.every((e) => e === 0)).toBe(true);
  });

  it('referenceSize puts a deeper layer (high 16×16, low 8×8) on the 32-pixel input grid', async () => {
    // 3 cycles over 16 high pixels = 3 cycles over 32 input pixels → bin 3 (3/32 cycles/pixel);
    // 1 cycle over 8 low pixels = 1 cycle over 32 input pixels → bin 1.
    const { high, low } = await octaveSpectra(wave(16, 16, 2, 0, 3), wave(8, 8, 2, 1, 0), { referenceSize: 32 });
    expect(high!.scale).toBe(0.5);
    expect(low!.scale).toBe(0.25);
    expect(high!.radial.frequency).toEqual(low!.radial.frequency);
    expect(high!.radial.frequency[1]).toBeCloseTo(1 / 32, 12);
    expect(onlyBin(high!.radial.energy)).toBe(3);
    expect(onlyBin(low!.radial.energy)).toBe(1);
    await expect(octaveSpectra(wave(16, 16, 1, 0, 1), null, { referenceSize: 8 })).rejects.toThrow(
      /referenceSize must be an integer ≥ the high branch's side 16, got 8/,
    );
  });

  it('rejects mismatched branch sizes and two missing branches', async () => {
    await expect(octaveSpectra(null, null)).rejects.toThrow(/both branches are null/);
    await expect(octaveSpectra(wave(32, 32, 1, 0, 1), wave(8, 8, 1, 0, 1))).rejects.toThrow(
      /half the high branch's size, got high 32×32 and low 8×8/,
    );
  });

  it('a map and its 2×-nearest-upsampled copy agree below 0.25 cycles/pixel up to nearest-neighbour imaging', async () => {
    /*
     * Hand derivation. U[y, x] = L[⌊y/2⌋, ⌊x/2⌋] (U: 2N×2N, L: N×N). Writing y = 2m + a, a ∈ {0,1},
     *   F_U(u, v) = Σ_m Σ_a L[m, ·] e^{−2πi u(2m+a)/2N} … = F_L(u mod N, v mod N)·(1 + e^{−iπu/N})(1 + e^{−iπv/N}),
     * and |1 + e^{−iθ}|² = 4cos²(θ/2). With fu = signed u/2N (cycles per reference pixel):
     *   |F_U(u, v)|² = 16·cos²(π fu)·cos²(π fv) · |F_L(u mod N, v mod N)|².           (★)
     * For |fu|, |fv| < ¼ (in particular radius < ¼), index (u mod N, v mod N) of L has the SAME
     * reference frequency (fu, fv) (the low map's scale is ½), so below 0.25 cycles/pixel the two
     * spectra agree frequency by frequency up to the smooth weight 16cos²cos² ∈ (4, 16] (DC: 16);
     * everything above is the nearest-neighbour image of L's baseband at (fu ± ½, fv ± ½).
     * Mean removal commutes with upsampling (same mean), so (★) holds for mean-removed maps too.
     */
    const n = 16;
    const lowData = randomValues(n * n * 2, 21);
    const up = makeMap(2 * n, 2 * n, 2, (y, x, c) => lowData[((y >> 1) * n + (x >> 1)) * 2 + c]);

    // (★) frequency by frequency, via fft2d (checked against a naive DFT in fft2d.test.ts).
    const lt = tf.tensor3d(lowData, [n, n, 2]);
    const ut = tf.tensor3d(up, [2 * n, 2 * n, 2]);
    const fl = fft2d(lt);
    const fu = fft2d(ut);
    const [lr, li, ur, ui] = await Promise.all([fl.real.data(), fl.imag.data(), fu.real.data(), fu.imag.data()]);
    tf.dispose([lt, ut, fl.real, fl.imag, fu.real, fu.imag]);
    const sf = (k: number, size: number) => (k <= size / 2 ? k : k - size) / size;
    let predictedBelow = 0;
    let worst = 0;
    for (let u = 0; u < 2 * n; u++) {
      for (let v = 0; v < 2 * n; v++) {
        const wgt = 16 * Math.cos(Math.PI * sf(u, 2 * n)) ** 2 * Math.cos(Math.PI * sf(v, 2 * n)) ** 2;
        for (let c = 0; c < 2; c++) {
          const iu = (u * 2 * n + v) * 2 + c;
          const il = ((u % n) * n + (v % n)) * 2 + c;
          const eu = ur[iu] ** 2 + ui[iu] ** 2;
          const el = lr[il] ** 2 + li[il] ** 2;
          worst = Math.max(worst, Math.abs(eu - wgt * el) / (1 + wgt * el));
          if (Math.hypot(sf(u, 2 * n), sf(v, 2 * n)) < 0.25 && !(u === 0 && v === 0)) predictedBelow += wgt * el;
        }
      }
    }
    expect(worst).toBeLessThan(1e-3);

    // The same through branchSpectrum on the shared axis: U (scale 1) vs L (scale ½), cut-off 0.25.
    const sU = await branchSpectrum(fmap(2 * n, 2 * n, 2, up), { scale: 1, cutoff: 0.25 });
    const sL = await branchSpectrum(fmap(n, n, 2, lowData), { scale: 0.5, cutoff: 0.25 });
    expect((sU.lowEnergyFraction * sU.totalEnergy!) / predictedBelow).toBeCloseTo(1, 4);
    // Parseval: total(U) = 4N²·ΣU² = 4N²·4·ΣL² = 16·total(L) (mean-removed on both sides).
    expect(sU.totalEnergy! / sL.totalEnergy!).toBeCloseTo(16, 3);
    // Bin by bin below ¼: U's bin-k energy = Σ of L's energies at those frequencies × weight in (4,16].
    for (let k = 1; k < 8; k++) {
      const eU = sU.radial.energy[k] * sU.totalEnergy!;
      const eL = sL.radial.energy[k] * sL.totalEnergy!;
      expect(eU).toBeGreaterThan(4 * eL * (1 - 1e-4));
      expect(eU).toBeLessThanOrEqual(16 * eL * (1 + 1e-4));
    }
  });

  it('single-frequency low map: upsampled copy keeps cos²(π/16) of its energy below 0.25', async () => {
    // L = cos(2π·2x/16): reference frequency 2/32. By (★) U has energy ∝ cos²(π·2/32) at ±2/32 and
    // ∝ cos²(π·14/32) = sin²(π/16) at its image ∓14/32, so U's fraction below 0.25 is cos²(π/16).
    const l = wave(16, 16, 1, 0, 2);
    const u = fmap(
      32,
      32,
      1,
      makeMap(32, 32, 1, (y, x) => l.data[(y >> 1) * 16 + (x >> 1)]),
    );
    const { low } = await octaveSpectra(null, l, { cutoff: 0.25 });
    const { high } = await octaveSpectra(u, null, { cutoff: 0.25 });
    expect(low!.lowEnergyFraction).toBeCloseTo(1, 6);
    expect(high!.lowEnergyFraction).toBeCloseTo(Math.cos(Math.PI / 16) ** 2, 5);
    expect(high!.radial.energy[2]).toBeCloseTo(Math.cos(Math.PI / 16) ** 2, 5);
    expect(high!.radial.energy[14]).toBeCloseTo(Math.sin(Math.PI / 16) ** 2, 5);
    expect(onlyBin(low!.radial.energy)).toBe(2);
  });

  it('leaks no tensors across 50 calls (tensor and FeatureMap inputs)', async () => {
    // Small maps keep 50 calls fast on the cpu backend; leaks do not depend on the size.
    const ht = tf.tensor3d(randomValues(16 * 16 * 4, 1), [16, 16, 4]);
    const lf = fmap(8, 8, 4, randomValues(8 * 8 * 4, 2));
    await octaveSpectra(ht, lf); // warm-up (backend caches)
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await octaveSpectra(i % 2 ? ht : null, lf, { removeMean: i % 3 !== 0 });
    expect(tf.memory().numTensors).toBe(before);
    expect(ht.isDisposed).toBe(false);
    ht.dispose();
  });
});
