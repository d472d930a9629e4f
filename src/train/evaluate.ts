/** Evaluation of a model on the test split (loss, top-1/top-5, per-class, confusion). */
import * as tf from '@tensorflow/tfjs';
import type { BatchSource } from './batch';
import { EvalAccumulator, logProbabilities } from './metrics';
import type { EvalMetrics } from './protocol';

/**
 * Evaluates `model` on every batch of `test`: loss (cross-entropy without smoothing), top-1,
 * top-5, per-class accuracy, confusion matrix. With `flipTTA` the softmax of each image and of
 * its horizontal mirror (NHWC axis 2) are averaged. One readback at the end; no tensors leak.
 */
export async function evaluate(
  model: tf.LayersModel,
  test: BatchSource,
  flipTTA: boolean,
  numClasses = 10,
): Promise<EvalMetrics> {
  const acc = new EvalAccumulator(numClasses);
  try {
    for (const batch of test.epoch(0)) {
      try {
        const logProbs = tf.tidy(() => {
          const logits = model.apply(batch.xs, { training: false }) as tf.Tensor2D;
          const flipped = flipTTA ? (model.apply(tf.reverse(batch.xs, 2), { training: false }) as tf.Tensor2D) : undefined;
          return logProbabilities(logits, flipped);
        });
        acc.add(logProbs, batch.labels);
        logProbs.dispose();
      } finally {
        tf.dispose([batch.xs, batch.labels]);
      }
    }
    return await acc.result();
  } finally {
    acc.dispose();
  }
}
