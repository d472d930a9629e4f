/**
 * The radial band filter of ./bands as one matrix product on a batch of images (tfjs, DOM-free).
 * The filter `x − h ⊛ x` is linear and shift-invariant, so on a flattened N×N channel it is a
 * fixed [N², N²] matrix; a batch [B, N, N, C] becomes [B·C, N²] rows times that matrix.
 */
import * as tf from '@tensorflow/tfjs';
import { removalKernel } from './bands';
import type { BandKind } from './types';

/**
 * The filter as a matrix P [N², N²] with `out = x · P` for a flattened channel x [1, N²]:
 * `P[k, j] = δ_kj − h[(y_j − y_k) mod N, (x_j − x_k) mod N]` (h from removalKernel).
 * Null when the filter drops nothing (identity). The caller disposes the tensor.
 * @throws Error on bad parameters.
 */
export function bandFilterMatrix(size: number, radius: number, kind: BandKind): tf.Tensor2D | null {
  const h = removalKernel(size, radius, kind);
  if (h === null) return null;
  const n = size * size;
  const p = new Float32Array(n * n);
  for (let k = 0; k < n; k++) {
    const yk = Math.floor(k / size);
    const xk = k % size;
    for (let j = 0; j < n; j++) {
      const dy = (Math.floor(j / size) - yk + size) % size;
      const dx = ((j % size) - xk + size) % size;
      p[k * n + j] = (k === j ? 1 : 0) - h[dy * size + dx];
    }
  }
  return tf.tensor2d(p, [n, n]);
}

/**
 * Applies a filter matrix to a batch: x [B, N, N, C] float32 → [B, N, N, C]. A null matrix
 * returns `x` itself (not a copy). Intermediates are disposed; the caller owns the result.
 * @throws Error when x is not [B, N, N, C] with N² equal to the matrix side.
 */
export function applyBandFilter(x: tf.Tensor4D, matrix: tf.Tensor2D | null): tf.Tensor4D {
  if (matrix === null) return x;
  const [b, height, width, channels] = x.shape;
  if (height * width !== matrix.shape[0]) {
    throw new Error(
      `applyBandFilter: images ${height}×${width} do not match a filter for ${Math.sqrt(matrix.shape[0])}×${Math.sqrt(matrix.shape[0])}`,
    );
  }
  return tf.tidy(() => {
    const rows = tf.reshape(tf.transpose(x, [0, 3, 1, 2]), [b * channels, height * width]);
    const filtered = tf.reshape(tf.matMul(rows, matrix), [b, channels, height, width]);
    return tf.transpose(filtered, [0, 2, 3, 1]) as tf.Tensor4D;
  });
}
