/**
 * Summaries of a split computed from its bytes: per-class counts, per-channel mean/std, subsets.
 * DOM-free, no tfjs.
 */
import { CIFAR10_CHANNELS, CIFAR10_CLASSES, CIFAR10_SIZE, type ChannelStats, type Cifar10Split } from './types';

const PIXELS = CIFAR10_SIZE * CIFAR10_SIZE;

/** Number of records of each class (index = label), length 10. */
export function perClassCounts(split: Cifar10Split): number[] {
  const counts = new Array<number>(CIFAR10_CLASSES).fill(0);
  for (let i = 0; i < split.count; i++) counts[split.labels[i]]++;
  return counts;
}

/**
 * Per-channel mean and population standard deviation on the [0, 1] scale (value / 255), over all
 * pixels of all images of the split (NHWC uint8). Exact: counts a 256-bin histogram per channel,
 * then sums in float64. Used to normalise batches (x − mean) / std with the training split's own
 * statistics (never hard-coded).
 *
 * @throws Error when the split is empty.
 */
export function computeChannelStats(split: Cifar10Split): ChannelStats {
  if (split.count === 0) throw new Error('computeChannelStats: the split is empty');
  const hist = new Float64Array(256 * CIFAR10_CHANNELS);
  const { images } = split;
  const n = split.count * PIXELS * CIFAR10_CHANNELS;
  for (let i = 0; i < n; i += 3) {
    hist[images[i]]++;
    hist[256 + images[i + 1]]++;
    hist[512 + images[i + 2]]++;
  }
  const mean: [number, number, number] = [0, 0, 0];
  const std: [number, number, number] = [0, 0, 0];
  const total = split.count * PIXELS;
  for (let c = 0; c < CIFAR10_CHANNELS; c++) {
    let s = 0;
    let s2 = 0;
    for (let v = 0; v < 256; v++) {
      const k = hist[c * 256 + v];
      s += k * v;
      s2 += k * v * v;
    }
    const m = s / total;
    mean[c] = m / 255;
    std[c] = Math.sqrt(Math.max(0, s2 / total - m * m)) / 255;
  }
  return { mean, std };
}

/**
 * The first `limit` records of a split, in their stored (official) order: a deterministic subset
 * for quick runs and tests. No copy: images/labels are views into the split's buffers. The official
 * order is already well mixed across classes (≈ limit/10 per class, not exactly). A limit ≥ count
 * returns the split itself.
 *
 * @throws Error when limit is not a positive integer.
 */
export function takeSubset(split: Cifar10Split, limit: number): Cifar10Split {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`takeSubset: limit must be a positive integer, got ${limit}`);
  }
  if (limit >= split.count) return split;
  return {
    images: split.images.subarray(0, limit * PIXELS * CIFAR10_CHANNELS),
    labels: split.labels.subarray(0, limit),
    count: limit,
  };
}
