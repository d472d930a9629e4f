/**
 * Stride-1 2-D convolution on the wasm backend by our own SIMD kernel
 * (src/tfjs-fixes/simd/conv_forward.c) instead of XNNPACK: tfjs-wasm's XNNPACK reaches only
 * 4–8 GMAC/s per thread at the Oct-ResNets' small channel counts (8–64), which bounded both the
 * forward pass and the input gradient (bench/README.md). Serves `Conv2D` and `FusedConv2D`
 * (bias, linear or ReLU) and, with the kernel flipped, `Conv2DBackpropInput` (./wasm-conv-grads).
 * Everything else (strides, dilations, other activations, NCHW) goes to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { imageSlices, runSliced, type ImageSlice } from './kernel-slices';
import { heapOffset, kernelThreads, ownConvPays, simdExports, type WasmBackendLike } from './wasm-simd-module';
import { winogradConv2D, winogradPays } from './wasm-winograd';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];
type Shape4 = [number, number, number, number];

/** Geometry of one direct convolution: input x [n, h, w, cin] → output [n, ho, wo, cout]. */
export interface DirectConvGeometry {
  /** Top and left zero padding (bottom and right follow from ho, wo). */
  padTop: number;
  padLeft: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
}

/** One of our convolution kernels, as {@link runConvKernel} calls it. */
export interface ConvKernel {
  /** Export name (also the pool's function name). */
  fn: 'conv2d_forward' | 'wino_forward';
  /** Bytes of the packed filter. */
  packedBytes: number;
  /** Packs the filter into `packed` (on this thread, once per call). */
  pack(packed: number): void;
  /** Scratch bytes one call on `count` images needs. */
  scratchBytes(count: number): number;
  /** Arguments between the packed filter and the padding (conv2d_forward: kh, kw; wino_forward: none). */
  taps: number[];
}

/**
 * Allocates the output [n, outHeight, outWidth, outChannels], packs the filter and runs `kernel`
 * (y = act(bias + x ⋆ W); bias [cout] or null, relu: max(·, 0)) over the images of x [n, h, w, cin],
 * split over the kernel threads by images; frees its buffers. Both exports take
 * (x, n, h, w, cin, packed, …taps, pt, pl, ho, wo, cout, bias, relu, scratch, y).
 * @returns the output (the caller owns it). @throws Error when the heap cannot grow for the buffers.
 */
export function runConvKernel(
  b: WasmBackendLike,
  x: TensorInfo,
  g: DirectConvGeometry,
  bias: TensorInfo | null,
  relu: boolean,
  kernel: ConvKernel,
): TensorInfo {
  const ex = simdExports(b);
  const [n, h, w, cin] = x.shape;
  const y = b.makeOutput([n, g.outHeight, g.outWidth, g.outChannels], 'float32');
  if (y.shape.some((d) => d === 0)) return y;
  const slices = imageSlices(n, kernelThreads(b));
  const scratchBytes = (kernel.scratchBytes(Math.max(...slices.map(([, count]) => count))) + 15) & ~15;
  const packed = b.wasm._malloc(kernel.packedBytes);
  const scratch = b.wasm._malloc(scratchBytes * slices.length + 16);
  if (packed === 0 || scratch === 0) throw new Error(`octconv wasm kernels: out of memory for ${kernel.fn}`);
  try {
    kernel.pack(packed);
    const [x0, y0, b0] = [heapOffset(b, x), heapOffset(b, y), bias ? heapOffset(b, bias) : 0];
    const [xImage, yImage] = [h * w * cin * 4, g.outHeight * g.outWidth * g.outChannels * 4];
    const geometry = [g.padTop, g.padLeft, g.outHeight, g.outWidth, g.outChannels, b0, relu ? 1 : 0];
    const args = ([start, count]: ImageSlice, k: number): number[] => [
      ...[x0 + start * xImage, count, h, w, cin, packed, ...kernel.taps, ...geometry],
      ...[((scratch + 15) & ~15) + k * scratchBytes, y0 + start * yImage],
    ];
    const call = ex[kernel.fn] as (...a: number[]) => void;
    runSliced(b, kernel.fn, slices.map(args), (a) => call(...a));
  } finally {
    b.wasm._free(scratch);
    b.wasm._free(packed);
  }
  return y;
}

/**
 * Runs conv2d_forward on the wasm heap: y = act(bias + x ⋆ W), stride 1, dilation 1, NHWC.
 * `flip` false: filter [kh, kw, cin, cout]; true: filter [kh, kw, cout, cin] used flipped in space
 * with its channel axes swapped (the input gradient of a stride-1 conv, dy ⋆ W').
 * @param x input [n, h, w, cin] float32; bias [cout] or null; relu applies max(·, 0).
 * @returns a new output [n, outHeight, outWidth, outChannels] (the caller owns it).
 */
export function directConv2D(
  b: WasmBackendLike,
  x: TensorInfo,
  filter: TensorInfo,
  g: DirectConvGeometry,
  bias: TensorInfo | null,
  relu: boolean,
  flip: boolean,
): TensorInfo {
  const ex = simdExports(b);
  const cin = x.shape[3];
  const [kh, kw] = filter.shape;
  const cout = g.outChannels;
  return runConvKernel(b, x, g, bias, relu, {
    fn: 'conv2d_forward',
    packedBytes: kh * kw * cin * Math.ceil(cout / 4) * 16,
    pack: (packed) => ex.conv2d_pack_filter(heapOffset(b, filter), kh, kw, cin, cout, flip ? 1 : 0, packed),
    scratchBytes: () => ex.conv2d_scratch_bytes(g.outHeight, g.outWidth, kh, kw, cin, cout),
    taps: [kh, kw],
  });
}

/** Attributes of Conv2D / FusedConv2D used here. */
interface ConvAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  activation?: string;
  leakyreluAlpha?: number;
}

/** The geometry when our kernel computes this conv exactly, else null (stock kernel). */
function directGeometry(x: TensorInfo, filter: TensorInfo, a: ConvAttrs): DirectConvGeometry | null {
  if (a.dataFormat === 'NCHW' || x.dtype !== 'float32' || filter.dtype !== 'float32') return null;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as Shape4,
    filter.shape as Shape4,
    a.strides,
    a.dilations,
    a.pad,
    a.dimRoundingMode,
    false,
    'channelsLast',
  );
  const p = info.padInfo;
  const unit = info.strideHeight === 1 && info.strideWidth === 1 && info.dilationHeight === 1 && info.dilationWidth === 1;
  if (!unit || p.top < 0 || p.left < 0 || p.bottom < 0 || p.right < 0) return null;
  return { padTop: p.top, padLeft: p.left, outHeight: info.outHeight, outWidth: info.outWidth, outChannels: info.outChannels };
}

/**
 * `Conv2D` (wasm): stride 1 by {@link directConv2D} where it pays ({@link ownConvPays}: one
 * thread, or our kernel threads running), anything else by `stock` (XNNPACK).
 */
export function makeDirectConv2D(stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    const b = args.backend as unknown as WasmBackendLike;
    const g = directGeometry(x, filter, args.attrs as unknown as ConvAttrs);
    if (g === null || !ownConvPays(b)) return stock(args);
    return directConv2D(b, x, filter, g, null, false, false);
  };
}

/**
 * `FusedConv2D` (wasm): stride 1 with no activation or ReLU and a bias of shape [cout] (or none)
 * by Winograd's F(4×4, 3×3) for 3×3 filters where it pays ({@link winogradPays}), else by
 * {@link directConv2D} where that pays (as for Conv2D); other activations, PReLU weights,
 * broadcast biases and strides by `stock`. Only inference calls tf.fused.conv2d in this project.
 */
export function makeDirectFusedConv2D(stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, TensorInfo | undefined>;
    const a = args.attrs as unknown as ConvAttrs;
    const activation = a.activation ?? 'linear';
    const g = directGeometry(x!, filter!, a);
    const simpleBias = bias == null || (bias.shape.length === 1 && bias.shape[0] === g?.outChannels && bias.dtype === 'float32');
    const b = args.backend as unknown as WasmBackendLike;
    const unsupported = preluActivationWeights != null || !simpleBias || (activation !== 'linear' && activation !== 'relu');
    if (g === null || unsupported) return stock(args);
    const relu = activation === 'relu';
    if (winogradPays(x!, filter!, g)) return winogradConv2D(b, x!, filter!, g, bias ?? null, relu);
    if (!ownConvPays(b)) return stock(args);
    return directConv2D(b, x!, filter!, g, bias ?? null, relu, false);
  };
}
