/**
 * Mini-batches on the tfjs side: seeded shuffle per epoch, augmentation on the device per batch,
 * normalisation by per-channel mean/std. The split stays uint8 on the CPU; each batch is gathered
 * as a uint8 slice [B,32,32,3] and only then becomes a float32 tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { applyCropFlip, sampleAugmentParams } from './augment';
import { createRng, mixSeed, shuffledIndices } from './rng';
import { CIFAR10_CHANNELS, CIFAR10_SIZE, type ChannelStats, type Cifar10Split } from './types';

const IMAGE_BYTES = CIFAR10_SIZE * CIFAR10_SIZE * CIFAR10_CHANNELS;
/** Stream ids mixed into the seed so order and augmentation draw independent numbers. */
const ORDER_STREAM = 1;
const AUGMENT_STREAM = 2;

/** One mini-batch. The caller owns (and must dispose) xs and labels. */
export interface Batch {
  /** Images [B,32,32,3] float32, normalised per channel: (x/255 − mean) / std. */
  xs: tf.Tensor4D;
  /** Class labels [B] int32 (0–9). */
  labels: tf.Tensor1D;
  /** B, the number of images (the last batch may be smaller unless dropRemainder). */
  size: number;
  /** Indices of the batch's records in the split (handy for tests and for showing samples). */
  indices: Int32Array;
}

/** Iterates over a split in mini-batches, one epoch at a time. */
export interface BatchStream {
  /** Batches per epoch. */
  numBatches: number;
  /** The batches of epoch `epochIndex` (0-based); the same (seed, epoch) gives the same batches. */
  epoch(epochIndex: number): Generator<Batch>;
}

/** Options of {@link createBatchStream}. */
export interface BatchStreamOptions {
  /** Images per batch (≥ 1). */
  batchSize: number;
  /** Seed of the order and the augmentation (integer). */
  seed: number;
  /** Shuffle the order every epoch (seeded by seed and epoch); false = stored order. */
  shuffle: boolean;
  /** Random crop (4-pixel zero padding) + horizontal flip per image, on the device. */
  augment: boolean;
  /** Normalisation statistics on the [0,1] scale, normally the training split's. */
  stats: ChannelStats;
  /** Skip the last incomplete batch (default false: it is yielded with size < batchSize). */
  dropRemainder?: boolean;
}

/**
 * Creates a batch stream over a split. Training: `shuffle: true, augment: true`; evaluation:
 * `shuffle: false, augment: false` (deterministic, every record once, in order).
 *
 * Per batch: gather the uint8 records (CPU) → tensor [B,32,32,3] → (augment: zero-pad 4, crop,
 * flip on the device) → x·(1/(255·std)) − mean/std. Intermediates are disposed inside the step;
 * only xs and labels of each yielded batch remain, for the caller to dispose. Tensors are made
 * lazily when the generator advances, so stopping early leaks nothing.
 *
 * @throws Error when batchSize is not a positive integer, the split is empty, a std is ≤ 0, or
 *   (on epoch) epochIndex is not a non-negative integer.
 */
export function createBatchStream(split: Cifar10Split, options: BatchStreamOptions): BatchStream {
  const { batchSize, seed, shuffle, augment, stats } = options;
  const dropRemainder = options.dropRemainder ?? false;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`createBatchStream: batchSize must be a positive integer, got ${batchSize}`);
  }
  if (split.count === 0) throw new Error('createBatchStream: the split is empty');
  if (stats.std.some((s) => !(s > 0))) {
    throw new Error(`createBatchStream: every channel std must be > 0, got [${stats.std.join(', ')}]`);
  }
  const numBatches = dropRemainder ? Math.floor(split.count / batchSize) : Math.ceil(split.count / batchSize);
  const scale = stats.std.map((s) => 1 / (255 * s));
  const shift = stats.mean.map((m, c) => -m / stats.std[c]);

  function makeBatch(indices: Int32Array, epochIndex: number, batchIndex: number): Batch {
    const b = indices.length;
    const pixels = new Uint8Array(b * IMAGE_BYTES);
    const labels = new Int32Array(b);
    for (let i = 0; i < b; i++) {
      const r = indices[i];
      pixels.set(split.images.subarray(r * IMAGE_BYTES, (r + 1) * IMAGE_BYTES), i * IMAGE_BYTES);
      labels[i] = split.labels[r];
    }
    const params = augment ? sampleAugmentParams(createRng(mixSeed(seed, epochIndex, batchIndex, AUGMENT_STREAM)), b) : null;
    const xs = tf.tidy(() => {
      let x = tf.tensor4d(pixels, [b, CIFAR10_SIZE, CIFAR10_SIZE, CIFAR10_CHANNELS], 'float32');
      if (params) x = applyCropFlip(x, params);
      return tf.add(tf.mul(x, tf.tensor1d(scale)), tf.tensor1d(shift)) as tf.Tensor4D;
    });
    return { xs, labels: tf.tensor1d(labels, 'int32'), size: b, indices };
  }

  function* epoch(epochIndex: number): Generator<Batch> {
    if (!Number.isInteger(epochIndex) || epochIndex < 0) {
      throw new Error(`BatchStream.epoch: epochIndex must be a non-negative integer, got ${epochIndex}`);
    }
    const order = shuffle
      ? shuffledIndices(split.count, createRng(mixSeed(seed, epochIndex, ORDER_STREAM)))
      : Int32Array.from({ length: split.count }, (_, i) => i);
    for (let k = 0; k < numBatches; k++) {
      const indices = order.slice(k * batchSize, Math.min((k + 1) * batchSize, split.count));
      yield makeBatch(indices, epochIndex, k);
    }
  }

  return { numBatches, epoch };
}
