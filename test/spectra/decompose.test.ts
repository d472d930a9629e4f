import { describe, expect, it } from 'vitest';
import { decomposeImage } from '../../src/spectra/decompose';

describe('decomposeImage (paper Fig. 1: low = 2×2 average + nearest ×2, high = residual)', () => {
  it('matches a hand computation on a 2×4×1 image', () => {
    // Blocks: [[10, 20], [30, 40]] → mean 25; [[0, 255], [255, 0]] → mean 127.5.
    const image = new Uint8Array([10, 20, 0, 255, 30, 40, 255, 0]);
    const { low, high } = decomposeImage(image, 2, 4, 1);
    expect(Array.from(low)).toEqual([25, 25, 127.5, 127.5, 25, 25, 127.5, 127.5]);
    expect(Array.from(high)).toEqual([-15, -5, -127.5, 127.5, 5, 15, 127.5, -127.5]);
  });

  it('keeps channels apart and reconstructs a 32×32×3 image exactly (low + high = image)', () => {
    const image = new Uint8Array(32 * 32 * 3).map((_v, i) => (i * 37 + (i >> 5) * 11) % 256);
    const { low, high } = decomposeImage(image);
    for (let i = 0; i < image.length; i++) expect(low[i] + high[i]).toBe(image[i]);
    // Pixel (5, 7), channel 2 belongs to the block rows 4–5, cols 6–7.
    const at = (y: number, x: number, c: number) => (y * 32 + x) * 3 + c;
    const mean = (image[at(4, 6, 2)] + image[at(4, 7, 2)] + image[at(5, 6, 2)] + image[at(5, 7, 2)]) / 4;
    expect(low[at(5, 7, 2)]).toBe(mean);
    expect(low[at(4, 6, 2)]).toBe(mean);
  });

  it('rejects a wrong size or odd sides', () => {
    expect(() => decomposeImage(new Uint8Array(10))).toThrow(/Uint8Array of 32×32×3 = 3072 values, got 10/);
    expect(() => decomposeImage(new Uint8Array(9), 3, 3, 1)).toThrow(/positive and even, got 3×3×1/);
  });
});
