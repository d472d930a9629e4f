/**
 * One training step (docs/architecture.md §6): SGD with Nesterov momentum and weight decay on the
 * kernels, softmax cross-entropy with label smoothing, BatchNorm in training mode.
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch } from './batch';
import type { TrainConfig } from './protocol';

/**
 * One SGD step on `batch` (BatchNorm in training mode): softmax cross-entropy with label
 * smoothing on the logits [N, K], gradients of the trainable variables, weight decay added to the
 * gradients of conv/dense kernels (g ← g + wd·w, as SGD's weight_decay), then the Nesterov
 * momentum update. Returns device scalars: the summed loss (mean × N) and the correct count.
 */
export function sgdStep(
  model: tf.LayersModel,
  vars: tf.Variable[],
  decayed: ReadonlySet<string>,
  optimizer: tf.MomentumOptimizer,
  batch: Batch,
  c: TrainConfig,
  numClasses: number,
): [tf.Scalar, tf.Scalar] {
  return tf.tidy(() => {
    let correct: tf.Scalar | null = null;
    const labels = tf.cast(batch.labels, 'int32');
    const { value, grads } = tf.variableGrads(() => {
      const logits = model.apply(batch.xs, { training: true }) as tf.Tensor2D;
      // Kept out of the tape's tidy; it is not on the loss path, so it gets no gradient.
      correct = tf.keep(tf.sum<tf.Tensor>(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'))) as tf.Scalar;
      const onehot = tf.oneHot(labels, numClasses);
      return tf.losses.softmaxCrossEntropy(onehot, logits, undefined, c.labelSmoothing) as unknown as tf.Scalar;
    }, vars);
    const named = vars.map((v) => {
      const g = grads[v.name];
      return { name: v.name, tensor: decayed.has(v.name) && c.weightDecay > 0 ? tf.add(g, tf.mul(v, c.weightDecay)) : g };
    });
    optimizer.applyGradients(named);
    return [tf.mul(value, batch.size) as tf.Scalar, correct as unknown as tf.Scalar];
  });
}

/**
 * The variables SGD updates and the names of those that get weight decay (conv/dense kernels:
 * rank ≥ 2; not BatchNorm γ/β or biases).
 */
export function trainableParams(model: tf.LayersModel): { vars: tf.Variable[]; decayed: ReadonlySet<string> } {
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return { vars, decayed: new Set(vars.filter((v) => v.shape.length >= 2).map((v) => v.name)) };
}

/** Disposes a MomentumOptimizer fully (docs/tfjs-notes.md bug 4: its dispose() leaves the lr scalar). */
export function disposeOptimizer(opt: tf.MomentumOptimizer): void {
  opt.dispose();
  (opt as unknown as { c?: tf.Tensor }).c?.dispose();
}
