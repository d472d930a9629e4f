/**
 * Command-line parsing of `npm run train` and `npm run sweep` (scripts/train.ts, scripts/sweep.ts).
 * Pure and DOM-free: turns argv into a validated TrainConfig, or throws an Error with a one-line
 * reason (unknown flag, missing or malformed value, out-of-range value).
 */
import { DEFAULT_TRAIN_CONFIG, validateRange, validateTrainConfig } from './config';
import { parseCliNumber } from './cli-number';
import { BACKEND_NAMES as BACKENDS, type BackendName, type ModelArchitecture, type TrainConfig } from './protocol';
import { MODEL_ARCHITECTURES } from './model-config';

/** A flag that sets one TrainConfig field. */
interface ConfigFlag {
  field: keyof TrainConfig;
  kind: 'number' | 'boolean' | 'schedule' | 'block' | 'architecture';
  help: string;
}

/** Flags shared by train and sweep, mapped to TrainConfig fields. */
export const CONFIG_FLAGS: Readonly<Record<string, ConfigFlag>> = {
  arch: { field: 'architecture', kind: 'architecture', help: "'resnet' (default), 'mobilenet-v1' or 'mobilenet-v2' (CIFAR stem; uses --width, --alpha)" },
  depth: { field: 'depth', kind: 'number', help: 'network depth: 6n+2 (8, 14, 20, 32, 56) or 18/34, or 50/101/152 with --block bottleneck' },
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

/** Parsed `npm run sweep` arguments: the base config and the α values to run it at. */
export interface SweepArgs extends TrainArgs {
  alphas: number[];
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
function parseCommon(argv: readonly string[], extra: readonly string[], forbidden: readonly string[] = []): {
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
      if (!BACKENDS.includes(raw as BackendName)) throw new Error(`--backend must be one of ${BACKENDS.join(', ')} (got '${raw}')`);
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
      if (!MODEL_ARCHITECTURES.includes(raw as ModelArchitecture)) throw new Error(`--arch must be one of ${MODEL_ARCHITECTURES.join(', ')} (got '${raw}')`);
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
 * Parses `npm run sweep -- --alphas 0,0.125,0.25,0.5 …`; `--alpha` is not allowed (use --alphas).
 * Default α list: 0, 0.125, 0.25, 0.5.
 * @throws Error on a bad flag, an empty/malformed list, an α outside [0, 1] or a repeated α.
 */
export function parseSweepArgs(argv: readonly string[]): SweepArgs {
  const { config, rest, backend, out, help } = parseCommon(argv, ['alphas'], ['alpha']);
  const raw = rest.get('alphas') ?? '0,0.125,0.25,0.5';
  const alphas = raw.split(',').map((s) => parseNumber('alphas', s));
  for (const a of alphas) {
    try {
      validateRange('alpha', a);
    } catch {
      throw new Error(`--alphas values must be in [0, 1] (got ${a})`);
    }
  }
  if (new Set(alphas).size !== alphas.length) throw new Error(`--alphas has a repeated value (${raw})`);
  return { config, backend, out, help, alphas };
}

/** Help text listing every flag. */
export function usage(command: 'train' | 'sweep'): string {
  const lines = Object.entries(CONFIG_FLAGS)
    .filter(([k]) => !(command === 'sweep' && k === 'alpha'))
    .map(([k, f]) => `  --${k.padEnd(16)} ${f.help}`);
  if (command === 'train') lines.push(`  --${'save-model'.padEnd(16)} write model.json + weights.bin (tfjs format) to this folder`);
  if (command === 'sweep') lines.unshift(`  --${'alphas'.padEnd(16)} comma-separated α values (default 0,0.125,0.25,0.5)`);
  lines.push(`  --${'backend'.padEnd(16)} wasm (default) or cpu`, `  --${'out'.padEnd(16)} write the results as JSON to this file`);
  return `usage: npm run ${command} -- [flags]\n${lines.join('\n')}`;
}
