/**
 * A lean gradient for tfjs's `FusedBatchNorm` kernel (what tf.batchNorm and the layers-API
 * BatchNormalization run). The stock 4.22.0 gradient tiles 1/√(σ²+ε) to the full [N,H,W,C] shape
 * (`Tile` is slow on wasm: ~15 % of an Oct-ResNet-20 step) and runs ~12 full-size ops; this one
 * broadcasts per-channel vectors and shares two reductions, 5 full-size ops in all. Same math:
 *
 *   y = (x − μ)·r·γ + β, r = (σ² + ε)^(−½)
 *   ∂x = dy·(r·γ)           ∂μ = −r·γ·Σdy          ∂σ² = −½·r³·γ·Σ dy·(x − μ)
 *   ∂γ = r·Σ dy·(x − μ)     ∂β = Σdy               (Σ over every axis but the channel axis)
 */
import * as tf from '@tensorflow/tfjs';

/** The gradient config (kernel 'FusedBatchNorm'; inputs x, mean, variance, scale, offset). */
export const leanBatchNormGrad: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const g = dy as tf.Tensor;
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const [x, mean, variance, scale] = saved;
    const gamma = scale ?? tf.scalar(1);
    const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const r = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
    const rGamma = tf.mul(r, gamma);
    const perChannel = (t: tf.Tensor): tf.Tensor => tf.reshape(mean.rank === 1 ? tf.sum(t, axes) : t, mean.shape);
    // Computed here, not memoised inside the closures: tfjs runs each closure in its own tidy.
    const sumDy = perChannel(g);
    const sumDyXc = perChannel(tf.mul(g, tf.sub(x, mean)));
    return {
      x: () => tf.mul(g, rGamma),
      mean: () => tf.neg(tf.mul(rGamma, sumDy)),
      variance: () => tf.mul(tf.mul(tf.mul(tf.mul(r, r), rGamma), tf.scalar(-0.5)), sumDyXc),
      scale: () => tf.mul(r, sumDyXc),
      offset: () => sumDy,
    };
  },
};
