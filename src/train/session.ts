/**
 * The worker's state machine: one backend, one dataset, the current model and at most one
 * running trainer. Implements {@link LabWorkerApi}; the Web Worker entry exposes it with comlink,
 * Node tests and the CLI use it in-process. DOM-free: data loading is injected.
 */
import * as tf from '@tensorflow/tfjs';
import { transfer } from 'comlink';
import { CLASS_NAMES, clearCifar10Cache, storageFigures, computeChannelStats, perClassCounts } from '../data/index';
import type { ChannelStats, Cifar10Dataset, LoadProgress } from '../data/types';
import { buildOctModel, countCost, createOctaveProbe, type OctaveProbe } from '../octconv/index';
import { modelConfigOf, type ModelFields } from './model-config';
import type { CostReport, OctaveLayerInfo } from '../octconv/types';
import { selectBackend } from './backend';
import { validateTrainConfig } from './config';
import { inspectImage, inspectTransferables } from './inspect';
import { assertUsableModel, checkModelName, loadStoredModel, modelFromFiles, modelToFiles, storeModel } from './model-io';
import type {
  BackendChoice,
  BackendName,
  DataProbe,
  DataProgress,
  DataSource,
  DataSummary,
  InspectOptions,
  InspectResult,
  LabWorkerApi,
  SavedModelFiles,
  SaveModelResult,
  StorageFigures,
  TrainConfig,
  TrainEvent,
} from './protocol';
import { NO_MODEL_MESSAGE } from './protocol';
import { watchDeviceLoss } from './device-loss';
import { runFrequencyJob } from '../frequency/index';
import type { FrequencyJobOptions, FrequencyProgress, FrequencyResults } from '../frequency/types';
import { Trainer } from './trainer';
import { makeBatchStreams } from './batch-streams';
import { RunModels } from './run-models';
export { EVAL_BATCH_SIZE, makeBatchStreams } from './batch-streams';

/** Loads CIFAR-10 from a DataSource (browser: URL/IndexedDB/files; Node: a folder). */
export type DataLoader = (
  source: DataSource,
  onProgress: (p: LoadProgress) => void,
) => Promise<{ dataset: Cifar10Dataset; origin: DataSummary['origin']; cache?: DataSummary['cache'] }>;

/** Injected dependencies of a session. */
export interface LabSessionOptions {
  loadData: DataLoader;
  /** Probes a data URL before loading (browser: src/data/probe.ts); without it nothing counts as cached. */
  probeData?: (baseUrl: string) => Promise<DataProbe>;
  /** Backend selection (default {@link selectBackend}). */
  selectBackend?: (preferred?: BackendName) => Promise<BackendChoice>;
}

/** See the file comment. Methods reject with an Error carrying a clear message. */
export class LabSession implements LabWorkerApi {
  private backend: BackendChoice | null = null;
  private dataset: Cifar10Dataset | null = null;
  private stats: ChannelStats | null = null;
  private model: tf.LayersModel | null = null;
  private probe: OctaveProbe | null = null;
  private trainer: Trainer | null = null;
  /** Set when the WebGPU device of the current backend was lost: no more work on it. */
  private deviceLost: string | null = null;
  private backendGeneration = 0;
  /** Cancels the running frequency job; null when none runs. */
  private frequencyJob: AbortController | null = null;
  /** Final weights of finished runs (this worker's and handed-in ones), for inspect({ runId }). */
  private readonly runModels = new RunModels();
  /** Run whose model is the current one (null after loadModel). */
  private currentRunId: string | null = null;

  /** @param options the data loader and (optionally) the backend selector. */
  constructor(private readonly options: LabSessionOptions) {}

  /** Probes and initialises a backend (kernel fixes first). @throws when `preferred` is unavailable. */
  async init(preferred?: BackendName): Promise<BackendChoice> {
    this.assertIdle('change the backend');
    this.backend = await (this.options.selectBackend ?? selectBackend)(preferred);
    const generation = ++this.backendGeneration;
    this.deviceLost = null;
    watchDeviceLoss((message) => {
      if (generation !== this.backendGeneration) return; // a device we no longer use
      this.deviceLost = message;
      this.trainer?.abort(message);
    });
    return this.backend;
  }

  /** Loads CIFAR-10 and computes the training split's channel statistics. */
  async loadData(source: DataSource, onProgress: (p: DataProgress) => void): Promise<DataSummary> {
    this.assertIdle('load data');
    const t0 = performance.now();
    const { dataset, origin, cache } = await this.options.loadData(source, onProgress);
    this.setDataset(dataset);
    return {
      trainCount: dataset.train.count,
      testCount: dataset.test.count,
      classNames: dataset.classNames.length === 10 ? dataset.classNames : [...CLASS_NAMES],
      trainPerClass: perClassCounts(dataset.train),
      testPerClass: perClassCounts(dataset.test),
      origin,
      loadMs: performance.now() - t0,
      ...(cache ? { cache } : {}),
    };
  }

  /**
   * Deletes every cached CIFAR-10 copy in this browser's IndexedDB; the loaded dataset stays.
   * @returns the storage figures afterwards. @throws Error when IndexedDB cannot be opened.
   */
  async clearDataCache(): Promise<StorageFigures> {
    await clearCifar10Cache();
    return storageFigures();
  }

  /** Whether `baseUrl` would load from the cache, else the bytes it would download (unknown: null). */
  async probeData(baseUrl: string): Promise<DataProbe> {
    return this.options.probeData ? this.options.probeData(baseUrl) : { cached: false, downloadBytes: null };
  }

  /** Uses an already loaded dataset (CLI, tests). */
  setDataset(dataset: Cifar10Dataset): void {
    this.dataset = dataset;
    this.stats = computeChannelStats(dataset.train);
  }

  /** Cost of a config (params, MACs, activations), no training. */
  async cost(config: ModelFields): Promise<CostReport> {
    return countCost(modelConfigOf(config, 0));
  }

  /**
   * Builds a fresh model for `config` and trains it; resolves when the run ends. Events go to
   * `onEvent`. @throws Error (rejects) when the config is invalid, no backend/data is ready, or a
   * run is already active.
   */
  async start(runId: string, config: TrainConfig, onEvent: (e: TrainEvent) => void): Promise<void> {
    validateTrainConfig(config);
    this.assertIdle('start a run');
    if (!this.backend) throw new Error('no backend: call init() first');
    if (this.deviceLost) throw new Error(this.deviceLost);
    if (!this.dataset || !this.stats) throw new Error('no data: call loadData() first');
    const { train, test } = makeBatchStreams(this.dataset, this.stats, config);
    const model = buildOctModel(modelConfigOf(config, config.seed));
    this.replaceModel(model);
    this.currentRunId = runId;
    const trainer = new Trainer({ runId, config, model, train, test, onEvent });
    this.trainer = trainer;
    try {
      await trainer.run();
    } finally {
      this.trainer = null;
    }
    // Keep the final weights so the run stays inspectable (inspect({ runId })). After a device loss, or
    // if they cannot be read, the run is not kept: the page lists it as not inspectable (InspectRunPicker).
    if (this.model !== model || this.deviceLost) return;
    await modelToFiles(model).then(
      (files) => this.runModels.keep(runId, files),
      () => undefined,
    );
  }

  /** Pauses the running trainer at the next step boundary. */
  async pause(): Promise<void> {
    this.trainer?.pause();
  }

  /** Resumes a paused run. */
  async resume(): Promise<void> {
    this.trainer?.resume();
  }

  /** Stops the run at the next step boundary; the final evaluation still runs. */
  async stop(): Promise<void> {
    this.trainer?.stop();
  }

  /**
   * Activations of the current model for test image `imageIndex` (typed arrays, transferred).
   * @throws Error when there is no model or data, or the index/layer names are invalid.
   */
  async inspect(imageIndex: number, options?: InspectOptions): Promise<InspectResult> {
    if (this.deviceLost) throw new Error(this.deviceLost);
    const runId = options?.runId;
    if (!this.dataset || !this.stats) throw new Error('no data: call loadData() first');
    if (runId !== undefined && runId !== this.currentRunId) {
      const kept = await this.runModels.inspect(runId, this.dataset.test, this.stats, imageIndex, options);
      return transfer(kept, inspectTransferables(kept));
    }
    if (!this.model || !this.probe) throw new Error(`${NO_MODEL_MESSAGE}: start a run or load a model first`);
    const result = await inspectImage(this.model, this.probe, this.dataset.test, this.stats, imageIndex, options);
    return transfer(result, inspectTransferables(result));
  }

  /** The final weights of a run finished in this worker (or handed in), or null; a copy is transferred. */
  async runWeights(runId: string): Promise<SavedModelFiles | null> {
    const copy = this.runModels.copy(runId);
    return copy && transfer(copy, [copy.weights]);
  }

  /** Keeps a run's final weights here (from another worker or the page's store). @throws Error on malformed files. */
  async keepRunWeights(runId: string, files: SavedModelFiles): Promise<void> {
    this.runModels.keep(runId, files);
  }

  /** Forgets runs' kept weights and frees their rebuilt models (unknown ids are ignored). */
  async forgetRunWeights(runIds: string[]): Promise<void> {
    this.runModels.forget(runIds);
  }

  /**
   * The current model as model.json + weights.bin, also stored in IndexedDB where available;
   * `storedInBrowser` says whether the stored copy was read back intact (else `notStoredReason`).
   */
  async saveModel(name: string): Promise<SaveModelResult> {
    checkModelName(name);
    if (!this.model) throw new Error('no model to save: train or load one first');
    const files = await modelToFiles(this.model);
    const kept = await storeModel(this.model, name, files.weights);
    const result: SaveModelResult = { ...files, storedInBrowser: kept.stored, notStoredReason: kept.stored ? null : kept.reason };
    return transfer(result, [files.weights]);
  }

  /**
   * Loads a saved model (by IndexedDB name or from files); it becomes the current model only once
   * it is fully validated (lab input/output shapes, finite weights, octave metadata): a rejected
   * file leaves the current model untouched.
   * @throws Error naming the problem, ending "the current model is kept".
   */
  async loadModel(source: { name: string } | SavedModelFiles): Promise<OctaveLayerInfo[]> {
    this.assertIdle('load a model');
    let model: tf.LayersModel | null = null;
    let probe: OctaveProbe;
    try {
      model = 'modelJson' in source ? await modelFromFiles(source) : await loadStoredModel(source.name);
      await assertUsableModel(model);
      probe = createOctaveProbe(model);
    } catch (e) {
      model?.dispose();
      const kept = this.model ? '; the current model is kept' : '';
      throw new Error(`${(e as Error).message}${kept}`, { cause: e });
    }
    this.replaceModel(model, probe);
    this.currentRunId = null;
    return probe.layers;
  }

  /**
   * Runs frequency experiments on the current model (see src/frequency/report.ts).
   * @throws Error (rejects) with no model or data, while a run trains or another job runs, on bad
   *   options, or with 'frequency job cancelled' after cancelFrequency().
   */
  async frequency(options: FrequencyJobOptions, onProgress: (p: FrequencyProgress) => void): Promise<FrequencyResults> {
    if (this.deviceLost) throw new Error(this.deviceLost);
    this.assertIdle('run a frequency job');
    if (!this.model) throw new Error('no model yet: train or load a model first');
    if (!this.dataset || !this.stats) throw new Error('no data: call loadData() first');
    const job = new AbortController();
    this.frequencyJob = job;
    try {
      return await runFrequencyJob(this.model, this.dataset.test, this.stats, options, { signal: job.signal, onProgress });
    } finally {
      this.frequencyJob = null;
    }
  }

  /** Cancels the running frequency job at its next batch. */
  async cancelFrequency(): Promise<void> {
    this.frequencyJob?.abort();
  }

  /** The current model (CLI and tests); null before the first run/load. */
  get currentModel(): tf.LayersModel | null {
    return this.model;
  }

  /** Frees the model (the dataset is plain memory). */
  dispose(): void {
    this.trainer?.stop();
    this.replaceModel(null);
    this.runModels.dispose();
  }

  /** Swaps in `model` (its probe built here unless given), then frees the previous one. */
  private replaceModel(model: tf.LayersModel | null, probe?: OctaveProbe): void {
    const next = probe ?? (model ? createOctaveProbe(model) : null);
    this.probe?.dispose();
    this.model?.dispose();
    this.model = model;
    this.probe = next;
  }

  private assertIdle(action: string): void {
    if (this.trainer) throw new Error(`cannot ${action} while a run is active: stop it first`);
    if (this.frequencyJob) throw new Error(`cannot ${action} while a frequency job runs: cancel it first`);
  }
}
