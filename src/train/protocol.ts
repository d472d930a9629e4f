/**
 * The typed protocol between the lab page and the training worker (DOM-free). The page only
 * ever sees these plain, structured-clonable objects — never tensors. The worker implements
 * {@link LabWorkerApi} and exposes it with comlink; the page wraps the worker with
 * `comlink.wrap<LabWorkerApi>()` and passes callbacks through `comlink.proxy`. A Node
 * in-process or worker_threads adapter implements the same interface for tests and the CLI.
 */
import type { BlockKind, CostReport, OctaveLayerInfo } from '../octconv/types';
import type { BranchSpectrum, FeatureMap } from '../spectra/types';
import type { CacheReport, LoadProgress, UrlProbe } from '../data/types';
import type { FrequencyJobOptions, FrequencyProgress, FrequencyResults } from '../frequency/types';

export type { FrequencyJobOptions, FrequencyProgress, FrequencyResults } from '../frequency/types';

/** tfjs backends the lab can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
/** Every backend name, in the order the lab ranks them on a real GPU (src/train/backend.ts). */
export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
/** How the message of inspect()'s error starts while the worker holds no model yet (not a fault). */
export const NO_MODEL_MESSAGE = 'no model yet';

/** One probed backend. */
export interface BackendCandidate {
  name: BackendName;
  available: boolean;
  /** True for a software GPU (fallback adapter, SwiftShader, llvmpipe): 20–35× slower than WASM. */
  software: boolean;
  /** Human-readable detail: adapter/renderer name, or why it is unavailable. */
  detail: string;
}

/** The chosen backend, why, and every candidate's status (for the backend indicator). */
export interface BackendChoice {
  name: BackendName;
  reason: string;
  candidates: BackendCandidate[];
  /** True when the user forced this backend. */
  manual: boolean;
}

/** Learning-rate schedule (docs/architecture.md §6). */
export type LrSchedule = 'onecycle' | 'cosine';

/**
 * Model family of a run: 'resnet' (Oct-ResNet of `depth`/`block`, the default) or Oct-MobileNet
 * v1/v2 (paper Table 1) with the CIFAR stem; MobileNets use `widthMultiplier` and `alpha` only.
 */
export type ModelArchitecture = 'resnet' | 'mobilenet-v1' | 'mobilenet-v2';

/** Everything that defines a training run. Plain data: goes in the URL, the runs table and JSON. */
export interface TrainConfig {
  /** Model family; absent = 'resnet'. */
  architecture?: ModelArchitecture;
  depth: number;
  widthMultiplier: number;
  alpha: number;
  block: BlockKind;
  epochs: number;
  batchSize: number;
  /** Peak learning rate. */
  learningRate: number;
  momentum: number;
  weightDecay: number;
  labelSmoothing: number;
  schedule: LrSchedule;
  seed: number;
  /** Use only the first N training images (after a seeded shuffle); undefined = all 50,000. */
  trainLimit?: number;
  /** Evaluate on the first N test images; undefined = all 10,000. */
  testLimit?: number;
  /** Random crop (pad 4) + horizontal flip per batch. */
  augment: boolean;
  /** Average predictions of the image and its mirror at evaluation. */
  flipTTA: boolean;
  /** Read metrics back from the device every N steps (never every step). */
  readbackEvery: number;
  /** Stop after this many steps in total (undefined = run all epochs); for demos and tests. */
  maxSteps?: number;
}

/** Where the worker gets CIFAR-10 from. */
export type DataSource = { kind: 'url'; baseUrl: string } | { kind: 'files'; files: File[] };

/** What loading from a URL would do (cached copy, or a download of so many bytes), asked before loading. */
export type DataProbe = UrlProbe;

/** Data load progress (bytes), for the data panel's progress bar. */
export type DataProgress = LoadProgress;

/** What the worker reports once CIFAR-10 is loaded. */
export interface DataSummary {
  trainCount: number;
  testCount: number;
  classNames: string[];
  /** Per-class counts of the train and test splits. */
  trainPerClass: number[];
  testPerClass: number[];
  /** Where it came from: 'network', 'cache' (IndexedDB) or 'files'. */
  origin: 'network' | 'cache' | 'files';
  loadMs: number;
  /** What happened with the browser's dataset cache (URL loads only). */
  cache?: CacheReport;
}

/** The site's storage figures after clearing the dataset cache (navigator.storage.estimate), bytes. */
export interface StorageFigures {
  usageBytes?: number;
  quotaBytes?: number;
}

/** Evaluation results on the test split. */
export interface EvalMetrics {
  loss: number;
  top1: number;
  top5: number;
  perClassAccuracy: number[];
  /** confusion[trueClass][predictedClass] = count. Rows sum to the per-class test counts. */
  confusion: number[][];
  count: number;
}

/** Metrics of one finished epoch (the 'epoch' event without its type and run id). */
export interface EpochMetrics {
  epoch: number;
  step: number;
  trainLoss: number;
  trainAccuracy: number;
  test: EvalMetrics;
  imagesPerSecond: number;
  elapsedMs: number;
}

/** Events streamed from the trainer. Plain serialisable objects, never tensors. */
export type TrainEvent =
  | {
      type: 'step';
      runId: string;
      step: number;
      epoch: number;
      /** Running mean of the train loss since the last readback. */
      loss: number;
      /** Running train top-1 since the last readback, in [0, 1]. */
      accuracy: number;
      learningRate: number;
      imagesPerSecond: number;
      elapsedMs: number;
    }
  | ({ type: 'epoch'; runId: string } & EpochMetrics)
  | { type: 'state'; runId: string; state: 'running' | 'paused' | 'stopping' }
  | {
      type: 'done';
      runId: string;
      /**
       * 'completed', 'stopped' by the user, or 'diverged' (exploding/non-finite loss, or test
       * top-1 at or below chance: see src/train/divergence.ts). Final metrics are still evaluated.
       */
      reason: 'completed' | 'stopped' | 'diverged';
      /** Plain-language reason and hint of a 'diverged' run. */
      message?: string;
      step: number;
      test: EvalMetrics;
      imagesPerSecond: number;
      elapsedMs: number;
      /** Time from start() to the end of the first training step (ms). */
      firstStepMs: number;
    }
  | { type: 'error'; runId: string; message: string; step: number };

/** A float feature map sent to the page (defined with the spectra that analyse it). */
export type { FeatureMap } from '../spectra/types';

/** One octave layer's activations for one image (high at full, low at half resolution). */
export interface LayerActivations {
  info: OctaveLayerInfo;
  high: FeatureMap | null;
  low: FeatureMap | null;
  /** Spectra of each branch, when requested (computed in the worker with src/spectra). */
  spectra?: { high: BranchSpectrum | null; low: BranchSpectrum | null };
}

/** Options of an inspect request. */
export interface InspectOptions {
  /** Only these layers (default: all octave layers). */
  layerNames?: string[];
  /** Also compute the spectra (default false). */
  spectra?: boolean;
  /** Remove each channel's mean before the FFT so DC does not dominate (default true). */
  removeMean?: boolean;
  /** Low-frequency cut-off in cycles/pixel of the input grid (default 0.125). */
  cutoff?: number;
  /**
   * Inspect the final model of this finished run instead of the current model: a run finished in
   * this worker, or one whose weights were handed in with keepRunWeights (default: current model).
   */
  runId?: string;
}

/** Answer to an inspect request: the image, its label, the model's prediction and the maps. */
export interface InspectResult {
  imageIndex: number;
  /** The raw test image, uint8 NHWC [32, 32, 3]. */
  image: Uint8Array;
  label: number;
  predicted: number;
  probabilities: number[];
  layers: LayerActivations[];
  /** Wall time of the request inside the worker (ms). */
  latencyMs: number;
}

/** Artifacts of a saved model in the standard tfjs format (model.json + weights.bin). */
export interface SavedModelFiles {
  modelJson: string;
  weights: ArrayBuffer;
}

/** What saveModel did: the files, and whether this browser really kept the model under its name. */
export interface SaveModelResult extends SavedModelFiles {
  /** True only when the copy in IndexedDB was read back equal to the files. */
  storedInBrowser: boolean;
  /** Why it was not kept (quota exhausted, no IndexedDB, …); null when stored. */
  notStoredReason: string | null;
}

/** The worker's API (exposed with comlink). Methods reject with an Error carrying a clear message. */
export interface LabWorkerApi {
  /** Probe and pick a backend (or force `preferred`); registers the kernel fixes first. */
  init(preferred?: BackendName): Promise<BackendChoice>;
  /** Load CIFAR-10 (cache first, then network or the given files), reporting progress. */
  loadData(source: DataSource, onProgress: (p: DataProgress) => void): Promise<DataSummary>;
  /** Delete the cached CIFAR-10 (IndexedDB); the loaded data stays in use. */
  clearDataCache(): Promise<StorageFigures>;
  /** Whether `baseUrl` would load from this browser's cache, else how many bytes it would download. */
  probeData(baseUrl: string): Promise<DataProbe>;
  /** Cost of a config without training (for the cost panel). */
  cost(config: Pick<TrainConfig, 'architecture' | 'depth' | 'widthMultiplier' | 'alpha' | 'block'>): Promise<CostReport>;
  /** Train; resolves when the run ends (done, stopped or error are also sent as events). */
  start(runId: string, config: TrainConfig, onEvent: (e: TrainEvent) => void): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stop at the next step boundary (final evaluation still runs). */
  stop(): Promise<void>;
  /** Activations of the current (or last trained) model for test image `imageIndex`. */
  inspect(imageIndex: number, options?: InspectOptions): Promise<InspectResult>;
  /** The current model in the standard tfjs format; also stored in IndexedDB under `name`. */
  saveModel(name: string): Promise<SaveModelResult>;
  /** Load a model saved by saveModel (from IndexedDB by name, or from files). */
  loadModel(source: { name: string } | SavedModelFiles): Promise<OctaveLayerInfo[]>;
  /**
   * Frequency experiments on the current model (band-limited accuracy, branch ablation, Fourier
   * sensitivity map; src/frequency) as a background job with progress; one job at a time, not
   * while a run trains. Rejects with 'frequency job cancelled' after cancelFrequency().
   */
  frequency(options: FrequencyJobOptions, onProgress: (p: FrequencyProgress) => void): Promise<FrequencyResults>;
  /** Cancels the running frequency job (no-op when none runs). */
  cancelFrequency(): Promise<void>;
  /** Final weights (tfjs files) of a run that finished in this worker or was handed in; null if none. */
  runWeights(runId: string): Promise<SavedModelFiles | null>;
  /** Keeps a run's final weights in this worker (from another worker or storage) for inspect({ runId }). */
  keepRunWeights(runId: string, files: SavedModelFiles): Promise<void>;
  /** Forgets kept weights of runs (deleted runs); unknown ids are ignored. */
  forgetRunWeights(runIds: string[]): Promise<void>;
}
