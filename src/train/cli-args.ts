/**
 * Command-line parsing of `npm run train` and `npm run sweep` (scripts/train.ts, scripts/sweep.ts).
 * Pure and DOM-free: turns argv into a validated TrainConfig, or throws an Error with a one-line
 * reason (unknown flag, missing or malformed value, out-of-range value).
 */
import { DEFAULT_TRAIN_CONFIG, validateRange, validateTrainConfig } from './config';
import { parseCliNumber } from './cli-number';
import { BACKEND_NAMES as BACKENDS, type BackendName, type ModelArchitecture, type TrainConfig } from './protocol';
import { MODEL_ARCHITECTURES } from './model-config';
import { parseShard, seedList, type Shard } from './sweep-plan';

/** A flag that sets one TrainConfig field. */
interface ConfigFlag {
  field: keyof TrainConfig;
  kind: 'number' | 'boolean' | 'schedule' | 'block' | 'architecture';
  help: string;
}

/** Flags shared by train and sweep, mapped to TrainConfig fields. */
export const CONFIG_FLAGS: Readonly<Record<string, ConfigFlag>> = {
  arch: {
    field: 'architecture',
    kind: 'architecture',
    help: "'resnet' (default), 'mobilenet-v1' or 'mobilenet-v2' (CIFAR stem; uses --width, --alpha)",
  },
  depth: {
    field: 'depth',
    kind: 'number',
    help: 'network depth: 6n+2 (8, 14, 20, 32, 56) or 18/34, or 50/101/152 with --block bottleneck',
  },
  width: { field: 'widthMultiplier', kind: 'number', help: 'width multiplier k (stage widths 16k/32k/64k)' },
  alpha: { field: 'alpha', kind: 'number', help: 'ratio α ∈ [0, 1] of low-frequency channels' },
  block: { field: 'block', kind: 'block', help: "'basic' or 'bottleneck'" },
  epochs: { field: 'epochs', kind: 'number', help: 'epochs (≥ 1)' },
  batch: { field: 'batchSize', kind: 'number', help: 'batch size (1..1024)' },
  lr: { field: 'learningRate', kind: 'number', help: 'peak learning rate (0, 10]' },
  momentum: { field: 'momentum', kind: 'number', help: 'Nesterov momentum' },
  wd: { field: 'weightDecay', kind: 'number', help: 'weight decay on conv/dense kernels' },
  'label-smoothing': { field: 'labelSmoothing', kind: 'number', help: 'label smoothing ε' },
  schedule: { field: 'schedule', kind: 'schedule', help: "'onecycle' or 'cosine'" },
  seed: { field: 'seed', kind: 'number', help: 'seed of init, data order and augmentation' },
  'train-limit': { field: 'trainLimit', kind: 'number', help: 'use the first N training images' },
  'test-limit': { field: 'testLimit', kind: 'number', help: 'evaluate on the first N test images' },
  augment: { field: 'augment', kind: 'boolean', help: 'random crop + flip (default on; --no-augment)' },
  tta: { field: 'flipTTA', kind: 'boolean', help: 'flip test-time augmentation' },
  'readback-every': { field: 'readbackEvery', kind: 'number', help: 'read metrics back every N steps' },
  'max-steps': { field: 'maxSteps', kind: 'number', help: 'stop after N steps in total' },
};

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

/** Parses an integer flag in [min, max]. */
function parseIntFlag(flag: string, raw: string, min: number, max: number): number {
  const v = parseNumber(flag, raw);
  if (!Number.isInteger(v) || v < min || v > max)
    throw new Error(`--${flag} must be an integer from ${min} to ${max} (got ${raw})`);
  return v;
}

/** Parses a number flag value strictly ('1e-3', '0.25', '128'; not '', '12abc', '0x14'). */
function parseNumber(flag: string, raw: string): number {
  return parseCliNumber(flag, raw);
}

/** Splits argv into flag → value; `--x=v`, `--x v`, bare booleans and `--no-x`. */
function tokenize(argv: readonly string[], booleans: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') throw new Error(`unexpected argument '${arg}' (flags start with --)`);
    const eq = arg.indexOf('=');
    let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (name.startsWith('no-') && booleans.has(name.slice(3)) && value === undefined) {
      name = name.slice(3);
      value = 'false';
    } else if (booleans.has(name) && value === undefined) {
      const next = argv[i + 1];
      value = next === 'true' || next === 'false' ? (i++, next) : 'true';
    } else if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (out.has(name)) throw new Error(`--${name} given twice`);
    out.set(name, value);
  }
  return out;
}

/** Parses the shared flags; `extra` lists command-specific flags left in the returned map. */
function parseCommon(
  argv: readonly string[],
  extra: readonly string[],
  forbidden: readonly string[] = [],
): {
  config: TrainConfig;
  rest: Map<string, string>;
  backend: BackendName;
  out?: string;
  help: boolean;
} {
  const booleans = new Set(['augment', 'tta', 'help']);
  const tokens = tokenize(argv, booleans);
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG };
  const rest = new Map<string, string>();
  let backend: BackendName = 'wasm';
  let out: string | undefined;
  let help = false;
  for (const [name, raw] of tokens) {
    const flag = CONFIG_FLAGS[name];
    if (forbidden.includes(name)) throw new Error(`--${name} is not allowed here`);
    if (name === 'help') help = raw !== 'false';
    else if (name === 'out') out = raw;
    else if (name === 'backend') {
      if (!BACKENDS.includes(raw as BackendName))
        throw new Error(`--backend must be one of ${BACKENDS.join(', ')} (got '${raw}')`);
      backend = raw as BackendName;
    } else if (extra.includes(name)) rest.set(name, raw);
    else if (!flag) {
      const known = [...Object.keys(CONFIG_FLAGS), 'backend', 'out', 'help', ...extra].filter((k) => !forbidden.includes(k));
      throw new Error(`unknown flag --${name} (known: ${known.map((k) => `--${k}`).join(' ')})`);
    } else if (flag.kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new Error(`--${name} takes true or false (got '${raw}')`);
      (config as unknown as Record<string, unknown>)[flag.field] = raw === 'true';
    } else if (flag.kind === 'schedule') {
      if (raw !== 'onecycle' && raw !== 'cosine') throw new Error(`--schedule must be onecycle or cosine (got '${raw}')`);
      config.schedule = raw;
    } else if (flag.kind === 'architecture') {
      if (!MODEL_ARCHITECTURES.includes(raw as ModelArchitecture))
        throw new Error(`--arch must be one of ${MODEL_ARCHITECTURES.join(', ')} (got '${raw}')`);
      config.architecture = raw as ModelArchitecture;
    } else if (flag.kind === 'block') {
      if (raw !== 'basic' && raw !== 'bottleneck') throw new Error(`--block must be basic or bottleneck (got '${raw}')`);
      config.block = raw;
    } else {
      (config as unknown as Record<string, unknown>)[flag.field] = parseNumber(name, raw);
    }
  }
  try {
    validateTrainConfig(config);
  } catch (e) {
    // Name the flag rather than the field ("--lr must be …" reads better on a command line).
    const msg = (e as Error).message;
    const entry = Object.entries(CONFIG_FLAGS).find(([, f]) => msg.startsWith(`${f.field} `));
    throw new Error(entry ? `--${entry[0]}${msg.slice(entry[1].field.length)}` : msg, { cause: e });
  }
  return { config, rest, backend, out, help };
}

/**
 * Parses `npm run train -- …` arguments over DEFAULT_TRAIN_CONFIG.
 * @throws Error with a one-line reason on any bad flag or value.
 */
export function parseTrainArgs(argv: readonly string[]): TrainCliArgs {
  const { config, rest, backend, out, help } = parseCommon(argv, ['save-model']);
  const saveModel = rest.get('save-model');
  if (saveModel !== undefined && (saveModel === '' || saveModel === 'true')) {
    throw new Error('--save-model needs a folder (e.g. --save-model runs/model-d20)');
  }
  return { config, backend, out, help, saveModel };
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
  const { config, rest: extra, backend, out, help } = parseCommon(rest, ['alphas', 'seeds', 'jobs', 'shard'], ['alpha']);
  if (m >= 0 && !help) {
    if (!out) throw new Error('--merge needs --out FILE for the merged sweep');
    const clash = ['alphas', 'seeds', 'jobs', 'shard'].find((k) => extra.has(k));
    if (clash) throw new Error(`--${clash} cannot be combined with --merge (the files define the sweep)`);
  }
  const raw = extra.get('alphas') ?? '0,0.125,0.25,0.5';
  const alphas = raw.split(',').map((s) => parseNumber('alphas', s));
  for (const a of alphas) {
    try {
      validateRange('alpha', a);
    } catch {
      throw new Error(`--alphas values must be in [0, 1] (got ${a})`);
    }
  }
  if (new Set(alphas).size !== alphas.length) throw new Error(`--alphas has a repeated value (${raw})`);
  const nSeeds = parseIntFlag('seeds', extra.get('seeds') ?? '1', 1, MAX_SEEDS);
  const seeds = seedList(config.seed, nSeeds);
  try {
    validateRange('seed', seeds[seeds.length - 1]);
  } catch {
    throw new Error(`--seed ${config.seed} with --seeds ${nSeeds} runs past the largest seed ${2 ** 31 - 1}`);
  }
  const jobs = parseIntFlag('jobs', extra.get('jobs') ?? '1', 1, MAX_JOBS);
  const shardRaw = extra.get('shard');
  const shard = shardRaw === undefined ? null : parseShard(shardRaw);
  return { config, backend, out, help, alphas, seeds, jobs, shard, merge };
}

/** Help text listing every flag. */
export function usage(command: 'train' | 'sweep'): string {
  const lines = Object.entries(CONFIG_FLAGS)
    .filter(([k]) => !(command === 'sweep' && k === 'alpha'))
    .map(([k, f]) => `  --${k.padEnd(16)} ${f.help}`);
  if (command === 'train')
    lines.push(`  --${'save-model'.padEnd(16)} write model.json + weights.bin (tfjs format) to this folder`);
  if (command === 'sweep') {
    lines.unshift(
      `  --${'alphas'.padEnd(16)} comma-separated α values (default 0,0.125,0.25,0.5)`,
      `  --${'seeds'.padEnd(16)} runs per α, seeds --seed, --seed+1, … (default 1); the table shows 95 % intervals`,
      `  --${'jobs'.padEnd(16)} runs at once, one process each (default 1)`,
      `  --${'shard'.padEnd(16)} i/n: run only the i-th of n shares of the (α, seed) grid (0-based; a job array's index)`,
      `  --${'merge'.padEnd(16)} a.json b.json …: merge sweep files (shards) into --out, print the table; no training`,
    );
  }
  lines.push(
    `  --${'backend'.padEnd(16)} wasm (default) or cpu`,
    `  --${'out'.padEnd(16)} write the results as JSON to this file`,
  );
  return `usage: npm run ${command} -- [flags]\n${lines.join('\n')}`;
}
