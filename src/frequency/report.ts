/**
 * The whole frequency report of one trained model: band-limited accuracy, branch ablation and the
 * Fourier sensitivity map, with one progress callback (tfjs, DOM-free).
 */
import type * as tf from '@tensorflow/tfjs';
import type { ChannelStats, Cifar10Split } from '../data/types';
import { branchAblation } from './ablation';
import { bandLimitedAccuracy } from './bandAccuracy';
import { checkImageCount } from './evaluate';
import { sensitivityMap } from './sensitivity';
import type { FrequencyProgress, FrequencyReport } from './types';

/** Options of {@link frequencyReport}. */
export interface FrequencyReportOptions {
  /** Test images for the band-limited curves and the ablation (first N; default 1,000). */
  images?: number;
  /** Test images per sensitivity-map cell (first N; default 200). */
  sensitivityImages?: number;
  /** Sensitivity grid cells per side (default 16). */
  gridSize?: number;
  /** Radii of the band filters (default DEFAULT_RADII). */
  radii?: readonly number[];
  signal?: AbortSignal;
  onProgress?: (p: FrequencyProgress) => void;
}

/** Default test images of the band-limited curves and the ablation. */
export const DEFAULT_REPORT_IMAGES = 1000;
/** Default test images per sensitivity cell. */
export const DEFAULT_SENSITIVITY_IMAGES = 200;

/**
 * Runs the three experiments in turn on `model` (an Oct-ResNet with octave metadata).
 * `top1` is the unfiltered, unablated top-1 on the first `images` test images.
 * @throws Error on bad options or a model without octave metadata; CancelledError on abort.
 */
export async function frequencyReport(
  model: tf.LayersModel,
  test: Cifar10Split,
  stats: ChannelStats,
  options: FrequencyReportOptions = {},
): Promise<FrequencyReport> {
  const images = options.images ?? DEFAULT_REPORT_IMAGES;
  const sensitivityImages = options.sensitivityImages ?? Math.min(DEFAULT_SENSITIVITY_IMAGES, images);
  checkImageCount(images, test);
  checkImageCount(sensitivityImages, test);
  const loop = (phase: FrequencyProgress['phase'], n: number) => ({
    images: n,
    signal: options.signal,
    onProgress: (done: number, total: number) => options.onProgress?.({ phase, done, total }),
  });
  const band = await bandLimitedAccuracy(model, test, stats, { ...loop('band', images), radii: options.radii });
  const ablation = await branchAblation(model, test, stats, loop('ablation', images));
  const sensitivity = await sensitivityMap(model, test, stats, { ...loop('sensitivity', sensitivityImages), gridSize: options.gridSize });
  return { top1: band.top1, images, lowPass: band.lowPass, highPass: band.highPass, ablation, sensitivity };
}
