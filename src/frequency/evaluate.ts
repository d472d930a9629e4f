/**
 * The evaluation loop shared by the frequency experiments (tfjs, DOM-free): the first N test
 * images in batches, each batch uploaded once and run under several variants (a filter, an
 * ablation, a perturbation), top-1 per variant. Yields to the event loop between units so a
 * worker stays responsive and a cancel message gets through.
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR10_CHANNELS, CIFAR10_SIZE, type ChannelStats, type Cifar10Split } from '../data/types';
import { CANCELLED_MESSAGE } from './types';

const IMAGE_BYTES = CIFAR10_SIZE * CIFAR10_SIZE * CIFAR10_CHANNELS;

/** Images per evaluation batch (inference only). */
export const FREQUENCY_BATCH_SIZE = 250;

export { CANCELLED_MESSAGE };

/** The error a cancelled job throws (message {@link CANCELLED_MESSAGE}). */
export class CancelledError extends Error {
  constructor() {
    super(CANCELLED_MESSAGE);
    this.name = 'CancelledError';
  }
}

/**
 * One variant of the network's input or execution: maps a batch of raw images
 * [B, 32, 32, 3] float32 in 0–255 to logits [B, 10]. `normalise` applies the training
 * normalisation; `batch` is the batch index (0, 1, …). Runs inside a tidy.
 */
export type Variant = (pixels: tf.Tensor4D, normalise: (x: tf.Tensor4D) => tf.Tensor4D, batch: number) => tf.Tensor2D;

/** Options of {@link top1PerVariant}. */
export interface EvalLoopOptions {
  /** Use the first N test images (N ≥ 1, at most the split's count). */
  images: number;
  batchSize?: number;
  /** Aborting rejects with {@link CancelledError} at the next unit. */
  signal?: AbortSignal;
  /** Called after each unit (one batch under one variant) with units done / total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The training normalisation, `x·(1/(255·std)) − mean/std` per channel, on float pixels 0–255
 * (the same two ops, in the same order, as the training batches; so an unchanged image gives
 * bit-identical inputs).
 */
export function normaliser(stats: ChannelStats): (x: tf.Tensor4D) => tf.Tensor4D {
  const scale = stats.std.map((s) => 1 / (255 * s));
  const shift = stats.mean.map((m, c) => -m / stats.std[c]);
  return (x) => tf.add(tf.mul(x, tf.tensor1d(scale)), tf.tensor1d(shift)) as tf.Tensor4D;
}

/**
 * Checks an image count against the split.
 * @throws Error when `images` is not an integer in [1, test.count].
 */
export function checkImageCount(images: number, test: Cifar10Split): void {
  if (!Number.isInteger(images) || images < 1 || images > test.count) {
    throw new Error(`images must be an integer in [1, ${test.count}] (the test split's size), got ${images}`);
  }
}

/** Resolves on the next turn of the event loop (setImmediate in Node, else a timer). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Top-1 in [0, 1] of each variant on the first `options.images` test images.
 * One readback (`await data()`) per unit; every tensor it makes is disposed, also on error or
 * cancel.
 * @throws Error on a bad image count; CancelledError when the signal aborts.
 */
export async function top1PerVariant(
  test: Cifar10Split,
  stats: ChannelStats,
  variants: Variant[],
  options: EvalLoopOptions,
): Promise<number[]> {
  checkImageCount(options.images, test);
  const batchSize = options.batchSize ?? FREQUENCY_BATCH_SIZE;
  const normalise = normaliser(stats);
  const correct = new Array<number>(variants.length).fill(0);
  const batches = Math.ceil(options.images / batchSize);
  const total = batches * variants.length;
  let done = 0;
  for (let b = 0; b < batches; b++) {
    const start = b * batchSize;
    const size = Math.min(batchSize, options.images - start);
    const pixels = tf.tensor4d(
      test.images.subarray(start * IMAGE_BYTES, (start + size) * IMAGE_BYTES),
      [size, CIFAR10_SIZE, CIFAR10_SIZE, CIFAR10_CHANNELS],
      'float32',
    );
    const labels = tf.tensor1d(test.labels.subarray(start, start + size), 'int32');
    try {
      for (let v = 0; v < variants.length; v++) {
        if (options.signal?.aborted) throw new CancelledError();
        const hits = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(variants[v](pixels, normalise, b), 1), labels), 'int32')));
        try {
          correct[v] += (await hits.data())[0];
        } finally {
          hits.dispose();
        }
        options.onProgress?.(++done, total);
        await nextTurn();
      }
    } finally {
      tf.dispose([pixels, labels]);
    }
  }
  return correct.map((c) => c / options.images);
}

/** The plain network: `model(normalise(pixels))` in inference mode. */
export function plainVariant(model: tf.LayersModel): Variant {
  return (pixels, normalise) => model.apply(normalise(pixels), { training: false }) as tf.Tensor2D;
}
