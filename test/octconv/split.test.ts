import { describe, expect, it } from 'vitest';
import { splitChannels } from '../../src/octconv';

describe('splitChannels', () => {
  it('rounds down α·c but never loses an exact integer to floating-point error', () => {
    // 0.7·10 = 7.000000000000001 and 0.3·10 = 3.0000000000000004 in binary; 0.1·3 = 0.30000000000000004,
    // (0.1·3)·10 = 3.0000000000000004; 0.57·100 = 56.99999999999999 (must be 57); 0.29·100 = 28.999999999999996.
    expect(0.57 * 100).toBeLessThan(57);
    expect(0.29 * 100).toBeLessThan(29);
    const cases: Array<[number, number, number]> = [
      [10, 0.3, 3],
      [10, 0.7, 7],
      [10, 0.1 * 3, 3],
      [100, 0.57, 57],
      [100, 0.29, 29],
      [64, 0.125, 8],
      [16, 0.33, 5],
      [3, 0.5, 1],
      [1, 0.5, 0],
      [0, 0.5, 0],
      [16, 0, 0],
      [16, 1, 16],
    ];
    for (const [c, alpha, low] of cases) expect(splitChannels(c, alpha), `c=${c}, α=${alpha}`).toEqual({ high: c - low, low });
  });

  it('high + low = c and low = ⌊α·c⌋ (exact rational check) for many α and c', () => {
    for (let c = 0; c <= 70; c++) {
      for (let k = 0; k <= 40; k++) {
        const alpha = k / 40;
        const { high, low } = splitChannels(c, alpha);
        expect(high + low).toBe(c);
        expect(low).toBe(Math.floor((k * c) / 40)); // integer arithmetic, no FP error
      }
    }
  });

  it.each([
    [16, -0.1, /alpha must be a number in \[0, 1\], got -0.1/],
    [16, 1.5, /alpha must be a number in \[0, 1\], got 1.5/],
    [16, Number.NaN, /alpha must be a number in \[0, 1\], got NaN/],
    [-1, 0.5, /channels must be a non-negative integer, got -1/],
    [2.5, 0.5, /channels must be a non-negative integer, got 2.5/],
  ])('rejects c=%s, α=%s', (c, alpha, message) => {
    expect(() => splitChannels(c, alpha)).toThrow(message);
  });
});
