/**
 * 3×3 stride-1 convolution by Winograd's F(4×4, 3×3) (src/tfjs-fixes/simd/winograd.c; Lavin &
 * Gray, CVPR 2016): 36 multiply-adds per 4×4 output tile and channel pair instead of 144. It serves
 * tf.fused.conv2d, which only inference calls (the frequency experiments run BatchNorm folded into
 * it, src/frequency/foldBatchNorm.ts): training keeps the direct form, so its gradients stay those
 * tested against the loop references. Results differ from the direct sum by float rounding only
 * (about 1e-6 relative; test/octconv/winograd.test.ts).
 */
import type * as tf from '@tensorflow/tfjs';
import { heapOffset, simdExports, type WasmBackendLike } from './wasm-simd-module';
import { runConvKernel, type DirectConvGeometry } from './wasm-conv-forward';

type TensorInfo = tf.TensorInfo;

/**
 * True when F(4×4, 3×3) computes this stride-1 conv (given `g`) and beats the direct form and
 * XNNPACK: a 3×3 filter with at least 4 input and 4 output channels (below that the transforms,
 * vectorised over 4 channels, cost more than they save; bench/README.md).
 */
export function winogradPays(x: TensorInfo, filter: TensorInfo, g: DirectConvGeometry): boolean {
  return filter.shape[0] === 3 && filter.shape[1] === 3 && x.shape[3] >= 4 && g.outChannels >= 4;
}

/**
 * y = act(bias + x ⋆ W) by F(4×4, 3×3) on the wasm heap, stride 1, NHWC.
 * @param x input [n, h, w, cin] float32; filter [3, 3, cin, cout]; bias [cout] or null; relu: max(·, 0).
 * @returns a new output [n, outHeight, outWidth, outChannels] (the caller owns it).
 */
export function winogradConv2D(
  b: WasmBackendLike,
  x: TensorInfo,
  filter: TensorInfo,
  g: DirectConvGeometry,
  bias: TensorInfo | null,
  relu: boolean,
): TensorInfo {
  const ex = simdExports(b);
  const [cin, cout] = [x.shape[3], g.outChannels];
  return runConvKernel(b, x, g, bias, relu, {
    fn: 'wino_forward',
    packedBytes: 36 * cin * Math.ceil(cout / 4) * 16,
    pack: (packed) => ex.wino_pack_filter(heapOffset(b, filter), cin, cout, packed),
    scratchBytes: (count) => ex.wino_scratch_bytes(count, g.outHeight, g.outWidth, cin, cout),
    taps: [],
  });
}
