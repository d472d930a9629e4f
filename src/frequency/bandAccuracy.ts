/**
 * Band-limited test accuracy (Wang et al., CVPR 2020, §3; Jo & Bengio 2017): top-1 on test images
 * whose 2-D DFT was cut by an ideal radial low- or high-pass at each radius (tfjs, DOM-free).
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR10_SIZE, type ChannelStats, type Cifar10Split } from '../data/types';
import { checkBand, DEFAULT_RADII } from './bands';
import { top1PerVariant, type EvalLoopOptions, type Variant } from './evaluate';
import { foldBatchNorm, foldedVariant } from './foldBatchNorm';
import { batchSpectra, maskedInverse, spectralBasis, spectralMask, type BatchSpectra } from './spectralFilter';
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
 * ones and the unfiltered pass is reused, so that top-1 equals the unfiltered top-1 exactly.
 * Inference runs with BatchNorm folded into the convolutions (./foldBatchNorm).
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
  const masks = kinds.flatMap((kind) => radii.map((r) => spectralMask(CIFAR10_SIZE, r, kind)));
  const basis = spectralBasis(CIFAR10_SIZE);
  const folded = foldBatchNorm(model);
  // The current batch's spectra, taken once and shared by every filter of that batch.
  const cache: { batch: number; spectra: BatchSpectra | null } = { batch: -1, spectra: null };
  const spectraOf = (pixels: tf.Tensor4D, batch: number): BatchSpectra => {
    if (cache.spectra === null || cache.batch !== batch) {
      cache.spectra?.spectra.dispose();
      cache.spectra = batchSpectra(pixels, basis);
      cache.batch = batch;
      tf.keep(cache.spectra.spectra);
    }
    return cache.spectra;
  };
  try {
    const plain = foldedVariant(model, folded);
    // An identity filter (null mask) reuses the unfiltered pass (variant 0): same images, same top-1.
    const variantOf: number[] = [];
    const variants: Variant[] = [plain];
    for (const mask of masks) {
      variantOf.push(mask === null ? 0 : variants.length);
      if (mask !== null)
        variants.push((pixels, normalise, batch) =>
          plain(maskedInverse(spectraOf(pixels, batch), mask, basis), normalise, batch),
        );
    }
    const top1 = await top1PerVariant(test, stats, variants, options);
    const curve = (k: number) => radii.map((radius, i) => ({ radius, top1: top1[variantOf[k * radii.length + i]] }));
    return { top1: top1[0], lowPass: curve(0), highPass: curve(1), images: options.images };
  } finally {
    folded.dispose();
    cache.spectra?.spectra.dispose();
    tf.dispose([
      ...masks.filter((m): m is tf.Tensor2D => m !== null),
      ...Object.values(basis).filter((v) => v instanceof tf.Tensor),
    ]);
  }
}
