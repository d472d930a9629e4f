import { describe, expect, it } from 'vitest';
import {
  alphaColor,
  alphaPaletteCss,
  alphaTickIndex,
  alphaVar,
  contrastRatio,
  relativeLuminance,
} from '../../src/ui/lib/alphaColor';
import { ALPHA_TICKS } from '../../src/ui/state/labSchema';

/** CIE L*a*b* of an sRGB hex colour (D65), written independently of the module. */
function lab(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

describe('alphaColor', () => {
  it('gives the paper ticks nine clearly distinct colours on both themes (ΔE*ab ≥ 25 for every pair)', () => {
    for (const theme of ['light', 'dark'] as const) {
      const colours = ALPHA_TICKS.map((a) => alphaColor(a, theme));
      expect(new Set(colours).size).toBe(9);
      for (let i = 0; i < colours.length; i++)
        for (let j = i + 1; j < colours.length; j++) {
          const [p, q] = [lab(colours[i]), lab(colours[j])];
          expect(Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])).toBeGreaterThan(25);
        }
    }
  });

  it('keeps ≥ 3:1 contrast on the light (#ffffff) and dark (#1c1d21) panels', () => {
    for (const a of ALPHA_TICKS) {
      expect(contrastRatio(alphaColor(a, 'light'), '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(alphaColor(a, 'dark'), '#1c1d21')).toBeGreaterThanOrEqual(3);
    }
    // the old viridis yellow for α = 1 had ~1.4:1 on white: (1.05) / (L + 0.05) for #e3e429-like colours
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
  });

  it('uses the nearest tick for other α, clamps out-of-range values and never throws', () => {
    expect(alphaTickIndex(0.3)).toBe(2); // 0.3 * 8 = 2.4 → tick 0.25
    expect(alphaTickIndex(0.33)).toBe(3); // 2.64 → tick 0.375
    expect(alphaColor(0.3)).toBe(alphaColor(0.25));
    expect(alphaColor(5)).toBe(alphaColor(1));
    expect(alphaColor(-1)).toBe(alphaColor(0));
    expect(alphaColor(Number.NaN)).toBe(alphaColor(0));
    expect(alphaVar(0.5)).toBe('var(--alpha-4)');
    expect(alphaPaletteCss()).toContain(`--alpha-4: ${alphaColor(0.5, 'light')};`);
    expect(alphaPaletteCss()).toContain(`--alpha-8: ${alphaColor(1, 'dark')};`);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => relativeLuminance('red')).toThrow(/expected #rrggbb/);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
  });
});
