/**
 * The band-limited accuracy curves of several models on one radius grid (chart rows and value
 * table). DOM-free.
 */
import type { BandAccuracy, BandPoint } from '../../frequency/types';

/** Top-1 of every model at one radius, in [0, 1]; null where a model has no point there. */
export interface BandRow {
  /** Cycles/pixel. */
  radius: number;
  /** Low-pass top-1 per model, in the order of the models given. */
  low: (number | null)[];
  /** High-pass top-1 per model. */
  high: (number | null)[];
}

/** Radii closer than this are the same radius (the grids are k/32 computed in floating point). */
const SAME_RADIUS = 1e-9;

const at = (points: BandPoint[], radius: number): number | null =>
  points.find((p) => Math.abs(p.radius - radius) < SAME_RADIUS)?.top1 ?? null;

/**
 * One row per radius of the union of the models' radius grids, ascending; each model's low- and
 * high-pass top-1 there (Wang et al., CVPR 2020: low-pass keeps |f| < r, high-pass |f| ≥ r).
 */
export function bandRows(bands: BandAccuracy[]): BandRow[] {
  const radii: number[] = [];
  for (const b of bands)
    for (const p of b.lowPass) if (!radii.some((r) => Math.abs(r - p.radius) < SAME_RADIUS)) radii.push(p.radius);
  radii.sort((x, y) => x - y);
  return radii.map((radius) => ({
    radius,
    low: bands.map((b) => at(b.lowPass, radius)),
    high: bands.map((b) => at(b.highPass, radius)),
  }));
}
