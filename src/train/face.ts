/**
 * The tfjs-free face of the training engine, for the page: the worker protocol's types, the
 * training configs (defaults, presets, ranges, validation) and the learning-rate schedules.
 * (./index also re-exports the trainer and the session, which need tfjs.)
 */
export * from './protocol';
export {
  DEFAULT_TRAIN_CONFIG,
  TRAIN_PRESETS,
  TRAIN_CONFIG_RANGES,
  BOTTLENECK_DEPTHS,
  validateTrainConfig,
  validateRange,
  stepsPerEpoch,
  CIFAR10_TRAIN_COUNT,
  plannedSteps,
  type NumericRange,
  type RangedField,
  type TrainPresetName,
} from './config';
export { learningRateAt, ONECYCLE_WARMUP_FRACTION, ONECYCLE_DIV_FACTOR, COSINE_WARMUP_FRACTION } from './schedule';
export { MODEL_ARCHITECTURES, modelConfigOf, modelName, validateArchitecture, type ModelFields } from './model-config';
export { RunQueue, type QueueEta } from './run-queue';
export { formatDuration } from './duration';
export { summarizeSweep, sweepVerdicts, type SummaryInput, type SweepSummaryRow, type Verdict } from './sweep-summary';
export { seedList } from './sweep-plan';
