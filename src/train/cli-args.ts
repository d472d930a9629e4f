/**
 * Command-line parsing of `npm run train` and `npm run sweep` (scripts/train.ts, scripts/sweep.ts)
 * through the shared option parser (./cli-options.ts). DOM-free: turns argv into a validated
 * TrainConfig, or throws an Error with a one-line reason (unknown flag, missing or malformed value,
 * out-of-range value).
 */
import { DEFAULT_TRAIN_CONFIG, validateRange, validateTrainConfig } from './config';
import { formatHelp, parseCli, type CliTable, type CliValues } from './cli-options';
import { BACKEND_NAMES, type BackendName, type TrainConfig } from './protocol';
import { MODEL_ARCHITECTURES } from './model-config';
import { parseShard, seedList, type Shard } from './sweep-plan';

/** Flags shared by train and sweep that set one TrainConfig field each (defaults: DEFAULT_TRAIN_CONFIG). */
const CONFIG_OPTIONS = {
  arch: {
    type: 'string',
    choices: MODEL_ARCHITECTURES,
    arg: 'NAME',
    help: "'resnet' (default), 'mobilenet-v1' or 'mobilenet-v2' (CIFAR stem; uses --width, --alpha)",
  },
  depth: {
    type: 'number',
    help: 'network depth: 6n+2 (8, 14, 20, 32, 56) or 18/34, or 50/101/152 with --block bottleneck',
  },
  width: { type: 'number', help: 'width multiplier k (stage widths 16k/32k/64k)' },
  alpha: { type: 'number', help: 'ratio α ∈ [0, 1] of low-frequency channels' },
  block: { type: 'string', choices: ['basic', 'bottleneck'], help: 'residual block' },
  epochs: { type: 'number', help: 'epochs (≥ 1)' },
  batch: { type: 'number', help: 'batch size (1..1024)' },
  lr: { type: 'number', help: 'peak learning rate (0, 10]' },
  momentum: { type: 'number', help: 'Nesterov momentum' },
  wd: { type: 'number', help: 'weight decay on conv/dense kernels' },
  'label-smoothing': { type: 'number', help: 'label smoothing ε' },
  schedule: { type: 'string', choices: ['onecycle', 'cosine'], help: 'learning-rate schedule' },
  seed: { type: 'number', help: 'seed of init, data order and augmentation' },
  'train-limit': { type: 'number', help: 'use the first N training images' },
  'test-limit': { type: 'number', help: 'evaluate on the first N test images' },
  augment: { type: 'boolean', help: 'random crop + flip (default on; --no-augment)' },
  tta: { type: 'boolean', help: 'flip test-time augmentation' },
  'readback-every': { type: 'number', help: 'read metrics back every N steps' },
  'max-steps': { type: 'number', help: 'stop after N steps in total' },
} as const satisfies CliTable;

type ConfigFlag = keyof typeof CONFIG_OPTIONS;

/** The TrainConfig field each config flag sets. */
const CONFIG_FIELDS: Readonly<Record<ConfigFlag, keyof TrainConfig>> = {
  arch: 'architecture',
  depth: 'depth',
  width: 'widthMultiplier',
  alpha: 'alpha',
  block: 'block',
  epochs: 'epochs',
  batch: 'batchSize',
  lr: 'learningRate',
  momentum: 'momentum',
  wd: 'weightDecay',
  'label-smoothing': 'labelSmoothing',
  schedule: 'schedule',
  seed: 'seed',
  'train-limit': 'trainLimit',
  'test-limit': 'testLimit',
  augment: 'augment',
  tta: 'flipTTA',
  'readback-every': 'readbackEvery',
  'max-steps': 'maxSteps',
};

/** Flags of both commands that are not config fields. */
const OUTPUT_OPTIONS = {
  backend: { type: 'string', choices: BACKEND_NAMES, default: 'wasm', arg: 'NAME', help: 'wasm or cpu' },
  out: { type: 'string', arg: 'FILE', help: 'write the results as JSON to this file' },
} as const satisfies CliTable;

/** Parsed `npm run train` arguments. */
export interface TrainArgs {
  config: TrainConfig;
  /** Forced backend (default: wasm in Node). */
  backend: BackendName;
  /** Where to write the run JSON, if anywhere. */
  out?: string;
  help: boolean;
}

/** Parsed `npm run train` arguments: also where to save the trained model, if anywhere. */
export interface TrainCliArgs extends TrainArgs {
  /** Folder to write model.json + weights.bin (standard tfjs format) into after the run. */
  saveModel?: string;
}

/** Parsed `npm run sweep` arguments: the base config and the (α, seed) grid to run it on. */
export interface SweepArgs extends TrainArgs {
  alphas: number[];
  /** `--seeds N`: N consecutive seeds from `--seed` (default 1 seed). */
  seeds: number[];
  /** `--jobs N`: runs at once, one process each (default 1: in this process). */
  jobs: number;
  /** `--shard i/n`: run only the i-th share of the grid (0-based). */
  shard: Shard | null;
  /** `--merge a.json b.json …`: merge these sweep files instead of training (needs --out). */
  merge: string[];
}

/** Most processes `--jobs` may start. */
export const MAX_JOBS = 64;
/** Most seeds per α `--seeds` may ask for. */
export const MAX_SEEDS = 100;

const TRAIN_OPTIONS = {
  ...CONFIG_OPTIONS,
  'save-model': { type: 'string', arg: 'DIR', help: 'write model.json + weights.bin (tfjs format) to this folder' },
  ...OUTPUT_OPTIONS,
} as const satisfies CliTable;

const { alpha: _alpha, ...SWEEP_CONFIG_OPTIONS } = CONFIG_OPTIONS;
const SWEEP_OPTIONS = {
  alphas: { type: 'numbers', default: [0, 0.125, 0.25, 0.5], help: 'comma-separated α values' },
  seeds: {
    type: 'number',
    bounds: { integer: true, min: 1, max: MAX_SEEDS },
    default: 1,
    help: 'runs per α, seeds --seed, --seed+1, …; the table shows 95 % intervals',
  },
  jobs: { type: 'number', bounds: { integer: true, min: 1, max: MAX_JOBS }, default: 1, help: 'runs at once, one process each' },
  shard: {
    type: 'string',
    arg: 'i/n',
    help: "run only the i-th of n shares of the (α, seed) grid (0-based; a job array's index)",
  },
  merge: {
    type: 'string',
    arg: 'a.json b.json …',
    help: 'merge sweep files (shards) into --out, print the table; no training',
  },
  ...SWEEP_CONFIG_OPTIONS,
  ...OUTPUT_OPTIONS,
} as const satisfies CliTable;

/**
 * The TrainConfig of the config flags given, over DEFAULT_TRAIN_CONFIG.
 * @throws Error from validateTrainConfig, naming the flag ("--lr must be …") instead of the field.
 */
function configFrom(values: Partial<CliValues<typeof CONFIG_OPTIONS>>): TrainConfig {
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG };
  for (const [flag, field] of Object.entries(CONFIG_FIELDS) as [ConfigFlag, keyof TrainConfig][]) {
    const value = values[flag];
    if (value !== undefined) (config as unknown as Record<string, unknown>)[field] = value;
  }
  try {
    validateTrainConfig(config);
  } catch (e) {
    const msg = (e as Error).message;
    const entry = Object.entries(CONFIG_FIELDS).find(([, field]) => msg.startsWith(`${field} `));
    throw new Error(entry ? `--${entry[0]}${msg.slice(entry[1].length)}` : msg, { cause: e });
  }
  return config;
}

/**
 * Parses `npm run train -- …` arguments over DEFAULT_TRAIN_CONFIG.
 * @throws Error with a one-line reason on any bad flag or value.
 */
export function parseTrainArgs(argv: readonly string[]): TrainCliArgs {
  const { help, values } = parseCli(argv, TRAIN_OPTIONS);
  const config = help ? { ...DEFAULT_TRAIN_CONFIG } : configFrom(values);
  const saveModel = values['save-model'];
  if (saveModel === '') throw new Error('--save-model needs a folder (e.g. --save-model runs/model-d20)');
  return { config, backend: values.backend, out: values.out, help, saveModel };
}

/**
 * Parses `npm run sweep -- --alphas 0,0.125,0.25,0.5 [--seeds N] [--jobs N] [--shard i/n] …` or
 * `npm run sweep -- --merge a.json b.json … --out all.json`; `--alpha` is not allowed (use --alphas).
 * Default α list: 0, 0.125, 0.25, 0.5; one seed; one job.
 * @throws Error on a bad flag, an empty/malformed list, an α outside [0, 1], a repeated α, a bad
 *   --seeds/--jobs/--shard value, or --merge without files or without --out.
 */
export function parseSweepArgs(argv: readonly string[]): SweepArgs {
  // --merge takes every following argument up to the next flag.
  const m = argv.indexOf('--merge');
  let merge: string[] = [];
  let rest = [...argv];
  if (m >= 0) {
    let end = m + 1;
    while (end < argv.length && !argv[end].startsWith('--')) end++;
    merge = argv.slice(m + 1, end);
    if (merge.length === 0)
      throw new Error('--merge needs one or more sweep files (e.g. --merge shard-0.json shard-1.json --out all.json)');
    rest = [...argv.slice(0, m), ...argv.slice(end)];
  }
  if (rest.some((a) => a === '--alpha' || a.startsWith('--alpha=')))
    throw new Error('--alpha is not allowed here (a sweep takes --alphas A,B,…)');
  const { help, values } = parseCli(rest, SWEEP_OPTIONS);
  const { backend, out } = values;
  const config = help ? { ...DEFAULT_TRAIN_CONFIG } : configFrom(values);
  if (m >= 0 && !help) {
    if (!out) throw new Error('--merge needs --out FILE for the merged sweep');
    const clash = (['alphas', 'seeds', 'jobs', 'shard'] as const).find((k) =>
      rest.some((a) => a === `--${k}` || a.startsWith(`--${k}=`)),
    );
    if (clash) throw new Error(`--${clash} cannot be combined with --merge (the files define the sweep)`);
  }
  const { alphas } = values;
  for (const a of alphas) {
    try {
      validateRange('alpha', a);
    } catch {
      throw new Error(`--alphas values must be in [0, 1] (got ${a})`);
    }
  }
  if (new Set(alphas).size !== alphas.length) throw new Error(`--alphas has a repeated value (${alphas.join(',')})`);
  const seeds = seedList(config.seed, values.seeds);
  try {
    validateRange('seed', seeds[seeds.length - 1]);
  } catch {
    throw new Error(`--seed ${config.seed} with --seeds ${values.seeds} runs past the largest seed ${2 ** 31 - 1}`);
  }
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  return { config, backend, out, help, alphas, seeds, jobs: values.jobs, shard, merge };
}

/** Help text of `npm run train` or `npm run sweep`, from the option table. */
export function usage(command: 'train' | 'sweep'): string {
  return formatHelp(`usage: npm run ${command} -- [flags]`, command === 'train' ? TRAIN_OPTIONS : SWEEP_OPTIONS);
}
