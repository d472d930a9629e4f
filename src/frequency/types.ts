/**
 * Plain result types of the frequency experiments (no tfjs, no DOM): safe for the page, the
 * worker protocol and the JSON written by `npm run freq-report`.
 */

/** Which part of the spectrum a band filter keeps (Wang et al., CVPR 2020, §3). */
export type BandKind = 'lowPass' | 'highPass';

/** Top-1 at one filter radius. */
export interface BandPoint {
  /** Radius in cycles/pixel of the 32×32 input grid (radial frequency √(fu² + fv²)). */
  radius: number;
  /** Top-1 in [0, 1] on the filtered test images. */
  top1: number;
}

/** One octave layer's ablation: top-1 with that layer's branch replaced by its per-channel mean. */
export interface LayerAblation {
  /** Octave layer name, e.g. 'stage1/block2/conv1'. */
  layer: string;
  alphaIn: number;
  alphaOut: number;
  /** Top-1 with this layer's low branch ablated; null when the layer has no low branch (α_out = 0). */
  dropLow: number | null;
  /** Top-1 with this layer's high branch ablated; null when the layer has no high branch (α_out = 1). */
  dropHigh: number | null;
}

/** Branch ablation of a whole network. */
export interface AblationResult {
  /** Unablated top-1 on the same images. */
  top1: number;
  /** Every octave layer's low branch replaced by its mean; null when no layer has a low branch (α = 0). */
  dropLow: number | null;
  /**
   * The high branch replaced by its mean in every octave layer that also has a low branch (the
   * layers where the choice exists); null when there is none (α = 0).
   */
  dropHigh: number | null;
  /** One entry per octave layer, in network order. */
  perLayer: LayerAblation[];
}

/** Fourier sensitivity map (Yin et al., NeurIPS 2019, §2): error rate per basis frequency. */
export interface SensitivityMap {
  /** Cells per side (e.g. 16). */
  gridSize: number;
  /** Frequency of row/column k in cycles/pixel: (k − gridSize/2)·step/32, centred like fftshift. */
  frequencies: number[];
  /** ℓ2 norm of the perturbation per channel, on the [0, 1] pixel scale. */
  epsilon: number;
  /** Images evaluated per cell. */
  images: number;
  /** Error rate (1 − top-1) at (row u, column v), row-major [gridSize, gridSize]. */
  errorRate: number[];
  /** Error rate of the unperturbed images, for reference. */
  cleanErrorRate: number;
}

/** Band-limited accuracy curves and the unfiltered top-1 on the same images. */
export interface BandAccuracy {
  /** Unfiltered top-1. */
  top1: number;
  /** Low-pass (keeps radial frequency < radius) top-1, radii ascending. */
  lowPass: BandPoint[];
  /** High-pass (keeps radial frequency ≥ radius, plus the channel mean) top-1, radii ascending. */
  highPass: BandPoint[];
  /** Number of test images (the first N of the test split). */
  images: number;
}

/** Message of the error a cancelled frequency job rejects with. */
export const CANCELLED_MESSAGE = 'frequency job cancelled';

/** Progress of a frequency job. */
export interface FrequencyProgress {
  phase: 'band' | 'ablation' | 'sensitivity';
  /** Units done / total in this phase (one unit = one batch under one variant). */
  done: number;
  total: number;
}

/** Everything `npm run freq-report` writes. */
export interface FrequencyReport {
  /** Unfiltered, unablated top-1 on the first `images` test images. */
  top1: number;
  images: number;
  lowPass: BandPoint[];
  highPass: BandPoint[];
  ablation: AblationResult;
  sensitivity: SensitivityMap;
}

/** The experiments a frequency job can run. */
export type FrequencyExperiment = 'band' | 'ablation' | 'sensitivity';

/** What a frequency job asks for (plain data: crosses the worker protocol). */
export interface FrequencyJobOptions {
  /** Which experiments, run in this order: band, ablation, sensitivity. */
  experiments: FrequencyExperiment[];
  /** Test images for band and ablation (N from `firstImage`; default 1,000). */
  images?: number;
  /** Index of the first test image used (default 0): a job can take one part of the images, see ./merge.ts. */
  firstImage?: number;
  /** Test images per sensitivity cell (first N; default 200). */
  sensitivityImages?: number;
  /** Sensitivity grid cells per side (default 16). */
  gridSize?: number;
  /** Only this part of the sensitivity cells (./sensitivity.ts `cellPart`; the rest NaN). */
  sensitivityPart?: { index: number; count: number };
  /** Band filter radii, cycles/pixel, ascending (default DEFAULT_RADII). */
  radii?: number[];
}

/** Results of a frequency job: the experiments asked for. */
export interface FrequencyResults {
  band?: BandAccuracy;
  ablation?: AblationResult;
  sensitivity?: SensitivityMap;
  /** Wall time of the job (ms). */
  elapsedMs: number;
}
