/**
 * Band-limited test accuracy (Wang et al., CVPR 2020, §3; Jo & Bengio 2017): top-1 on test images
 * whose 2-D DFT was cut by an ideal radial low- or high-pass at each radius (tfjs, DOM-free).
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR10_SIZE, type ChannelStats, type Cifar10Split } from '../data/types';
import { checkBand, DEFAULT_RADII } from './bands';
import { applyBandFilter, bandFilterMatrix } from './bandFilter';
import { plainVariant, top1PerVariant, type EvalLoopOptions, type Variant } from './evaluate';
import type { BandAccuracy, BandKind } from './types';

/** Options of {@link bandLimitedAccuracy}. */
export interface BandAccuracyOptions extends EvalLoopOptions {
  /** Radii in cycles/pixel, ascending (default DEFAULT_RADII: 12 values from 0 to 23/32). */
  radii?: readonly number[];
}

/**
 * Top-1 of `model` on the first `images` test images, unfiltered and after a low-pass (keeps
 * radial frequency < r) and a high-pass (keeps ≥ r, plus each channel's mean) at every radius.
 * Filtered images are not clipped or rounded; they are normalised as in training. Where a filter
 * drops nothing (low-pass above √2/2, high-pass at r ≤ 1/32) the images are the unfiltered
 * ones, so that top-1 equals the unfiltered top-1 exactly.
 * @throws Error on a bad radius list or image count; CancelledError when the signal aborts.
 */
export async function bandLimitedAccuracy(
  model: tf.LayersModel,
  test: Cifar10Split,
  stats: ChannelStats,
  options: BandAccuracyOptions,
): Promise<BandAccuracy> {
  const radii = [...(options.radii ?? DEFAULT_RADII)];
  if (radii.length === 0) throw new Error('bandLimitedAccuracy: radii must not be empty');
  radii.forEach((r, i) => {
    checkBand(r, 'lowPass');
    if (i > 0 && !(r > radii[i - 1]))
      throw new Error(`bandLimitedAccuracy: radii must be strictly ascending, got ${radii.join(', ')}`);
  });
  const kinds: BandKind[] = ['lowPass', 'highPass'];
  const matrices = kinds.flatMap((kind) => radii.map((r) => bandFilterMatrix(CIFAR10_SIZE, r, kind)));
  try {
    const plain = plainVariant(model);
    const variants: Variant[] = [
      plain,
      ...matrices.map(
        (m): Variant =>
          (pixels, normalise, batch) =>
            plain(applyBandFilter(pixels, m), normalise, batch),
      ),
    ];
    const top1 = await top1PerVariant(test, stats, variants, options);
    const curve = (k: number) => radii.map((radius, i) => ({ radius, top1: top1[1 + k * radii.length + i] }));
    return { top1: top1[0], lowPass: curve(0), highPass: curve(1), images: options.images };
  } finally {
    tf.dispose(matrices.filter((m): m is tf.Tensor2D => m !== null));
  }
}
