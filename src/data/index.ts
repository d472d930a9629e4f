/**
 * Public face of the CIFAR-10 data layer (DOM-free and Node-free: page, Web Worker, Node).
 * Parsing needs no tfjs; batching (./batches) uses tfjs. Node-only loading lives in ./node
 * (import it directly from scripts and tests, never from here).
 */
export * from './types';
export { CLASS_NAMES, parseBatchFile, parseMetaFile, countRecords, decodeBatchInto } from './parse';
export {
  TRAIN_FILES,
  TEST_FILE,
  META_FILE,
  CIFAR10_FILES,
  ARCHIVE_FILE,
  ARCHIVE_URL,
  ARCHIVE_MD5,
  RECORDS_PER_FILE,
  DATA_COMMAND_HELP,
} from './files';
export { extractCifar10Archive } from './archive';
export { assembleCifar10, assembleCollected, collectCifar10Files, type NamedBytes, type AssembleOptions } from './assemble';
export { perClassCounts, computeChannelStats, takeSubset } from './stats';
export { createRng, mixSeed, shuffledIndices, type Rng } from './rng';
export { applyCropFlip, sampleAugmentParams, CROP_PADDING, type AugmentParams } from './augment';
export { createBatchStream, type Batch, type BatchStream, type BatchStreamOptions } from './batches';
export { loadCifar10FromUrl, loadCifar10FromFiles, clearCifar10Cache, type LoadOptions, type UrlLoadResult } from './browser';
export { fileReadError, readChosenFile } from './fileRead';
export { storageFigures, CACHE_CHUNK_BYTES } from './cache';
export { probeCifar10Url } from './probe';
