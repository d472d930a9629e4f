/**
 * Perceptual colour maps for feature maps and spectra (docs/architecture.md §7): viridis for magnitudes,
 * a blue–white–red diverging map for signed values. Compact anchor tables, linearly
 * interpolated in sRGB into a 256-entry lookup table.
 */

/** Colour-map names. */
export type ColormapName = 'viridis' | 'diverging';

/** viridis (van der Walt & Smith, matplotlib 2.0) sampled at 9 equidistant points, t = 0…1. */
const VIRIDIS_ANCHORS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21908c', '#27ad81', '#5dc863', '#aadc32', '#fde725'];

/** ColorBrewer RdBu (11 classes), reversed: negative → blue, 0 → near-white, positive → red. */
const DIVERGING_ANCHORS = [
  '#053061',
  '#2166ac',
  '#4393c3',
  '#92c5de',
  '#d1e5f0',
  '#f7f7f7',
  '#fddbc7',
  '#f4a582',
  '#d6604d',
  '#b2182b',
  '#67001f',
];

/** Number of entries of a lookup table. */
export const LUT_SIZE = 256;

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function buildLut(anchors: string[]): Uint8ClampedArray {
  const rgb = anchors.map(hexToRgb);
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const pos = (i / (LUT_SIZE - 1)) * (rgb.length - 1);
    const k = Math.min(rgb.length - 2, Math.floor(pos));
    const f = pos - k;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(rgb[k][c] * (1 - f) + rgb[k + 1][c] * f);
  }
  return lut;
}

const LUTS: Record<ColormapName, Uint8ClampedArray> = {
  viridis: buildLut(VIRIDIS_ANCHORS),
  diverging: buildLut(DIVERGING_ANCHORS),
};

/**
 * The 256×RGB lookup table of a colour map (entry i ↔ t = i/255). Shared; do not modify.
 * @throws Error for an unknown name.
 */
export function colormapLut(name: ColormapName): Uint8ClampedArray {
  const lut = LUTS[name];
  if (!lut) throw new Error(`colormap: unknown colour map '${String(name)}' (expected 'viridis' or 'diverging')`);
  return lut;
}

/** RGB (0–255) of colour map `name` at t ∈ [0, 1] (clamped; NaN → 0). */
export function colorAt(name: ColormapName, t: number): [number, number, number] {
  const lut = colormapLut(name);
  const i = Number.isNaN(t) ? 0 : Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1));
  return [lut[i * 3], lut[i * 3 + 1], lut[i * 3 + 2]];
}

/** CSS linear-gradient of a colour map, left = t 0, for legends. */
export function colormapGradient(name: ColormapName): string {
  const anchors = name === 'viridis' ? VIRIDIS_ANCHORS : DIVERGING_ANCHORS;
  return `linear-gradient(to right, ${anchors.join(', ')})`;
}
