/**
 * A leaner gradient for tfjs's `Mean` kernel (BatchNorm's moments and global average pooling
 * run it ~70× per Oct-ResNet-20 training step). The stock 4.22.0 gradient is
 * (dy · ones(x.shape)) / n: three full-size passes. This one divides the small dy first,
 * (dy / n) · ones(x.shape): two full-size passes, bit-identical values (the same single
 * division per element of dy, then a multiplication by 1).
 */
import * as tf from '@tensorflow/tfjs';

/** The gradient config (kernel 'Mean'; input x; attrs axis, keepDims). */
export const leanMeanGrad: tf.GradConfig = {
  kernelName: 'Mean',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved;
    const { axis } = attrs as unknown as { axis: number | number[] };
    const axes = tf.util.parseAxisParam(axis, x.shape);
    const expanded = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    const reduceSize = axes.reduce((n, a) => n * x.shape[a], 1);
    return { x: () => tf.mul(tf.div(tf.reshape(dy as tf.Tensor, expanded), reduceSize), tf.ones(x.shape, 'float32')) };
  },
};
