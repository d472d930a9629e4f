/**
 * Summary of a Fourier sensitivity map (Yin et al., NeurIPS 2019) by radial frequency band:
 * mean and largest error rate of the cells whose |f| = √(u² + v²) lies in each band, and the
 * worst cell. DOM-free.
 */
import type { SensitivityMap } from './types';

/** Band edges in cycles/pixel: |f| < 1/8, 1/8–1/4, 1/4–1/2, ≥ 1/2 (1/8 is the default spectral cut-off). */
export const SENSITIVITY_BAND_EDGES: readonly number[] = [0.125, 0.25, 0.5];

/** One radial band of the map. */
export interface SensitivityBand {
  /** Lower edge (inclusive), cycles/pixel. */
  from: number;
  /** Upper edge (exclusive), cycles/pixel; null for the last, open band. */
  to: number | null;
  /** Grid cells in the band (0 when the grid has none there). */
  cells: number;
  /** Mean error rate in [0, 1] over the band's cells; null when it has none. */
  meanError: number | null;
  /** Largest error rate in the band; null when it has none. */
  maxError: number | null;
}

/** The cell with the largest error rate (the first such cell in row-major order). */
export interface SensitivityWorstCell {
  /** Row frequency u and column frequency v, cycles/pixel. */
  u: number;
  v: number;
  /** √(u² + v²), cycles/pixel. */
  radius: number;
  errorRate: number;
}

/**
 * Bands of `map` split at `edges` (ascending, cycles/pixel) and its worst cell. Cell (i, j) has
 * frequency (u, v) = (frequencies[i], frequencies[j]); its band is the one with from ≤ |f| < to.
 * @throws Error when the map's error rates do not fill its grid, or the edges are not positive
 *   and strictly ascending.
 */
export function sensitivityBands(
  map: SensitivityMap,
  edges: readonly number[] = SENSITIVITY_BAND_EDGES,
): { bands: SensitivityBand[]; worst: SensitivityWorstCell } {
  const g = map.gridSize;
  if (map.frequencies.length !== g || map.errorRate.length !== g * g || g < 1) {
    throw new Error(
      `sensitivityBands: a ${g}×${g} map needs ${g} frequencies and ${g * g} error rates, got ${map.frequencies.length} and ${map.errorRate.length}`,
    );
  }
  edges.forEach((e, i) => {
    if (!(e > 0) || (i > 0 && !(e > edges[i - 1])))
      throw new Error(`sensitivityBands: edges must be positive and strictly ascending, got ${edges.join(', ')}`);
  });
  const bounds = [0, ...edges];
  const sums = bounds.map(() => ({ cells: 0, sum: 0, max: -Infinity }));
  let worst: SensitivityWorstCell | null = null;
  map.errorRate.forEach((e, cell) => {
    const u = map.frequencies[Math.floor(cell / g)];
    const v = map.frequencies[cell % g];
    const radius = Math.hypot(u, v);
    let b = bounds.length - 1;
    while (b > 0 && radius < bounds[b]) b--;
    const s = sums[b];
    s.cells++;
    s.sum += e;
    s.max = Math.max(s.max, e);
    if (!worst || e > worst.errorRate) worst = { u, v, radius, errorRate: e };
  });
  const bands = bounds.map((from, b) => {
    const s = sums[b];
    return {
      from,
      to: b + 1 < bounds.length ? bounds[b + 1] : null,
      cells: s.cells,
      meanError: s.cells ? s.sum / s.cells : null,
      maxError: s.cells ? s.max : null,
    };
  });
  return { bands, worst: worst! };
}
