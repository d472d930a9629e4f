/**
 * A frequency job on one trained model: band-limited accuracy, branch ablation and/or the Fourier
 * sensitivity map, with one progress callback and one cancel signal (tfjs, DOM-free).
 */
import type * as tf from '@tensorflow/tfjs';
import type { ChannelStats, Cifar10Split } from '../data/types';
import { branchAblation } from './ablation';
import { bandLimitedAccuracy } from './bandAccuracy';
import { checkImageCount } from './evaluate';
import { sensitivityMap } from './sensitivity';
import type { FrequencyExperiment, FrequencyJobOptions, FrequencyProgress, FrequencyReport, FrequencyResults } from './types';

/** Default test images of the band-limited curves and the ablation. */
export const DEFAULT_REPORT_IMAGES = 1000;
/** Default test images per sensitivity cell. */
export const DEFAULT_SENSITIVITY_IMAGES = 200;

const EXPERIMENTS = ['band', 'ablation', 'sensitivity'] as const;

/** Signal and progress callback of a job. */
export interface FrequencyJobControl {
  signal?: AbortSignal;
  onProgress?: (p: FrequencyProgress) => void;
}

/** What a job runs: the asked experiments and the test images of the curves/ablation and of each sensitivity cell. */
interface JobPlan {
  asked: readonly FrequencyExperiment[];
  images: number;
  sensitivityImages: number;
  /** The test images from `firstImage` on (the whole split when it is 0). */
  part: Cifar10Split;
}

/** Test images [first, first + count) of a split, sharing its buffers. */
function splitFrom(test: Cifar10Split, first: number): Cifar10Split {
  if (first === 0) return test;
  const pixels = test.images.length / test.count;
  return { images: test.images.subarray(first * pixels), labels: test.labels.subarray(first), count: test.count - first };
}

/**
 * Checks a job's options against the test split and fills in the default image counts.
 * @throws Error on an empty or unknown experiment list or an image count the split cannot give.
 */
function planJob(options: FrequencyJobOptions, test: Cifar10Split): JobPlan {
  const asked = options.experiments ?? [];
  const unknown = asked.filter((e) => !(EXPERIMENTS as readonly string[]).includes(e));
  if (asked.length === 0 || unknown.length > 0) {
    throw new Error(
      `frequency job: experiments must be a non-empty list of ${EXPERIMENTS.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
    );
  }
  const first = options.firstImage ?? 0;
  if (!Number.isInteger(first) || first < 0 || first >= test.count) {
    throw new Error(`firstImage must be an integer in [0, ${test.count - 1}], got ${first}`);
  }
  const part = splitFrom(test, first);
  const images = options.images ?? Math.min(DEFAULT_REPORT_IMAGES, part.count);
  const sensitivityImages = options.sensitivityImages ?? Math.min(DEFAULT_SENSITIVITY_IMAGES, images);
  checkImageCount(images, part);
  if (asked.includes('sensitivity')) checkImageCount(sensitivityImages, part);
  return { asked, images, sensitivityImages, part };
}

/**
 * Runs the asked experiments in the order band, ablation, sensitivity on `model` (an
 * Oct-ResNet with octave metadata) and N test images from `options.firstImage` (default the first).
 * @throws Error on an empty or unknown experiment list, bad image counts or radii, or a model
 *   without octave metadata; CancelledError when the signal aborts.
 */
export async function runFrequencyJob(
  model: tf.LayersModel,
  test: Cifar10Split,
  stats: ChannelStats,
  options: FrequencyJobOptions,
  control: FrequencyJobControl = {},
): Promise<FrequencyResults> {
  const { asked, images, sensitivityImages, part } = planJob(options, test);
  const t0 = performance.now();
  const loop = (phase: FrequencyProgress['phase'], n: number) => ({
    images: n,
    signal: control.signal,
    onProgress: (done: number, total: number) => control.onProgress?.({ phase, done, total }),
  });
  const results: FrequencyResults = { elapsedMs: 0 };
  if (asked.includes('band'))
    results.band = await bandLimitedAccuracy(model, part, stats, { ...loop('band', images), radii: options.radii });
  if (asked.includes('ablation')) results.ablation = await branchAblation(model, part, stats, loop('ablation', images));
  if (asked.includes('sensitivity')) {
    results.sensitivity = await sensitivityMap(model, part, stats, {
      ...loop('sensitivity', sensitivityImages),
      gridSize: options.gridSize,
      cellPart: options.sensitivityPart,
    });
  }
  results.elapsedMs = performance.now() - t0;
  return results;
}

/**
 * The report of `npm run freq-report`: all three experiments, flattened. `top1` is the
 * unfiltered, unablated top-1 on the first `images` test images.
 */
export function toFrequencyReport(results: FrequencyResults): FrequencyReport {
  const { band, ablation, sensitivity } = results;
  if (!band || !ablation || !sensitivity)
    throw new Error('toFrequencyReport: the job must have run band, ablation and sensitivity');
  return { top1: band.top1, images: band.images, lowPass: band.lowPass, highPass: band.highPass, ablation, sensitivity };
}

/** Runs all three experiments and returns the flattened report (see runFrequencyJob). */
export async function frequencyReport(
  model: tf.LayersModel,
  test: Cifar10Split,
  stats: ChannelStats,
  options: Omit<FrequencyJobOptions, 'experiments'> & FrequencyJobControl = {},
): Promise<FrequencyReport> {
  const { signal, onProgress, ...rest } = options;
  return toFrequencyReport(
    await runFrequencyJob(model, test, stats, { ...rest, experiments: [...EXPERIMENTS] }, { signal, onProgress }),
  );
}
