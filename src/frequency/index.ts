/**
 * Public face of the frequency experiments on a trained model (DOM-free; imports octconv, data
 * and spectra, never train): band-limited test accuracy, branch ablation, Fourier sensitivity map.
 * The tfjs-free parts the page may use are ./bands and ./types.
 */
export type * from './types';
export { DEFAULT_RADII, filterImage, removalKernel, droppedMask, bandKeeps, radialFrequencies, checkBand } from './bands';
export {
  spectralBasis,
  batchSpectra,
  spectralMask,
  maskedInverse,
  type SpectralBasis,
  type BatchSpectra,
} from './spectralFilter';
export {
  top1PerVariant,
  plainVariant,
  normaliser,
  checkImageCount,
  CancelledError,
  CANCELLED_MESSAGE,
  FREQUENCY_BATCH_SIZE,
  type Variant,
  type EvalLoopOptions,
} from './evaluate';
export { channelMeanOverride, octaveBranchLayers, branchAblation, type OctaveBranchLayers } from './ablation';
export { runWithOverrides, type OutputOverride, type LayerCall } from './layerRunner';
export { foldBatchNorm, foldedVariant, type FoldedInference } from './foldBatchNorm';
export { bandLimitedAccuracy, type BandAccuracyOptions } from './bandAccuracy';
export { imageParts, mergeAblation, mergeBand, mergeSensitivity } from './merge';
export { sensitivityBands, SENSITIVITY_BAND_EDGES, type SensitivityBand, type SensitivityWorstCell } from './sensitivityBands';
export {
  sensitivityMap,
  sensitivityGrid,
  fourierBasis,
  DEFAULT_SENSITIVITY_EPSILON,
  DEFAULT_SENSITIVITY_GRID,
  type SensitivityOptions,
} from './sensitivity';
export {
  frequencyReport,
  runFrequencyJob,
  toFrequencyReport,
  DEFAULT_REPORT_IMAGES,
  DEFAULT_SENSITIVITY_IMAGES,
  type FrequencyJobControl,
} from './report';
