/**
 * Colour of a run as a function of its α, the same in every view (charts, table, scatter,
 * legend; docs/architecture.md §7). Each of the paper's α ticks 0, 0.125, …, 1 (Chen et al. 2019, Table 1/Fig. 4)
 * gets its own clearly distinct hue from a colour-blind-safe set (Okabe–Ito / Paul Tol hues:
 * blue, orange, green, magenta, gold, cyan, purple, grey, red), with one lightness per theme so
 * that every colour has ≥ 3:1 contrast on the panel background (WCAG 1.4.11). Other α take the
 * colour of the nearest tick. Pure function of (α, theme).
 */

/** Page theme the colour is drawn on. */
export type ColorTheme = 'light' | 'dark';

/** Colours of α = 0, 0.125, …, 1 on the light (#ffffff) and dark (#1c1d21) panel. */
export const ALPHA_PALETTE: Readonly<Record<ColorTheme, readonly string[]>> = {
  light: ['#0072b2', '#d55e00', '#228833', '#aa3377', '#8f7a00', '#0895b5', '#6a3d9a', '#555555', '#cc1f3f'],
  dark: ['#5aaef0', '#ff9040', '#55cc66', '#f070b8', '#e8d040', '#60ddf0', '#b89af5', '#d0d0d0', '#ff6070'],
};

/** Index 0…8 of the paper tick nearest to α (clamped to [0, 1]; NaN → 0). */
export function alphaTickIndex(alpha: number): number {
  const a = Number.isFinite(alpha) ? Math.min(1, Math.max(0, alpha)) : 0;
  return Math.round(a * (ALPHA_PALETTE.light.length - 1));
}

/**
 * The colour of a run with ratio α of low-frequency channels (paper §3.1), as `#rrggbb`, for a
 * theme. Values outside [0, 1] are clamped (a bad URL must never break the page).
 */
export function alphaColor(alpha: number, theme: ColorTheme = 'light'): string {
  return ALPHA_PALETTE[theme][alphaTickIndex(alpha)];
}

/**
 * The same colour as a CSS variable reference (`var(--alpha-3)`), so that views follow the theme
 * without re-rendering; the variables come from {@link alphaPaletteCss}.
 */
export function alphaVar(alpha: number): string {
  return `var(--alpha-${alphaTickIndex(alpha)})`;
}

/** CSS defining `--alpha-0` … `--alpha-8` for the light root and `[data-theme='dark']`. */
export function alphaPaletteCss(): string {
  const vars = (t: ColorTheme) => ALPHA_PALETTE[t].map((c, i) => `--alpha-${i}: ${c};`).join(' ');
  return `:root { ${vars('light')} } [data-theme='dark'] { ${vars('dark')} }`;
}

/** Relative luminance (WCAG 2.x) of a `#rrggbb` colour, in [0, 1]. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`relativeLuminance: expected #rrggbb, got ${JSON.stringify(hex)}`);
  const n = parseInt(m[1], 16);
  const lin = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
