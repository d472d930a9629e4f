/**
 * Per-branch building blocks around an OctConv (docs/architecture.md §3): BatchNorm, ReLU, residual add,
 * 2×2 average pooling, the spatial-size check — all applied to octave tensors
 * `{ high: [N,H,W,cH], low: [N,H/2,W/2,cL] }` of symbolic (layers-API) tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { batchNormalization } from '../tfjs-fixes/fast-batchnorm';

/** An octave feature map; a branch with zero channels is `null` (docs/architecture.md §3). */
export interface OctaveTensor<T> {
  /** High-frequency branch [N, H, W, cH] (null when α = 1). */
  high: T | null;
  /** Low-frequency branch [N, H/2, W/2, cL] (null when α = 0). */
  low: T | null;
}

/** Octave tensor of layers-API symbolic tensors (used while building a model). */
export type SymbolicOctave = OctaveTensor<tf.SymbolicTensor>;

/** BatchNorm settings of the whole family (docs/architecture.md §3; tfjs defaults 0.99/1e-3 lag in short runs). */
export const BN_MOMENTUM = 0.9;
export const BN_EPSILON = 1e-5;

type Branch = 'high' | 'low';

/** Applies `make(branch)` to each existing branch. */
export function mapBranches(
  x: SymbolicOctave,
  make: (t: tf.SymbolicTensor, branch: Branch) => tf.SymbolicTensor,
): SymbolicOctave {
  return {
    high: x.high ? make(x.high, 'high') : null,
    low: x.low ? make(x.low, 'low') : null,
  };
}

/**
 * Separate BatchNorm per branch (momentum 0.9, ε 1e-5), optionally followed by ReLU (`'relu6'`:
 * min(max(x, 0), 6), MobileNet v2). Layer names `${name}/bn_high`, `${name}/bn_low`,
 * `${name}/relu_high`, `${name}/relu_low`.
 */
export function octBatchNorm(x: SymbolicOctave, name: string, relu: boolean | 'relu6'): SymbolicOctave {
  return mapBranches(x, (t, b) => {
    const bn = batchNormalization({ name: `${name}/bn_${b}`, momentum: BN_MOMENTUM, epsilon: BN_EPSILON, axis: -1 }).apply(
      t,
    ) as tf.SymbolicTensor;
    if (!relu) return bn;
    const maxValue = relu === 'relu6' ? 6 : undefined;
    return tf.layers.reLU({ name: `${name}/relu_${b}`, ...(maxValue ? { maxValue } : {}) }).apply(bn) as tf.SymbolicTensor;
  });
}

/**
 * Residual add per branch followed by ReLU (names `${name}/add_high`, `${name}/relu_high`, …).
 * @throws Error if the two octave tensors do not have the same branches and shapes
 */
export function octAddRelu(a: SymbolicOctave, b: SymbolicOctave, name: string): SymbolicOctave {
  for (const branch of ['high', 'low'] as const) {
    const [ta, tb] = [a[branch], b[branch]];
    if ((ta == null) !== (tb == null) || (ta && tb && String(ta.shape) !== String(tb.shape))) {
      throw new Error(`${name}: residual ${branch} branches differ: [${ta?.shape ?? 'none'}] vs [${tb?.shape ?? 'none'}]`);
    }
  }
  return mapBranches(a, (t, branch) => {
    const sum = tf.layers.add({ name: `${name}/add_${branch}` }).apply([t, b[branch]!]) as tf.SymbolicTensor;
    return tf.layers.reLU({ name: `${name}/relu_${branch}` }).apply(sum) as tf.SymbolicTensor;
  });
}

/**
 * Checks the spatial size of an octave layer's high-resolution grid (docs/architecture.md §3: sizes must be even
 * at every octave level). A layer with a low branch (in or out) or stride 2 pools the high grid
 * once, so H and W must be even; a stride-2 layer with a low output pools twice, so H/2 and W/2
 * must be even too.
 * @param name layer name, put in the message
 * @param height high-resolution grid height H of the layer's input (pixels)
 * @param width high-resolution grid width W
 * @returns null when fine, else a clear error message naming the layer and the size
 */
export function octaveSizeError(
  name: string,
  height: number,
  width: number,
  hasLow: { in: boolean; out: boolean },
  strides: 1 | 2,
): string | null {
  const odd = (h: number, w: number): boolean => h % 2 !== 0 || w % 2 !== 0;
  if ((hasLow.in || hasLow.out || strides === 2) && odd(height, width)) {
    return `${name}: spatial size ${height}×${width} is odd, but this octave layer needs a 2×2 average pool (low branch or stride 2); use an input size divisible by 2 at every octave level`;
  }
  if (strides === 2 && hasLow.out && odd(height / 2, width / 2)) {
    return `${name}: spatial size ${height}×${width} pools to ${height / 2}×${width / 2}, which is odd, but the strided low branch needs another 2×2 average pool; use an input size divisible by 4 here`;
  }
  return null;
}
