/**
 * Training configuration: defaults, presets and validation (docs/architecture.md §6). DOM-free and tfjs-free,
 * so the UI's URL schema, the worker and the CLI share one set of ranges and defaults.
 */
import { depthError } from '../octconv/depths';
import type { TrainConfig } from './protocol';
import { validateArchitecture } from './model-config';

/** Documented range of one numeric field (inclusive bounds; `integer` ⇒ whole numbers only). */
export interface NumericRange {
  min: number;
  max: number;
  integer: boolean;
  /** true ⇒ the lower bound is exclusive (e.g. learning rate > 0). */
  minExclusive?: boolean;
}

/**
 * Ranges of every numeric TrainConfig field. The UI's URL schema and the CLI parser reuse these.
 * depth is checked separately (6n+2 for 'basic', 50/101/152 for 'bottleneck') within [8, 152].
 */
export const TRAIN_CONFIG_RANGES = {
  depth: { min: 8, max: 152, integer: true },
  widthMultiplier: { min: 0.25, max: 8, integer: false },
  alpha: { min: 0, max: 1, integer: false },
  epochs: { min: 1, max: 500, integer: true },
  batchSize: { min: 1, max: 1024, integer: true },
  learningRate: { min: 0, max: 10, integer: false, minExclusive: true },
  momentum: { min: 0, max: 0.999, integer: false },
  weightDecay: { min: 0, max: 0.1, integer: false },
  labelSmoothing: { min: 0, max: 0.5, integer: false },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  trainLimit: { min: 1, max: 50_000, integer: true },
  testLimit: { min: 1, max: 10_000, integer: true },
  readbackEvery: { min: 1, max: 10_000, integer: true },
  maxSteps: { min: 1, max: 10_000_000, integer: true },
} as const satisfies Record<string, NumericRange>;

/** Numeric fields with a documented range. */
export type RangedField = keyof typeof TRAIN_CONFIG_RANGES;

export { FOUR_STAGE_DEPTHS, BOTTLENECK_DEPTHS } from '../octconv/depths';

/**
 * The default "quick" preset: Oct-ResNet-8, width 1, α = 0.25, fast enough to train an epoch in
 * the browser on WASM within minutes. Recipe of docs/architecture.md §6: SGD + Nesterov 0.9, weight decay 5e-4
 * on kernels, one-cycle LR peaking at 0.2 (batch 128), label smoothing 0.1, crop+flip.
 */
export const DEFAULT_TRAIN_CONFIG: Readonly<TrainConfig> = Object.freeze({
  depth: 8,
  widthMultiplier: 1,
  alpha: 0.25,
  block: 'basic',
  epochs: 1,
  batchSize: 128,
  learningRate: 0.2,
  momentum: 0.9,
  weightDecay: 5e-4,
  labelSmoothing: 0.1,
  schedule: 'onecycle',
  seed: 1,
  augment: true,
  flipTTA: false,
  readbackEvery: 10,
});

/** Named presets: a partial config merged over DEFAULT_TRAIN_CONFIG. */
export const TRAIN_PRESETS: Readonly<Record<'quick' | 'resnet20' | 'resnet56' | 'mobilenetv2', Readonly<TrainConfig>>> =
  Object.freeze({
    /**
     * Oct-ResNet-8 at α = .5, batch 64, one-cycle LR (peak 0.2) compressed into 200 steps (12,800
     * images), no augmentation (it only slows learning in under one epoch): tuned with
     * `npm run bench -- --time-to-accuracy` to pass 50 % test top-1 within ~150 s of training on
     * WASM on a 2-core machine.
     */
    quick: Object.freeze({ ...DEFAULT_TRAIN_CONFIG, alpha: 0.5, batchSize: 64, maxSteps: 200, augment: false }),
    /** Oct-ResNet-20 (0.27 M params), 10 epochs: the seed report's CIFAR baseline depth. */
    resnet20: Object.freeze({ ...DEFAULT_TRAIN_CONFIG, depth: 20, epochs: 10 }),
    /** Oct-ResNet-56 (0.85 M params), 30 epochs: for a real GPU. */
    resnet56: Object.freeze({ ...DEFAULT_TRAIN_CONFIG, depth: 56, epochs: 30, learningRate: 0.1 }),
    /**
     * Oct-MobileNet v2 ×0.5 at the paper's α = .375 (Table 1) with the CIFAR stem, batch 32
     * (MobileNet activations are large at 32×32), 100 steps without augmentation: a short demo.
     */
    mobilenetv2: Object.freeze({
      ...DEFAULT_TRAIN_CONFIG,
      architecture: 'mobilenet-v2',
      widthMultiplier: 0.5,
      alpha: 0.375,
      batchSize: 32,
      // lr 0.2 (the default) diverged at step ~15 in the page (loss 14.2); depthwise nets at batch 32 want less.
      learningRate: 0.05,
      maxSteps: 100,
      augment: false,
    }),
  });

/** Name of a preset in TRAIN_PRESETS. */
export type TrainPresetName = keyof typeof TRAIN_PRESETS;

/**
 * Checks one numeric field against its range.
 * @throws Error `"<field> must be … (got <value>)"` when not finite, not an integer where one is
 *   required, or out of range.
 */
export function validateRange(field: RangedField, value: number): void {
  const r: NumericRange = TRAIN_CONFIG_RANGES[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${field} must be a finite number (got ${String(value)})`);
  }
  if (r.integer && !Number.isInteger(value)) {
    throw new Error(`${field} must be an integer (got ${value})`);
  }
  const low = r.minExclusive ? value <= r.min : value < r.min;
  if (low || value > r.max) {
    const lo = r.minExclusive ? `> ${r.min}` : `≥ ${r.min}`;
    throw new Error(`${field} must be ${lo} and ≤ ${r.max} (got ${value})`);
  }
}

/**
 * Validates a whole TrainConfig.
 * Ranges: architecture resnet (default), mobilenet-v1 or mobilenet-v2 (these ignore depth/block);
 * α ∈ [0, 1]; depth 6n+2 (8, 14, 20, …) or 18/34 for 'basic' or 50/101/152 for 'bottleneck';
 * width ∈ [0.25, 8]; batch integer 1..1024; lr ∈ (0, 10]; epochs integer ≥ 1 (≤ 500);
 * momentum ∈ [0, 0.999]; weight decay ∈ [0, 0.1]; label smoothing ∈ [0, 0.5]; seed integer
 * 0..2³¹−1; trainLimit 1..50,000; testLimit 1..10,000; readbackEvery ≥ 1; maxSteps ≥ 1.
 * @throws Error naming the field, the allowed range and the offending value.
 */
export function validateTrainConfig(c: TrainConfig): void {
  validateArchitecture(c.architecture);
  if (c.block !== 'basic' && c.block !== 'bottleneck') {
    throw new Error(`block must be 'basic' or 'bottleneck' (got ${String(c.block)})`);
  }
  if (c.schedule !== 'onecycle' && c.schedule !== 'cosine') {
    throw new Error(`schedule must be 'onecycle' or 'cosine' (got ${String(c.schedule)})`);
  }
  const fields: RangedField[] = [
    'depth',
    'widthMultiplier',
    'alpha',
    'epochs',
    'batchSize',
    'learningRate',
    'momentum',
    'weightDecay',
    'labelSmoothing',
    'seed',
    'readbackEvery',
  ];
  for (const f of fields) validateRange(f, c[f] as number);
  for (const f of ['trainLimit', 'testLimit', 'maxSteps'] as const) {
    if (c[f] !== undefined) validateRange(f, c[f]);
  }
  const resnet = (c.architecture ?? 'resnet') === 'resnet';
  // The rule lives in src/octconv/depths.ts; the message here names the field as the URL and CLI do.
  if (resnet && (c.block === 'basic' || c.block === 'bottleneck') && depthError(c.block, c.depth)) {
    throw new Error(
      c.block === 'basic'
        ? `depth must be 6n+2 (8, 14, 20, 32, 56, …) or 18/34 for basic blocks (got ${c.depth})`
        : `depth must be 50, 101 or 152 for bottleneck blocks (got ${c.depth})`,
    );
  }
  if (typeof c.augment !== 'boolean') throw new Error(`augment must be a boolean (got ${String(c.augment)})`);
  if (typeof c.flipTTA !== 'boolean') throw new Error(`flipTTA must be a boolean (got ${String(c.flipTTA)})`);
}

/** Training images in CIFAR-10. */
export const CIFAR10_TRAIN_COUNT = 50_000;

/**
 * Steps in one epoch as the trainer runs them (src/data/batches.ts drops the last partial batch):
 * floor(n / batch) for n ≥ batch, else 1 (one short batch), with n = min(trainLimit ?? count, count).
 * The one rule behind the trainer's loop, the CLI's progress bar and the page's epoch axis.
 * @throws Error when batchSize is not a positive integer.
 */
export function stepsPerEpoch(trainLimit: number | undefined, batchSize: number, trainCount = CIFAR10_TRAIN_COUNT): number {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`stepsPerEpoch: batchSize must be a positive integer, got ${batchSize}`);
  const n = Math.min(trainLimit ?? trainCount, trainCount);
  return n >= batchSize ? Math.floor(n / batchSize) : 1;
}

/** Total training steps of a config: min(maxSteps, epochs × {@link stepsPerEpoch}). */
export function plannedSteps(
  config: Pick<TrainConfig, 'trainLimit' | 'batchSize' | 'epochs' | 'maxSteps'>,
  trainCount: number,
): number {
  return Math.min(config.maxSteps ?? Infinity, config.epochs * stepsPerEpoch(config.trainLimit, config.batchSize, trainCount));
}
