/**
 * Public face of the training engine (DOM-free): configs, backend selection, the trainer and its
 * metrics, the worker session and its protocol. Browser-only entries (worker.ts,
 * wasm-paths.browser.ts, loaders.browser.ts) and Node-only helpers (node.ts) are imported directly.
 */
// The tfjs-free part (protocol, configs, schedules, sweep statistics) — what the page may import.
export * from './face';
export {
  probeBackends,
  rankBackends,
  backendRank,
  selectBackend,
  initBackend,
  isSoftwareRenderer,
  explainChoice,
  detectEnvironment,
  type BackendEnvironment,
  type AdapterLike,
} from './backend';
export { EvalAccumulator, metricsFromCounts, logProbabilities } from './metrics';
export {
  Trainer,
  evaluate,
  sgdStep,
  trainableParams,
  type Batch,
  type BatchSource,
  type TrainerOptions,
  type TrainerState,
} from './trainer';
export { LabSession, makeBatchStreams, EVAL_BATCH_SIZE, type DataLoader, type LabSessionOptions } from './session';
export { modelToFiles, modelFromFiles, MODEL_STORE_PREFIX, checkModelName } from './model-io';
export { inspectImage, inspectTransferables } from './inspect';
export { MODEL_ARCHITECTURES, modelConfigOf, modelName, validateArchitecture, type ModelFields } from './model-config';
export { RunRecorder, type RunRecord, type EpochRecord } from './run-record';
