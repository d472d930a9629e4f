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
