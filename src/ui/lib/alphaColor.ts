/**
 * Colour of a run as a function of its α, the same in every view (charts, table, scatter,
 * legend; DESIGN §7). Viridis is perceptually uniform and readable with the common forms of
 * colour blindness (van der Walt & Smith, 2015). We use the part t ∈ [0.25, 0.95] of the map so
 * that both ends keep some contrast on light and dark backgrounds.
 */

/** Viridis anchor colours at t = 0, 0.125, …, 1 (from matplotlib's `_viridis_data`). */
const VIRIDIS_STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Part of the viridis map used for α = 0 … 1. */
export const ALPHA_COLOR_RANGE: readonly [number, number] = [0.25, 0.95];

/**
 * Viridis colour at t ∈ [0, 1] as [r, g, b] (0–255), linear interpolation between the anchors.
 * @throws Error when t is not a finite number in [0, 1].
 */
export function viridisRgb(t: number): [number, number, number] {
  if (!Number.isFinite(t) || t < 0 || t > 1) throw new Error(`viridisRgb: t must be in [0, 1], got ${t}`);
  const x = t * (VIRIDIS_STOPS.length - 1);
  const i = Math.min(Math.floor(x), VIRIDIS_STOPS.length - 2);
  const f = x - i;
  const a = VIRIDIS_STOPS[i];
  const b = VIRIDIS_STOPS[i + 1];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/**
 * The colour of a run with ratio α of low-frequency channels (paper §3.1), as `#rrggbb`.
 * Values outside [0, 1] are clamped (a bad URL must never break the page).
 */
export function alphaColor(alpha: number): string {
  const a = Number.isFinite(alpha) ? Math.min(1, Math.max(0, alpha)) : 0;
  const [lo, hi] = ALPHA_COLOR_RANGE;
  const [r, g, b] = viridisRgb(lo + (hi - lo) * a);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
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
