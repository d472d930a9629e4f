import { describe, expect, it } from 'vitest';
import { dftTrig } from '../../src/spectra/index';

describe('dftTrig', () => {
  it('holds cos and sin of 2π·jk/N for N = 4 (quarter turns)', () => {
    const { cos, sin } = dftTrig(4);
    const round = (a: Float32Array) => Array.from(a, (v) => Math.round(v * 1e6) / 1e6 + 0);
    expect(round(cos)).toEqual([1, 1, 1, 1, 1, 0, -1, 0, 1, -1, 1, -1, 1, 0, -1, 0]);
    expect(round(sin)).toEqual([0, 0, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, 0, -1, 0, 1]);
  });

  it('matches the unreduced angle in double precision at N = 32, and its rows are orthogonal', () => {
    const n = 32;
    const { cos, sin } = dftTrig(n);
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        expect(cos[j * n + k]).toBeCloseTo(Math.cos((2 * Math.PI * j * k) / n), 6);
        expect(sin[j * n + k]).toBeCloseTo(Math.sin((2 * Math.PI * j * k) / n), 6);
      }
    }
    // Σ_k e^{−2πi·jk/N} = N for j = 0, else 0.
    for (let j = 0; j < n; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < n; k++) {
        re += cos[j * n + k];
        im += sin[j * n + k];
      }
      expect(re).toBeCloseTo(j === 0 ? n : 0, 4);
      expect(im).toBeCloseTo(0, 4);
    }
  });

  it('refuses a size that is not a positive integer', () => {
    for (const bad of [0, -2, 1.5, Number.NaN]) expect(() => dftTrig(bad)).toThrow(/dftTrig: size must be a positive integer/);
  });
});
