import { describe, expect, it } from 'vitest';
import { DEFAULT_RADII } from '../../src/frequency/face';
import { exactNumber, formatRadius, radiusLabel, roundExact } from '../../src/ui/lib/radiusText';

describe('formatRadius', () => {
  it('writes every default radius as its reduced fraction of 32 (no rounding: 1/8, not 0.13)', () => {
    expect(DEFAULT_RADII.map(formatRadius)).toEqual([
      '0',
      '1/32',
      '1/16',
      '3/32',
      '1/8',
      '5/32',
      '3/16',
      '1/4',
      '5/16',
      '3/8',
      '1/2',
      '23/32',
    ]);
    // Each text parses back to the radius it stands for.
    for (const r of DEFAULT_RADII) {
      const [n, d = '1'] = formatRadius(r).split('/');
      expect(Number(n) / Number(d)).toBe(r);
    }
  });
  it('writes √2/2, whole numbers and other radii exactly or to 3 decimals', () => {
    expect(formatRadius(Math.sqrt(2) / 2)).toBe('√2/2');
    expect(formatRadius(1)).toBe('1');
    expect(formatRadius(0.3)).toBe('0.300');
    expect(formatRadius(0.1 + 0.2)).toBe('0.300');
    expect(() => formatRadius(Number.NaN)).toThrow(/radius must be finite, got NaN/);
  });
  it('gives the decimal beside a fraction in the long form', () => {
    expect(radiusLabel(4 / 32)).toBe('1/8 = 0.125');
    expect(radiusLabel(23 / 32)).toBe('23/32 = 0.71875');
    expect(radiusLabel(0)).toBe('0');
    expect(radiusLabel(Math.SQRT1_2)).toBe('√2/2 ≈ 0.7071');
  });
});

describe('exactNumber', () => {
  it('drops floating-point noise but keeps every real digit', () => {
    expect(100 * 0.57).not.toBe(57);
    expect(exactNumber(100 * 0.57)).toBe('57');
    expect(roundExact(100 * 0.57)).toBe(57);
    expect(exactNumber(5 / 32)).toBe('0.15625');
    expect(exactNumber(100 / 3)).toBe('33.3333333333');
    expect(exactNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});
