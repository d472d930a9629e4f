/**
 * The ONE declared schema of the lab state (TensorFlow Playground style, STYLE.md): each entry
 * gives a URL parameter's name, type, default, allowed range and a one-line doc. It drives URL
 * parsing and serialising (./labUrl.ts), validation with visible notices, defaults, and the
 * `<name>_hide` parameters that hide controls for a lecture. Numeric ranges and defaults of the
 * training fields are reused from the engine (TRAIN_CONFIG_RANGES, DEFAULT_TRAIN_CONFIG), so the
 * page, the worker and the CLI agree. DOM-free.
 */
import type { BackendName, ModelArchitecture, TrainConfig } from '../../train/protocol';
import { BACKEND_NAMES, DEFAULT_TRAIN_CONFIG, TRAIN_CONFIG_RANGES, type NumericRange } from '../../train/face';
import { INSPECT_EVERY_STEPS_DEFAULT } from '../lib/cadence';
import { LESSON_STEPS } from '../lesson/lessonSteps';
import { LANGUAGES, type LanguageChoice } from '../i18n/language';

/** Backend choice in the URL: 'auto' lets the worker rank the candidates (docs/architecture.md §1.2). */
export type BackendPreference = 'auto' | BackendName;
/** X axis of the live charts. */
export type ChartXAxis = 'step' | 'epoch' | 'time';
/** Colour theme ('auto' follows prefers-color-scheme). */
export type ThemeChoice = 'auto' | 'light' | 'dark';

/** Training fields of TrainConfig whose "absent" is written as null in the lab state. */
type OptionalTrainField = 'trainLimit' | 'testLimit' | 'maxSteps';

/** The whole lab state: the TrainConfig fields (same names), plus the page's own fields. */
export interface LabState extends Omit<TrainConfig, OptionalTrainField | 'architecture'> {
  /** Model family (TrainConfig's optional field, always set here). */
  architecture: ModelArchitecture;
  /** null = all 50,000 training images. */
  trainLimit: number | null;
  /** null = all 10,000 test images. */
  testLimit: number | null;
  /** null = run all epochs. */
  maxSteps: number | null;
  backend: BackendPreference;
  x: ChartXAxis;
  /** α values of a sweep (paper Table 2 style ablation). */
  sweep: number[];
  /** Seeds per α in a sweep (repeats give the error bars). */
  repeats: number;
  theme: ThemeChoice;
  presenter: boolean;
  /** Refresh the octave views every N training steps. */
  inspectEvery: number;
  /** Test image shown in "Inspect the octaves". */
  image: number;
  /** Step of the guided lesson shown (1-based); 0 = no lesson. */
  lesson: number;
  /** Page language ('auto' follows the browser's languages). */
  lang: LanguageChoice;
}

/** Schema entry of a number (optional ⇒ null allowed, written as an absent parameter). */
export interface NumberSpec {
  kind: 'number';
  range: NumericRange;
  default: number | null;
  optional?: boolean;
  doc: string;
}
/** Schema entry of a value from a fixed list. */
export interface EnumSpec {
  kind: 'enum';
  options: readonly string[];
  default: string;
  doc: string;
}
/** Schema entry of a boolean ('1'/'true'/'0'/'false' in the URL). */
export interface BooleanSpec {
  kind: 'boolean';
  default: boolean;
  doc: string;
}
/** Schema entry of a comma-separated list of numbers. */
export interface NumberListSpec {
  kind: 'numberList';
  range: NumericRange;
  maxLength: number;
  default: number[];
  doc: string;
}
/** Any schema entry. */
export type ParamSpec = NumberSpec | EnumSpec | BooleanSpec | NumberListSpec;

const D = DEFAULT_TRAIN_CONFIG;
const R = TRAIN_CONFIG_RANGES;

/** The schema: one entry per LabState field (the key is the URL parameter name). */
export const LAB_SCHEMA: { readonly [K in keyof LabState]: ParamSpec } = {
  architecture: {
    kind: 'enum',
    options: ['resnet', 'mobilenet-v1', 'mobilenet-v2'],
    default: 'resnet',
    doc: 'model family: Oct-ResNet, or Oct-MobileNet v1/v2 with the CIFAR stem (paper Table 1)',
  },
  alpha: { kind: 'number', range: R.alpha, default: D.alpha, doc: 'ratio α of low-frequency channels (paper §3.1)' },
  depth: {
    kind: 'number',
    range: R.depth,
    default: D.depth,
    doc: 'ResNet depth: 6n+2 or 18/34 (basic) or 50/101/152 (bottleneck)',
  },
  widthMultiplier: {
    kind: 'number',
    range: R.widthMultiplier,
    default: D.widthMultiplier,
    doc: 'width k: stages of 16k/32k/64k channels',
  },
  block: { kind: 'enum', options: ['basic', 'bottleneck'], default: D.block, doc: 'residual block kind' },
  epochs: { kind: 'number', range: R.epochs, default: D.epochs, doc: 'passes over the training set' },
  batchSize: { kind: 'number', range: R.batchSize, default: D.batchSize, doc: 'images per step' },
  learningRate: { kind: 'number', range: R.learningRate, default: D.learningRate, doc: 'peak learning rate' },
  momentum: { kind: 'number', range: R.momentum, default: D.momentum, doc: 'Nesterov momentum' },
  weightDecay: { kind: 'number', range: R.weightDecay, default: D.weightDecay, doc: 'L2 on conv/dense kernels' },
  labelSmoothing: { kind: 'number', range: R.labelSmoothing, default: D.labelSmoothing, doc: 'label smoothing ε' },
  schedule: { kind: 'enum', options: ['onecycle', 'cosine'], default: D.schedule, doc: 'learning-rate schedule' },
  seed: { kind: 'number', range: R.seed, default: D.seed, doc: 'seed of data order, init and augmentation' },
  augment: { kind: 'boolean', default: D.augment, doc: 'random crop (pad 4) + horizontal flip' },
  flipTTA: { kind: 'boolean', default: D.flipTTA, doc: 'average with the mirrored image at test time' },
  readbackEvery: { kind: 'number', range: R.readbackEvery, default: D.readbackEvery, doc: 'read metrics back every N steps' },
  trainLimit: {
    kind: 'number',
    range: R.trainLimit,
    default: D.trainLimit ?? null,
    optional: true,
    doc: 'use only N training images',
  },
  testLimit: {
    kind: 'number',
    range: R.testLimit,
    default: D.testLimit ?? null,
    optional: true,
    doc: 'evaluate on N test images',
  },
  maxSteps: { kind: 'number', range: R.maxSteps, default: D.maxSteps ?? null, optional: true, doc: 'stop after N steps' },
  backend: { kind: 'enum', options: ['auto', ...BACKEND_NAMES], default: 'auto', doc: 'tfjs backend (auto = best available)' },
  x: { kind: 'enum', options: ['step', 'epoch', 'time'], default: 'step', doc: 'x axis of the live charts' },
  sweep: {
    kind: 'numberList',
    range: R.alpha,
    maxLength: 16,
    default: [0, 0.125, 0.25, 0.5, 0.75],
    doc: 'α values of a sweep',
  },
  repeats: {
    kind: 'number',
    range: { min: 1, max: 20, integer: true },
    default: 1,
    doc: 'seeds per α in a sweep (error bars need ≥ 2)',
  },
  theme: { kind: 'enum', options: ['auto', 'light', 'dark'], default: 'auto', doc: 'colour theme' },
  presenter: { kind: 'boolean', default: false, doc: 'presenter mode: large type, controls hidden' },
  inspectEvery: {
    kind: 'number',
    range: { min: 1, max: 100_000, integer: true },
    default: INSPECT_EVERY_STEPS_DEFAULT,
    doc: 'refresh the octave views every N steps',
  },
  image: { kind: 'number', range: { min: 0, max: 9_999, integer: true }, default: 0, doc: 'test image to inspect' },
  lesson: {
    kind: 'number',
    range: { min: 0, max: LESSON_STEPS.length, integer: true },
    default: 0,
    doc: 'step of the guided lesson to show (0 = none)',
  },
  lang: {
    kind: 'enum',
    options: ['auto', ...LANGUAGES],
    default: 'auto',
    doc: 'page language: en or zh-CN (auto = the browser’s languages)',
  },
};

/** The URL parameter names, in schema order. */
export const LAB_PARAM_NAMES = Object.keys(LAB_SCHEMA) as (keyof LabState)[];

/** The default lab state, built from the schema. */
export function defaultLabState(): LabState {
  const s: Record<string, unknown> = {};
  for (const name of LAB_PARAM_NAMES) {
    const d = LAB_SCHEMA[name].default;
    s[name] = Array.isArray(d) ? [...d] : d;
  }
  return s as unknown as LabState;
}

/** The paper's α ticks (Table 1/2): 0, 1/8, …, 1 — the slider's tick marks. */
export const ALPHA_TICKS: readonly number[] = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1];

/** Depth options offered by the depth control for basic blocks (6n+2). */
export const BASIC_DEPTHS: readonly number[] = [8, 14, 20, 32, 44, 56, 110];
