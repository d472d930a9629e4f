/**
 * Training works on wasm (needs the Conv2DBackpropFilter fix): 20 SGD steps of a small Oct-ResNet
 * on a fixed random batch lower the loss, with no tensor leaked per step.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { buildOctResNet } from '../../src/octconv';

describe('training on wasm', () => {
  it('20 SGD steps of Oct-ResNet-8 (α = .5) reduce the loss; numTensors unchanged per step', async () => {
    await useBackend('wasm');
    const model = buildOctResNet({
      depth: 8,
      widthMultiplier: 0.5,
      alpha: 0.5,
      block: 'basic',
      numClasses: 10,
      seed: 3,
      inputShape: [16, 16, 3],
    });
    const x = tf.randomNormal([8, 16, 16, 3], 0, 1, 'float32', 5);
    const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
    const optimizer = tf.train.sgd(0.05);
    const lossFn = (): tf.Scalar =>
      tf.losses.softmaxCrossEntropy(labels, model.apply(x, { training: true }) as tf.Tensor, undefined, 0.1) as tf.Scalar;
    const losses: number[] = [];
    for (let step = 0; step < 20; step++) {
      const before = tf.memory().numTensors;
      const cost = optimizer.minimize(lossFn, true)!;
      losses.push((await cost.data())[0]);
      cost.dispose();
      expect(tf.memory().numTensors, `step ${step}`).toBe(before);
    }
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[19]).toBeLessThan(0.5 * losses[0]);
    tf.dispose([x, labels]);
    optimizer.dispose();
    model.dispose();
  });
});
