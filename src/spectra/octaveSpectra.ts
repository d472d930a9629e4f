/**
 * Spectra of both branches of one octave layer on one shared frequency axis (issue 6, DESIGN §1.4).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { FeatureMap } from '../train/protocol';
import type { BranchSpectrum } from './types';
import { branchSpectrum, mapSize } from './branchSpectrum';
import type { DftMethod } from './fft2d';

/** Options of {@link octaveSpectra} (see branchSpectrum; the scales are derived). */
export interface OctaveSpectraOptions {
  removeMean?: boolean;
  cutoff?: number;
  bins?: number;
  method?: DftMethod;
}

/**
 * Spectra of the high (full-resolution) and low (half-resolution) branch of an octave layer.
 * The reference grid is the high branch's resolution (2× the low branch's when high is null):
 * high gets scale 1, low gets scale ½, so both radial profiles use the same bins in cycles/pixel
 * of that grid (the low branch's energy ends at ¼ per axis). Paper §3.1: the low branch holds
 * the spatially smooth, low-frequency part of the representation.
 *
 * @param high [H, W, cH] map or null (α_out = 1).
 * @param low [H/2, W/2, cL] map or null (α_out = 0).
 * @throws Error if both are null, or if the low branch is not exactly half the high branch's size.
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
  // Default bin width = scale / (branch side) = 1 / (reference side) for both branches, so the
  // two profiles share bins whether or not `bins` is given.
  return {
    high: high != null ? await branchSpectrum(high, { ...options, scale: 1 }) : null,
    low: low != null ? await branchSpectrum(low, { ...options, scale: 0.5 }) : null,
  };
}
