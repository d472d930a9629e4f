/**
 * Winograd F(4×4, 3×3) on wasm (src/tfjs-fixes/wasm-winograd.ts, simd/winograd.c) behind
 * tf.fused.conv2d: outputs equal a naive float64 loop for maps whose sides are and are not
 * multiples of the 4×4 tile, 'same' and 'valid' padding, channel counts that are not multiples of
 * 4 (padded lanes), groups of images (small maps share one matrix product, also with a last
 * partial group), bias and ReLU. Called directly too, so the test cannot pass through another
 * kernel. No leaks, inputs untouched.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { expectNearReference, naiveConv, rand, size, type S4 } from '../helpers/naiveConv';
import { winogradConv2D, winogradPays } from '../../src/tfjs-fixes/wasm-winograd';
import type { WasmBackendLike } from '../../src/tfjs-fixes/wasm-simd-module';

const cases = [
  { xs: [2, 8, 8, 8], co: 8, pad: 'same' }, // 2×2 tiles, 8-channel GEMM tiles
  { xs: [3, 7, 9, 5], co: 14, pad: 'same' }, // partial tiles both ways; 8 + 4 + padded 2 outputs; cin 5 → 8 lanes
  { xs: [1, 16, 16, 16], co: 12, pad: 'same' }, // 16 tiles, 8 + 4 outputs
  { xs: [37, 4, 4, 6], co: 9, pad: 'same' }, // one tile per image: 16-image groups and a partial last group
  { xs: [5, 5, 3, 4], co: 4, pad: 'same' }, // a map narrower than one tile
  { xs: [2, 10, 11, 4], co: 6, pad: 'valid' }, // 8 × 9 output
] as const;

describe('wasm Winograd F(4×4, 3×3) convolution', () => {
  it.each(cases)('fused conv2d (bias, relu) = naive loop: x $xs → $co channels, $pad', async ({ xs, co, pad }) => {
    await useBackend('wasm');
    const ws: S4 = [3, 3, xs[3], co];
    const [xv, wv, bv] = [rand(size(xs), 3), rand(size(ws), 5), rand(co, 11)];
    const x = tf.tensor4d(xv, [...xs] as S4);
    const w = tf.tensor4d(wv, ws);
    const b = tf.tensor1d(bv);
    const before = tf.memory().numTensors;
    const info = tf.backend_util.computeConv2DInfo([...xs] as S4, ws, 1, 1, pad);
    const g = {
      padTop: info.padInfo.top,
      padLeft: info.padInfo.left,
      outHeight: info.outHeight,
      outWidth: info.outWidth,
      outChannels: co,
    };
    expect(winogradPays(x, w, g)).toBe(true);
    const backend = tf.backend() as unknown as WasmBackendLike;
    for (const [bias, relu] of [
      [null, false],
      [bv, false],
      [bv, true],
    ] as const) {
      const want = naiveConv(xv, [...xs] as S4, wv, ws, 1, pad, bias ? [...bias] : null, relu ? 'relu' : 'linear');
      const viaTf = tf.fused.conv2d({
        x,
        filter: w,
        strides: 1,
        pad,
        bias: bias ? b : undefined,
        activation: relu ? 'relu' : 'linear',
      });
      const direct = tf.engine().makeTensorFromTensorInfo(winogradConv2D(backend, x, w, g, bias ? b : null, relu));
      for (const got of [viaTf, direct]) {
        await expectNearReference(got, want, 2e-6 * Math.sqrt(9 * xs[3]));
      }
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(await x.data())).toEqual(Array.from(Float32Array.from(xv)));
    expect(Array.from(await w.data())).toEqual(Array.from(Float32Array.from(wv)));
    tf.dispose([x, w, b]);
  });

  it('leaves 1×1 filters and thin channel counts to the other kernels', async () => {
    await useBackend('wasm');
    const g = { padTop: 1, padLeft: 1, outHeight: 8, outWidth: 8, outChannels: 2 };
    const x = tf.zeros([1, 8, 8, 14]);
    expect(winogradPays(x, tf.zeros([3, 3, 14, 2]), g)).toBe(false);
    expect(winogradPays(tf.zeros([1, 8, 8, 3]), tf.zeros([3, 3, 3, 16]), { ...g, outChannels: 16 })).toBe(false);
    expect(winogradPays(x, tf.zeros([1, 1, 14, 8]), { ...g, outChannels: 8 })).toBe(false);
    tf.disposeVariables();
  });
});
