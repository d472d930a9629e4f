/**
 * Shared types of the spectral analysis (DOM-free).
 */

/** Spectrum of one branch of an octave feature map, averaged over channels. */
export interface BranchSpectrum {
  /** Map size in pixels of the branch's own grid (low branch: half the high branch's). */
  height: number;
  width: number;
  /** Centred (fft-shifted) log(1 + |F|) averaged over channels, row-major [height, width]. */
  logMagnitude: Float32Array;
  /**
   * Radial energy profile: bin centres in cycles/pixel of the INPUT-resolution grid (a low-branch
   * map at half resolution covers 0–0.25 of that axis), and the fraction of the branch's total
   * (non-DC when the mean is removed) energy in each bin; fractions sum to 1.
   */
  radial: { frequency: number[]; energy: number[] };
  /** Cut-off in cycles/pixel of the input grid. */
  cutoff: number;
  /** Fraction of the energy at radial frequency below `cutoff`. */
  lowEnergyFraction: number;
  /** Branch resolution / reference resolution (1 high, 0.5 low). */
  scale: number;
  /**
   * Σ over DFT indices and channels of |F|² (unnormalised DFT, input units²). 0 means the branch
   * carries no (non-DC) energy and all fractions are 0.
   */
  totalEnergy: number;
}

/** A float feature map: NHWC without N, row-major [height, width, channels]. */
export interface FeatureMap {
  height: number;
  width: number;
  channels: number;
  data: Float32Array;
}
