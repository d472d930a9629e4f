/**
 * Spectra of both branches of one octave layer on one shared frequency axis (docs/architecture.md §1.4).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { BranchSpectrum, FeatureMap } from './types';
import { branchSpectrum, mapSize } from './branchSpectrum';
import type { DftMethod } from './fft2d';

/** Options of {@link octaveSpectra} (see branchSpectrum; the scales are derived). */
export interface OctaveSpectraOptions {
  /**
   * Side (pixels) of the reference grid whose cycles/pixel the radial axis uses. Default: the high
   * branch's side (2× the low branch's when high is null). Pass the network input's side (32) to
   * put deeper layers (stage 2: high 16×16, low 8×8) on the input grid as well.
   */
  referenceSize?: number;
  removeMean?: boolean;
  cutoff?: number;
  bins?: number;
  method?: DftMethod;
}

/**
 * Spectra of the high (full-resolution) and low (half-resolution) branch of an octave layer.
 * The reference grid is the high branch's resolution (2× the low branch's when high is null):
 * high gets scale 1, low gets scale ½, so both radial profiles use the same bins in cycles/pixel
 * of that grid (the low branch's energy ends at ¼ per axis). With `referenceSize` = the input's
 * side, a stage-2 layer (high 16×16) gets scales ½ and ¼ instead. Paper §3.1: the low branch
 * holds the spatially smooth, low-frequency part of the representation.
 *
 * @param high [H, W, cH] map or null (α_out = 1).
 * @param low [H/2, W/2, cL] map or null (α_out = 0).
 * @throws Error if both are null, if the low branch is not exactly half the high branch's size, or
 *   if referenceSize is smaller than the high branch (or not a positive integer).
 */
export async function octaveSpectra(
  high: tf.Tensor3D | FeatureMap | null,
  low: tf.Tensor3D | FeatureMap | null,
  options: OctaveSpectraOptions = {},
): Promise<{ high: BranchSpectrum | null; low: BranchSpectrum | null }> {
  if (high == null && low == null) throw new Error('octaveSpectra: both branches are null');
  const highSize = high != null ? mapSize(high) : null;
  const lowSize = low != null ? mapSize(low) : null;
  if (highSize && lowSize && (highSize[0] !== 2 * lowSize[0] || highSize[1] !== 2 * lowSize[1])) {
    throw new Error(
      `octaveSpectra: the low branch must be half the high branch's size, got high ` +
        `${highSize[0]}×${highSize[1]} and low ${lowSize[0]}×${lowSize[1]}`,
    );
  }
  const highSide = highSize ? Math.max(highSize[0], highSize[1]) : 2 * Math.max(lowSize![0], lowSize![1]);
  const { referenceSize = highSide, ...rest } = options;
  if (!Number.isInteger(referenceSize) || referenceSize < highSide) {
    throw new Error(`octaveSpectra: referenceSize must be an integer ≥ the high branch's side ${highSide}, got ${referenceSize}`);
  }
  // Default bin width = scale / (branch side) = 1 / referenceSize for both branches, so the two
  // profiles share bins whether or not `bins` is given.
  const scale = highSide / referenceSize;
  return {
    high: high != null ? await branchSpectrum(high, { ...rest, scale }) : null,
    low: low != null ? await branchSpectrum(low, { ...rest, scale: scale / 2 }) : null,
  };
}
