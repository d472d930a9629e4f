/**
 * What a training config really does, in the words a lecturer needs next to the preset picker:
 * steps, images seen, passes over the data, augmentation, schedule and batch. Computed with the
 * trainer's own step arithmetic (plannedSteps/stepsPerEpoch of src/train/config.ts), so the
 * line shown is the run that will happen. DOM-free.
 */
import type { TrainConfig } from '../../train/protocol';
import { plannedSteps, stepsPerEpoch } from '../../train/face';
import { formatNumber, t } from '../i18n';

/** The effective settings of a config on a training set of `trainCount` images. */
export interface EffectiveSettings {
  /** Optimiser steps the run will take: min(maxSteps, epochs × steps per epoch). */
  steps: number;
  /** Steps of one pass over the (possibly limited) training set. */
  stepsPerEpoch: number;
  /** Training images the run processes: steps × batch (repeats counted). */
  imagesSeen: number;
  /** Passes over the training set: steps / steps per epoch (0.26 = a quarter of one epoch). */
  epochsSeen: number;
  /** True when maxSteps stops the run before its epochs are done. */
  stoppedByMaxSteps: boolean;
  batchSize: number;
  augment: boolean;
  flipTTA: boolean;
  schedule: TrainConfig['schedule'];
}

/**
 * The effective settings of `config`.
 * @param trainCount images in the loaded training split (50,000 for CIFAR-10)
 * @throws Error (from stepsPerEpoch) when batchSize is not a positive integer
 */
export function effectiveSettings(
  config: Pick<TrainConfig, 'trainLimit' | 'batchSize' | 'epochs' | 'maxSteps' | 'augment' | 'flipTTA' | 'schedule'>,
  trainCount: number,
): EffectiveSettings {
  const perEpoch = stepsPerEpoch(config.trainLimit, config.batchSize, trainCount);
  const steps = plannedSteps(config, trainCount);
  return {
    steps,
    stepsPerEpoch: perEpoch,
    imagesSeen: steps * config.batchSize,
    epochsSeen: steps / perEpoch,
    stoppedByMaxSteps: steps < config.epochs * perEpoch,
    batchSize: config.batchSize,
    augment: config.augment,
    flipTTA: config.flipTTA,
    schedule: config.schedule,
  };
}

/** Epochs to two significant digits below 10 (0.26, 1.5), whole numbers above. */
function formatEpochs(e: number): string {
  return e >= 10 ? String(Math.round(e)) : String(Number(e.toPrecision(2)));
}

/**
 * One line for the page in the current language, e.g. "200 steps × batch 64 = 12,800 images (0.26 epoch), augmentation
 * off, one-cycle schedule, no flip-TTA".
 */
export function describeEffectiveSettings(s: EffectiveSettings): string {
  const epochs = formatEpochs(s.epochsSeen);
  return t('effective.line', {
    steps: formatNumber(s.steps),
    batch: s.batchSize,
    images: formatNumber(s.imagesSeen),
    // The plural follows the number as printed ("1 epoch", "0.26 epochs").
    epochs: t('effective.epochs', { count: Number(epochs), epochs }),
    stopped: s.stoppedByMaxSteps ? t('effective.stoppedByMax') : '',
    augment: t(s.augment ? 'effective.on' : 'effective.off'),
    schedule: t(`effective.${s.schedule}`),
    tta: t(s.flipTTA ? 'effective.ttaOn' : 'effective.ttaOff'),
  });
}

/**
 * {@link describeEffectiveSettings} of {@link effectiveSettings}: the page's one line for a config.
 * @throws Error when batchSize is not a positive integer
 */
export function describeRun(config: Parameters<typeof effectiveSettings>[0], trainCount: number): string {
  return describeEffectiveSettings(effectiveSettings(config, trainCount));
}
