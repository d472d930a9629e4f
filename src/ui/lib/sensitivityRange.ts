import type { SensitivityMap } from '../../frequency/types';

/** Closed range of error rates (fractions, 0–1). */
export interface ErrorRange {
  min: number;
  max: number;
}

/**
 * The colour range of one Fourier sensitivity map: from the lower of its clean error rate and its
 * least cell error to its greatest cell error (fractions, 0–1), so the colours span what this map
 * shows instead of a fixed 0–100 %.
 * Non-finite cells are skipped. A flat map gives min = max (drawn in one colour).
 * @throws Error if the map has no finite cell.
 */
export function sensitivityRange(map: SensitivityMap): ErrorRange {
  let min = Number.isFinite(map.cleanErrorRate) ? map.cleanErrorRate : Infinity;
  let max = -Infinity;
  for (const e of map.errorRate) {
    if (!Number.isFinite(e)) continue;
    if (e < min) min = e;
    if (e > max) max = e;
  }
  if (max === -Infinity) throw new Error('sensitivityRange: the map has no finite error rate');
  return { min, max };
}

/**
 * Indices of the rows/columns to label on a map's axes: the first, the quarters, the centre (DC,
 * index gridSize/2) and the last, without repeats; for gridSize ≤ 0 none.
 */
export function sensitivityTickIndices(gridSize: number): number[] {
  if (gridSize <= 0) return [];
  const q = [0, gridSize / 4, gridSize / 2, (3 * gridSize) / 4, gridSize - 1].map(Math.floor);
  return [...new Set(q.filter((k) => k >= 0 && k < gridSize))].sort((a, b) => a - b);
}
