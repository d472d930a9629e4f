/** The batches the trainer consumes (produced by src/data's createBatchStream). */
import type * as tf from '@tensorflow/tfjs';

/** One batch: images NHWC float32 [N, 32, 32, 3] (normalised), labels int32 [N]. */
export interface Batch {
  xs: tf.Tensor4D;
  labels: tf.Tensor1D;
  size: number;
}

/** A source of batches (src/data's createBatchStream). The trainer disposes each batch. */
export interface BatchSource {
  numBatches: number;
  epoch(e: number): Generator<Batch>;
}
