/**
 * Classification metrics: test loss, top-1, top-5, per-class accuracy and the confusion matrix,
 * accumulated ON THE DEVICE batch by batch and read back once (`await data()`), plus the pure
 * arithmetic that turns the counts into {@link EvalMetrics}.
 */
import * as tf from '@tensorflow/tfjs';
import type { EvalMetrics } from './protocol';

/**
 * Turns counts into metrics. `confusion[t][p]` = images of true class t predicted as p.
 * top1 = trace / count; per-class accuracy = diagonal / row sum (0 for an empty row);
 * loss = lossSum / count; top5 = top5Correct / count.
 * @throws Error when the matrix is not square or count is 0.
 */
export function metricsFromCounts(confusion: number[][], lossSum: number, top5Correct: number): EvalMetrics {
  const k = confusion.length;
  if (k === 0 || confusion.some((row) => row.length !== k)) {
    throw new Error(`confusion matrix must be square and non-empty (got ${k} rows)`);
  }
  const rowSums = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  const count = rowSums.reduce((a, b) => a + b, 0);
  if (count === 0) throw new Error('cannot compute metrics of 0 images');
  const correct = confusion.reduce((a, row, i) => a + row[i], 0);
  return {
    loss: lossSum / count,
    top1: correct / count,
    top5: top5Correct / count,
    perClassAccuracy: confusion.map((row, i) => (rowSums[i] > 0 ? row[i] / rowSums[i] : 0)),
    confusion,
    count,
  };
}

/**
 * Per-image log-probabilities [N, K] from logits [N, K]; with `flipLogits` (the logits of the
 * horizontally mirrored images) the probabilities of both views are averaged first (flip TTA).
 */
export function logProbabilities(logits: tf.Tensor2D, flipLogits?: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    if (!flipLogits) return tf.logSoftmax(logits) as tf.Tensor2D;
    const p = tf.add(tf.softmax(logits), tf.softmax(flipLogits)).mul(0.5);
    return tf.log(tf.maximum(p, 1e-12)) as tf.Tensor2D;
  });
}

/**
 * Accumulates evaluation counts on the device: a K×K confusion matrix, the summed cross-entropy
 * (no label smoothing) and the top-5 hits. Holds 3 tensors until {@link result} or
 * {@link dispose}; adding a batch leaves the tensor count unchanged.
 */
export class EvalAccumulator {
  private confusion: tf.Tensor2D;
  private lossSum: tf.Scalar;
  private top5: tf.Scalar;

  /** @param numClasses K (10 for CIFAR-10). */
  constructor(private readonly numClasses: number) {
    this.confusion = tf.zeros([numClasses, numClasses]) as tf.Tensor2D;
    this.lossSum = tf.scalar(0);
    this.top5 = tf.scalar(0);
  }

  /**
   * Adds one batch.
   * @param logProbs [N, K] log-probabilities (see {@link logProbabilities}).
   * @param labels [N] int32 true classes.
   */
  add(logProbs: tf.Tensor2D, labels: tf.Tensor1D): void {
    const k = this.numClasses;
    const [confusion, lossSum, top5] = tf.tidy(() => {
      const truth = tf.cast(tf.oneHot(tf.cast(labels, 'int32'), k), 'float32'); // [N, K]
      const pred = tf.cast(tf.oneHot(tf.argMax(logProbs, 1), k), 'float32'); // [N, K]
      const batchConfusion = tf.matMul(truth, pred, true, false); // [K, K], truth^T · pred
      const trueLogP = tf.sum(tf.mul(logProbs, truth), 1, true); // [N, 1]
      // Rank of the true class = number of classes strictly more probable; top-5 ⇔ rank < 5.
      const rank = tf.sum(tf.cast(tf.greater(logProbs, trueLogP), 'float32'), 1);
      const hits = tf.sum(tf.cast(tf.less(rank, 5), 'float32'));
      return [
        tf.add(this.confusion, batchConfusion) as tf.Tensor2D,
        tf.sub(this.lossSum, tf.sum(trueLogP)) as tf.Scalar,
        tf.add(this.top5, hits) as tf.Scalar,
      ];
    });
    this.dispose();
    this.confusion = confusion;
    this.lossSum = lossSum;
    this.top5 = top5;
  }

  /** Reads the counts back (one `await data()` each) and disposes the accumulator. */
  async result(): Promise<EvalMetrics> {
    const [c, l, t] = await Promise.all([this.confusion.data(), this.lossSum.data(), this.top5.data()]);
    this.dispose();
    const k = this.numClasses;
    const confusion = Array.from({ length: k }, (_, i) => Array.from(c.subarray(i * k, (i + 1) * k), Math.round));
    return metricsFromCounts(confusion, l[0], Math.round(t[0]));
  }

  /** Frees the device tensors. */
  dispose(): void {
    tf.dispose([this.confusion, this.lossSum, this.top5]);
  }
}
