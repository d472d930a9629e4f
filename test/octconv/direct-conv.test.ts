/**
 * Our stride-1 SIMD convolution on wasm (src/tfjs-fixes/wasm-conv-forward.ts,
 * simd/conv_forward.c) behind tf.conv2d and tf.fused.conv2d: outputs equal a naive loop computed
 * here (float64) for shapes that exercise every tile (pixels in 4s and singles, output channels in
 * 8s, 4s and a padded remainder), 'same' and 'valid' padding, 1×1, 2×2, 3×3 and 5×3 kernels, a
 * map narrower than 4 pixels, bias and ReLU; strides 2 and other activations fall back to the
 * stock kernel and still match. No leaks, inputs untouched.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { expectNearReference, naiveConv, rand, size, type S4 } from '../helpers/naiveConv';

const cases = [
  { xs: [2, 8, 8, 8], ws: [3, 3, 8, 8], pad: 'same', stride: 1 }, // 4-pixel × 8-channel tiles
  { xs: [3, 7, 9, 5], ws: [3, 3, 5, 14], pad: 'same', stride: 1 }, // 8 + 4 + padded 2; single pixels
  { xs: [2, 6, 6, 14], ws: [3, 3, 14, 2], pad: 'same', stride: 1 }, // only a padded tile
  { xs: [1, 5, 3, 4], ws: [3, 3, 4, 12], pad: 'same', stride: 1 }, // width 3 < 4: singles only
  { xs: [2, 9, 10, 3], ws: [3, 3, 3, 16], pad: 'valid', stride: 1 },
  { xs: [2, 6, 7, 6], ws: [1, 1, 6, 9], pad: 'same', stride: 1 }, // 1×1 (generic tile)
  { xs: [2, 6, 6, 3], ws: [2, 2, 3, 5], pad: 'same', stride: 1 }, // asymmetric same padding
  { xs: [1, 9, 8, 2], ws: [5, 3, 2, 7], pad: 'same', stride: 1 }, // kh ≠ kw
  { xs: [2, 8, 8, 4], ws: [3, 3, 4, 6], pad: 'same', stride: 2 }, // stock kernel
] as const;

describe('wasm stride-1 convolution (our SIMD kernel)', () => {
  it.each(cases)(
    'conv2d and fused conv2d (bias, relu) = naive loop: x $xs, w $ws, $pad, stride $stride',
    async ({ xs, ws, pad, stride }) => {
      await useBackend('wasm');
      const [xv, wv, bv] = [rand(size(xs), 7), rand(size(ws), 9), rand(ws[3], 13)];
      const x = tf.tensor4d(xv, [...xs] as S4);
      const w = tf.tensor4d(wv, [...ws] as S4);
      const b = tf.tensor1d(bv);
      const before = tf.memory().numTensors;
      for (const [bias, activation] of [
        [null, 'linear'],
        [bv, 'linear'],
        [bv, 'relu'],
        [null, 'relu'],
        [bv, 'elu'],
      ] as const) {
        const got =
          bias === null && activation === 'linear'
            ? tf.conv2d(x, w, stride, pad)
            : tf.fused.conv2d({ x, filter: w, strides: stride, pad, bias: bias ? b : undefined, activation });
        const want = naiveConv(xv, [...xs] as S4, wv, [...ws] as S4, stride, pad, bias ? [...bias] : null, activation);
        await expectNearReference(got, want, 1e-5);
      }
      expect(tf.memory().numTensors).toBe(before);
      expect(Array.from(await x.data())).toEqual(Array.from(Float32Array.from(xv)));
      expect(Array.from(await w.data())).toEqual(Array.from(Float32Array.from(wv)));
      tf.dispose([x, w, b]);
    },
  );
});
