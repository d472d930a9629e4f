/**
 * Band-limited accuracy and branch ablation of disjoint parts of the test images, merged into the
 * result on all of them (no tfjs): every top-1 is a count of correct images over the part's size,
 * so the whole's top-1 is Σ correct / Σ images, exactly what one job on all images gives. A
 * sensitivity map computed in parts of its cells (./sensitivity.ts `cellPart`) is put together.
 */
import type { AblationResult, BandAccuracy, BandPoint, LayerAblation, SensitivityMap } from './types';

/**
 * Sizes of `parts` near-equal, non-empty parts of `images` images (fewer parts when there are fewer
 * images), in order; they sum to `images`.
 * @throws Error when images or parts is not a positive integer.
 */
export function imageParts(images: number, parts: number): number[] {
  if (!Number.isInteger(images) || images < 1 || !Number.isInteger(parts) || parts < 1)
    throw new Error(`imageParts: images and parts must be positive integers, got ${images} and ${parts}`);
  const n = Math.min(parts, images);
  return Array.from({ length: n }, (_, k) => Math.floor(((k + 1) * images) / n) - Math.floor((k * images) / n));
}

/** Correct images behind a top-1 on `images` images (top-1 is a count ratio, so this is exact). */
const correct = (top1: number, images: number): number => Math.round(top1 * images);

/** The top-1 on all parts: Σ correct / Σ images. */
function mergeTop1(values: readonly number[], sizes: readonly number[]): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  return values.reduce((sum, v, k) => sum + correct(v, sizes[k]), 0) / total;
}

/** As {@link mergeTop1}, null where every part has null (a branch the layer does not have). */
function mergeNullable(values: readonly (number | null)[], sizes: readonly number[]): number | null {
  if (values.every((v) => v === null)) return null;
  if (values.some((v) => v === null)) throw new Error('mergeAblation: the parts disagree on which branches exist');
  return mergeTop1(values as number[], sizes);
}

/** Checks that every part was measured at the same radii (or layers). @throws Error otherwise */
function sameKeys(what: string, keys: readonly string[][]): void {
  const first = JSON.stringify(keys[0]);
  if (keys.some((k) => JSON.stringify(k) !== first)) throw new Error(`merge: the parts have different ${what}`);
}

/**
 * The band-limited curves on the union of the parts' images.
 * @throws Error on no parts or parts measured at different radii.
 */
export function mergeBand(parts: readonly BandAccuracy[]): BandAccuracy {
  if (parts.length === 0) throw new Error('mergeBand: no parts');
  const sizes = parts.map((p) => p.images);
  const curve = (kind: 'lowPass' | 'highPass'): BandPoint[] => {
    sameKeys(
      'radii',
      parts.map((p) => p[kind].map((q) => String(q.radius))),
    );
    return parts[0][kind].map((q, i) => ({
      radius: q.radius,
      top1: mergeTop1(
        parts.map((p) => p[kind][i].top1),
        sizes,
      ),
    }));
  };
  return {
    top1: mergeTop1(
      parts.map((p) => p.top1),
      sizes,
    ),
    lowPass: curve('lowPass'),
    highPass: curve('highPass'),
    images: sizes.reduce((a, b) => a + b, 0),
  };
}

/**
 * The branch ablation on the union of the parts' images; `sizes[k]` is part k's image count.
 * @throws Error on no parts, a size per part missing, or parts of different networks.
 */
export function mergeAblation(parts: readonly AblationResult[], sizes: readonly number[]): AblationResult {
  if (parts.length === 0 || sizes.length !== parts.length) throw new Error('mergeAblation: one image count per part is needed');
  sameKeys(
    'layers',
    parts.map((p) => p.perLayer.map((l) => l.layer)),
  );
  const perLayer = parts[0].perLayer.map((l, i): LayerAblation => ({
    ...l,
    dropLow: mergeNullable(
      parts.map((p) => p.perLayer[i].dropLow),
      sizes,
    ),
    dropHigh: mergeNullable(
      parts.map((p) => p.perLayer[i].dropHigh),
      sizes,
    ),
  }));
  return {
    top1: mergeTop1(
      parts.map((p) => p.top1),
      sizes,
    ),
    dropLow: mergeNullable(
      parts.map((p) => p.dropLow),
      sizes,
    ),
    dropHigh: mergeNullable(
      parts.map((p) => p.dropHigh),
      sizes,
    ),
    perLayer,
  };
}

/**
 * The sensitivity map from parts that each computed some cells (NaN elsewhere), on the same images.
 * @throws Error on no parts, different grids or images, or a cell computed by no part or by several.
 */
export function mergeSensitivity(parts: readonly SensitivityMap[]): SensitivityMap {
  if (parts.length === 0) throw new Error('mergeSensitivity: no parts');
  const [first] = parts;
  if (parts.some((p) => p.gridSize !== first.gridSize || p.images !== first.images || p.epsilon !== first.epsilon))
    throw new Error('mergeSensitivity: the parts have different grids, images or ε');
  const errorRate = first.errorRate.map((_, i) => {
    const values = parts.map((p) => p.errorRate[i]).filter((v) => !Number.isNaN(v));
    if (values.length !== 1) throw new Error(`mergeSensitivity: cell ${i} was computed by ${values.length} parts (expected 1)`);
    return values[0];
  });
  return { ...first, errorRate };
}
