/**
 * Nearest-neighbour ×2 upsampling with an exact gradient on every backend (docs/architecture.md §3).
 *
 * tfjs 4.22.0's cpu `ResizeNearestNeighborGrad` is wrong for batch > 1 (docs/tfjs-notes.md bug 2), so the
 * L→H path of eq. (1) uses this op: the forward pass is the stock nearest resize (pixel replication,
 * no align-corners), the gradient is a reshape-and-sum over each 2×2 block, written with
 * `tf.customGrad` so no backend's resize-gradient kernel is ever called.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Sums each 2×2 block of dy: the exact adjoint of nearest ×2 upsampling.
 * Uses only rank-3 reshapes and sums (supported by every backend).
 * @param dy gradient w.r.t. the upsampled tensor, [N, 2h, 2w, c]
 * @returns gradient w.r.t. the input, [N, h, w, c]
 */
function sumBlocks2x2(dy: tf.Tensor4D): tf.Tensor4D {
  const [n, h2, w2, c] = dy.shape;
  const h = h2 / 2;
  const w = w2 / 2;
  const rows = tf.sum(tf.reshape(dy, [n * h, 2, w2 * c]), 1); // [N·h, 2w·c]
  const cols = tf.sum(tf.reshape(rows, [n * h * w, 2, c]), 1); // [N·h·w, c]
  return tf.reshape(cols, [n, h, w, c]);
}

/**
 * Nearest ×2 upsample: y[n, 2i+a, 2j+b, c] = x[n, i, j, c] for a, b ∈ {0, 1}.
 * @param x [N, h, w, c]
 * @returns [N, 2h, 2w, c]; its gradient is exact on cpu, wasm, webgl and webgpu
 */
export const upsampleNearest2x: (x: tf.Tensor4D) => tf.Tensor4D = tf.customGrad(((x: tf.Tensor) => {
  const x4 = x as tf.Tensor4D;
  const value = tf.image.resizeNearestNeighbor(x4, [x4.shape[1] * 2, x4.shape[2] * 2], false, false);
  return { value, gradFunc: (dy: tf.Tensor) => sumBlocks2x2(dy as tf.Tensor4D) };
}) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (x: tf.Tensor4D) => tf.Tensor4D;

/**
 * Layers-API wrapper of {@link upsampleNearest2x} (the only custom layer of the model family).
 * Registered with `tf.serialization.registerClass` on import, so models save/load in the standard
 * tfjs format. Input [N, h, w, c] → output [N, 2h, 2w, c].
 */
export class NearestUpsample2x extends tf.layers.Layer {
  /** Serialisation name (stable: saved models refer to it). */
  static readonly className = 'OctConvNearestUpsample2x';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const twice = (d: number | null): number | null => (d == null ? null : d * 2);
    return [s[0], twice(s[1]), twice(s[2]), s[3]];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return upsampleNearest2x(x as tf.Tensor4D);
  }

  override getClassName(): string {
    return NearestUpsample2x.className;
  }
}
tf.serialization.registerClass(NearestUpsample2x);
