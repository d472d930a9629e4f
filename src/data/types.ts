/**
 * Shared types of the CIFAR-10 data layer (DOM-free, no tfjs).
 */

/** Side length of a CIFAR-10 image (pixels). */
export const CIFAR10_SIZE = 32;
/** Colour channels (R, G, B). */
export const CIFAR10_CHANNELS = 3;
/** Bytes per record in the binary version: 1 label byte + 3,072 pixel bytes. */
export const CIFAR10_RECORD_BYTES = 1 + CIFAR10_SIZE * CIFAR10_SIZE * CIFAR10_CHANNELS;
/** Number of classes. */
export const CIFAR10_CLASSES = 10;

/** One split held as bytes: images NHWC uint8 [count, 32, 32, 3], labels uint8 [count]. */
export interface Cifar10Split {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** The whole dataset: 50,000 train + 10,000 test as uint8 (≈184 MB), class names from the meta file. */
export interface Cifar10Dataset {
  train: Cifar10Split;
  test: Cifar10Split;
  classNames: string[];
}

/** Per-channel statistics on the [0, 1] scale (R, G, B). */
export interface ChannelStats {
  mean: [number, number, number];
  std: [number, number, number];
}

/** Progress of a load: bytes done / total (total may be 0 when unknown), and a phase label. */
export interface LoadProgress {
  phase: 'download' | 'cache' | 'parse' | 'done';
  loadedBytes: number;
  totalBytes: number;
  /** Which file, when known. */
  file?: string;
}

/**
 * What happened with the browser's dataset cache on a load (IndexedDB, see src/data/cache.ts):
 * 'hit' = served from the cache; 'stored' = downloaded and now cached; 'not-stored' = downloaded
 * but not cached, `reason` says why (quota, private mode, value too large, unverifiable files…).
 */
export interface CacheReport {
  state: 'hit' | 'stored' | 'not-stored';
  /** Why the data is not cached ('not-stored'), or a remark on a hit (e.g. no manifest to compare). */
  reason?: string;
  /** The site's storage use and quota after the attempt (navigator.storage.estimate), bytes. */
  usageBytes?: number;
  quotaBytes?: number;
  /** Time to write ('stored') or read ('hit') the cache, ms. */
  ms?: number;
}

/** What a URL load would do (src/data/probe.ts): served from the cache, or a download of this size. */
export interface UrlProbe {
  /** A current copy is cached in this browser: loading reads it, no download. */
  cached: boolean;
  /** Bytes a download would fetch (the manifest's sizes); null when the server sends no manifest. */
  downloadBytes: number | null;
}
