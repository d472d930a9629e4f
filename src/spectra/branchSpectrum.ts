/**
 * Spectrum of one branch of an octave feature map: centred log-magnitude, radial energy profile
 * on the reference (input-resolution) grid, and the low-frequency energy fraction.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BranchSpectrum, FeatureMap } from './types';
import { fft2d, type DftMethod } from './fft2d';
import { fftShift2d, radialProfile } from './radial';

/** Default low-frequency cut-off, cycles/pixel of the reference grid (¼ of Nyquist). */
export const DEFAULT_CUTOFF = 0.125;

/** Options of {@link branchSpectrum}. */
export interface BranchSpectrumOptions {
  /** Branch resolution / reference resolution: 1 for the high branch, 0.5 for the low branch. */
  scale: number;
  /** Subtract each channel's spatial mean before the DFT so DC does not dominate (default true). */
  removeMean?: boolean;
  /** Low-frequency cut-off, cycles/pixel of the reference grid (default 0.125). */
  cutoff?: number;
  /**
   * Number of radial bins spanning [0, ½] cycles/pixel of the reference grid (bin width ½/bins;
   * more bins up to √2/2 hold the corners). Default: N_ref/2 with N_ref = max(H, W)/scale, i.e.
   * one bin per DFT frequency step of the reference grid.
   */
  bins?: number;
  /** DFT method (default 'auto'; see fft2d). */
  method?: DftMethod;
}

/**
 * Spectrum of one branch, averaged over channels.
 *
 * With F_c the unnormalised 2-D DFT of channel c (see fft2d) of the (mean-removed) map:
 * - `logMagnitude` [H, W] (branch grid, centred: DC at (⌊H/2⌋, ⌊W/2⌋)) = mean_c log(1 + |F_c|);
 * - energy at DFT index (u, v) = Σ_c |F_c(u, v)|² (so the total is H·W·Σ x², Parseval);
 * - `radial`: that energy binned by radial frequency in cycles/pixel of the reference grid
 *   (r = scale·√(fu² + fv²), bins of width ½/bins centred at k·½/bins, see radialProfile), as
 *   fractions of the total;
 * - `lowEnergyFraction`: share of the total at r < cutoff. With the mean removed, DC carries no
 *   energy; without it, DC counts as low frequency.
 * A map with no energy (e.g. all-constant with the mean removed) gives all-zero fractions and
 * `totalEnergy` 0.
 *
 * Reads back with `await data()` (never dataSync) and disposes every tensor it creates; a
 * tensor argument is not disposed.
 *
 * @param map [H, W, C] tensor or FeatureMap (row-major [height, width, channels]).
 * @throws Error on a malformed map, a scale outside (0, 1], a non-positive cutoff, or bins that
 *   are not a positive integer.
 */
export async function branchSpectrum(map: tf.Tensor3D | FeatureMap, options: BranchSpectrumOptions): Promise<BranchSpectrum> {
  const { scale } = options;
  const removeMean = options.removeMean ?? true;
  const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error(`branchSpectrum: scale must be in (0, 1] (branch / reference resolution), got ${scale}`);
  }
  if (!Number.isFinite(cutoff) || cutoff <= 0) {
    throw new Error(`branchSpectrum: cutoff must be a positive number of cycles/pixel, got ${cutoff}`);
  }
  if (options.bins !== undefined && !(Number.isInteger(options.bins) && options.bins > 0)) {
    throw new Error(`branchSpectrum: bins must be a positive integer, got ${options.bins}`);
  }
  const [height, width] = mapSize(map);
  const binWidth = options.bins !== undefined ? 0.5 / options.bins : scale / Math.max(height, width);

  const [logMean, energy] = tf.tidy(() => {
    const x0 = map instanceof tf.Tensor ? map : featureMapTensor(map);
    const x = removeMean ? tf.sub(x0, tf.mean(x0, [0, 1], true)) : x0;
    const { real, imag } = fft2d(x as tf.Tensor3D, { method: options.method });
    const power = tf.add(tf.square(real), tf.square(imag)); // [H, W, C]
    return [tf.mean(tf.log1p(tf.sqrt(power)), 2), tf.sum(power, 2)];
  });
  try {
    const [logData, energyData] = await Promise.all([logMean.data(), energy.data()]);
    const profile = radialProfile(energyData, height, width, scale, binWidth, cutoff);
    return {
      height,
      width,
      logMagnitude: fftShift2d(logData, height, width),
      radial: { frequency: profile.frequency, energy: profile.energy },
      cutoff,
      lowEnergyFraction: profile.lowEnergyFraction,
      scale,
      totalEnergy: profile.totalEnergy,
    };
  } finally {
    logMean.dispose();
    energy.dispose();
  }
}

/** [height, width] of a map; validates a FeatureMap's fields and a tensor's rank. */
export function mapSize(map: tf.Tensor3D | FeatureMap): [number, number] {
  if (map instanceof tf.Tensor) {
    if (map.rank !== 3) throw new Error(`spectra: expected a rank-3 [H, W, C] map, got shape [${map.shape.join(', ')}]`);
    if (map.shape.some((d) => d === 0)) throw new Error(`spectra: map has an empty axis: [${map.shape.join(', ')}]`);
    return [map.shape[0], map.shape[1]];
  }
  const { height, width, channels, data } = map ?? ({} as FeatureMap);
  for (const [name, v] of [
    ['height', height],
    ['width', width],
    ['channels', channels],
  ] as const) {
    if (!Number.isInteger(v) || v <= 0) throw new Error(`spectra: FeatureMap.${name} must be a positive integer, got ${v}`);
  }
  if (!(data instanceof Float32Array) || data.length !== height * width * channels) {
    throw new Error(
      `spectra: FeatureMap.data must be a Float32Array of ${height}×${width}×${channels} = ` +
        `${height * width * channels} values, got ${data instanceof Float32Array ? data.length : typeof data}`,
    );
  }
  return [height, width];
}

function featureMapTensor(map: FeatureMap): tf.Tensor3D {
  return tf.tensor3d(map.data, [map.height, map.width, map.channels], 'float32');
}
