import { describe, expect, it } from 'vitest';
import { alphaColor, relativeLuminance, viridisRgb } from '../../src/ui/lib/alphaColor';
import { ALPHA_TICKS } from '../../src/ui/state/labSchema';

describe('alphaColor', () => {
  it('hits the viridis anchors exactly and interpolates linearly between them', () => {
    expect(viridisRgb(0)).toEqual([68, 1, 84]);
    expect(viridisRgb(1)).toEqual([253, 231, 37]);
    expect(viridisRgb(0.5)).toEqual([33, 144, 141]);
    // halfway between the 0.5 and 0.625 anchors: mean of (33,144,141) and (39,173,129)
    expect(viridisRgb(0.5625)).toEqual([36, 159, 135]);
  });

  it('maps α = 0 and α = 1 to the ends of the used range (t = 0.25 and 0.95)', () => {
    // t = 0.25 is anchor 2 (59,81,139); t = 0.95 → x = 7.6 between anchors 7 (170,220,50) and 8 (253,231,37), f = 0.6
    expect(alphaColor(0)).toBe('#3b518b');
    expect(alphaColor(1)).toBe('#' + [170 + 0.6 * 83, 220 + 0.6 * 11, 50 - 0.6 * 13].map((v) => Math.round(v).toString(16).padStart(2, '0')).join(''));
    expect(alphaColor(1)).toBe(alphaColor(5)); // clamped, never throws
    expect(alphaColor(Number.NaN)).toBe(alphaColor(0));
  });

  it('gives every paper tick a distinct colour with strictly rising luminance (readable without hue)', () => {
    const lum = ALPHA_TICKS.map((a) => relativeLuminance(alphaColor(a)));
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeGreaterThan(lum[i - 1]);
    expect(new Set(ALPHA_TICKS.map(alphaColor)).size).toBe(ALPHA_TICKS.length);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => viridisRgb(2)).toThrow(/t must be in \[0, 1\], got 2/);
    expect(() => relativeLuminance('red')).toThrow(/expected #rrggbb/);
  });
});
