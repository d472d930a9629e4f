/**
 * Fast convolution gradients for the wasm backend of tfjs 4.22.0, built only from wasm's own
 * XNNPACK-backed kernels (Conv2D, Transpose, Reverse, Slice). Profiling Oct-ResNet-20 training
 * (scripts/bench-profile.ts) showed wasm's stock `Conv2DBackpropInput` — a scalar loop, not
 * XNNPACK — taking ~10× the forward conv and ~half of every step; and `Conv2DBackpropFilter` is
 * missing altogether (docs/tfjs-notes.md bug 1).
 */
import * as tf from '@tensorflow/tfjs';
import { directConv2D } from './wasm-conv-forward';
import { imageSlices, runSliced, type ImageSlice } from './kernel-slices';
import { heapF32, heapOffset, kernelThreads, simdExports, type SimdExports, type WasmBackendLike } from './wasm-simd-module';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];
type Shape4 = [number, number, number, number];

/** Runs another kernel of the same backend on TensorInfos (backend-level composition, no tape). */
export function runBackendKernel(
  name: string,
  backendName: string,
  backend: KernelArgs['backend'],
  inputs: Record<string, TensorInfo>,
  attrs: Record<string, unknown>,
): TensorInfo {
  const kernel = tf.getKernel(name, backendName);
  if (kernel == null) throw new Error(`registerKernelFixes: kernel '${name}' missing on '${backendName}'`);
  const out = kernel.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap });
  return (Array.isArray(out) ? out[0] : out) as TensorInfo;
}

/** Runs kernels, remembering every intermediate so that {@link Scratch.free} releases them. */
export class Scratch {
  private readonly temps: TensorInfo[] = [];
  constructor(
    private readonly backendName: string,
    private readonly backend: KernelArgs['backend'],
  ) {}
  /** An intermediate (freed by {@link free}). */
  run(name: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>): TensorInfo {
    const out = this.result(name, inputs, attrs);
    this.temps.push(out);
    return out;
  }
  /** The kernel's final output (kept). */
  result(name: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>): TensorInfo {
    return runBackendKernel(name, this.backendName, this.backend, inputs, attrs);
  }
  /** `filter` [kh, kw, …] with both spatial axes reversed (an intermediate); a 1×1 kernel as it is. */
  flipSpatially(filter: TensorInfo): TensorInfo {
    const [kh, kw] = filter.shape;
    return kh === 1 && kw === 1 ? filter : this.run('Reverse', { x: filter }, { dims: [0, 1] });
  }
  /** Frees every intermediate (backend.disposeData). */
  free(): void {
    for (const t of this.temps) (this.backend as tf.KernelBackend).disposeData(t.dataId);
    this.temps.length = 0;
  }
}

/**
 * Explicit NHWC padding of dy [N, Ho, Wo, c] that makes dx a stride-1 correlation with the
 * spatially flipped kernel: kh−1−pt / kh−1−pb / kw−1−pl / kw−1−pr of the forward pass's padding.
 * null when a side would be negative (forward padding larger than the kernel).
 */
export function backpropInputPadding(kh: number, kw: number, p: tf.backend_util.PadInfo): tf.backend_util.ExplicitPadding | null {
  const [top, bottom, left, right] = [kh - 1 - p.top, kh - 1 - p.bottom, kw - 1 - p.left, kw - 1 - p.right];
  if (Math.min(top, bottom, left, right) < 0) return null;
  return [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
}

/** Attributes shared by the two conv gradient kernels. */
interface ConvGradAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * `Conv2DBackpropFilter` (dW of a 2-D convolution, NHWC, dilation 1) written as a forward conv2d
 * in which the batch axis plays the role of channels (docs/tfjs-notes.md bug 1):
 *
 *   dW[p, q, ci, co] = Σ_{n,i,j} xPad[n, i·s + p, j·s + q, ci] · dy[n, i, j, co]
 *
 * is a 'valid' correlation of xᵀ = [ci, H, W, N] (explicitly padded like the forward pass) with
 * dyᵀ = [Ho, Wo, N, co] as filter, stride 1, dilation = forward stride s; the result
 * [ci, ≥kh, ≥kw, co] is sliced to the kernel size (skipped when already exact) and transposed to
 * [kh, kw, ci, co]. On wasm, stride 1 (every Oct-ResNet conv: they pool instead) runs our direct
 * SIMD kernel instead (src/tfjs-fixes/simd/conv_filter_grad.c, same sum, no transposes).
 * Inputs x [N,H,W,ci], dy [N,Ho,Wo,co] are untouched; intermediates are freed.
 * @throws Error for NCHW data
 */
export function makeConv2DBackpropFilter(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const a = attrs as unknown as ConvGradAttrs & { filterShape: Shape4 };
    if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter fix: only NHWC is supported');
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as Shape4,
      a.filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    const [kh, kw, ci, co] = a.filterShape;
    const p = info.padInfo;
    const direct =
      backendName === 'wasm' &&
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      x.dtype === 'float32' &&
      p.top >= 0 &&
      p.left >= 0;
    if (direct) {
      // Our SIMD kernel (src/tfjs-fixes/simd/conv_filter_grad.c), no transposes: one range of
      // images per thread, the other threads' partial sums added into dw afterwards.
      const b = backend as unknown as WasmBackendLike;
      const dw = b.makeOutput([kh, kw, ci, co], 'float32');
      const [n, h, w] = x.shape;
      const [, ho, wo] = dy.shape;
      const slices = imageSlices(n, kernelThreads(b));
      const count = kh * kw * ci * co;
      const partials = slices.length > 1 ? b.wasm._malloc((slices.length - 1) * count * 4) : 0;
      try {
        const args = ([start, images]: ImageSlice, k: number): number[] => [
          heapOffset(b, x) + start * h * w * ci * 4,
          heapOffset(b, dy) + start * ho * wo * co * 4,
          images,
          h,
          w,
          ci,
          ho,
          wo,
          co,
          kh,
          kw,
          p.top,
          p.left,
          k === 0 ? heapOffset(b, dw) : partials + (k - 1) * count * 4,
        ];
        const ex = simdExports(b);
        runSliced(b, 'conv2d_filter_grad', slices.map(args), (a) =>
          ex.conv2d_filter_grad(...(a as Parameters<SimdExports['conv2d_filter_grad']>)),
        );
        const sum = heapF32(b, heapOffset(b, dw), count);
        for (let k = 1; k < slices.length; k++) {
          const part = heapF32(b, partials + (k - 1) * count * 4, count);
          for (let i = 0; i < count; i++) sum[i] += part[i];
        }
      } finally {
        if (partials) b.wasm._free(partials);
      }
      return dw;
    }
    const s = new Scratch(backendName, backend);
    try {
      const xT = s.run('Transpose', { x }, { perm: [3, 1, 2, 0] }); // [ci, H, W, N]
      const dyT = s.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }); // [Ho, Wo, N, co]
      let corr = s.run(
        'Conv2D',
        { x: xT, filter: dyT },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [p.top, p.bottom],
            [p.left, p.right],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [info.strideHeight, info.strideWidth],
          dimRoundingMode: undefined,
        },
      ); // [ci, ≥kh, ≥kw, co]
      if (corr.shape[1] !== kh || corr.shape[2] !== kw) {
        corr = s.run('Slice', { x: corr }, { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] });
      }
      return s.result('Transpose', { x: corr }, { perm: [1, 2, 0, 3] });
    } finally {
      s.free();
    }
  };
}

/**
 * `Conv2DBackpropInput` (dx of a 2-D convolution, NHWC, dilation 1) for stride 1 as one forward
 * conv of our SIMD kernel (./wasm-conv-forward.ts): dx[n, i, j, ci] = Σ_{p,q,co}
 * dy[n, i + pt − p, j + pl − q, co] · W[p, q, ci, co] is the correlation of dy [N,Ho,Wo,co] with
 * the flipped, transposed kernel W'[p, q, co, ci] = W[kh−1−p, kw−1−q, ci, co], padded
 * kh−1−pt (top) and kw−1−pl (left); the kernel packs W' itself, so no tensor is made for it.
 * Strides > 1 (never used by the Oct-ResNets, which pool instead) go to `fallback`, the backend's
 * own kernel. Inputs are untouched.
 * @throws Error for NCHW data
 */
export function makeConv2DBackpropInput(fallback: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = attrs as unknown as ConvGradAttrs & { inputShape: Shape4 };
    if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropInput fix: only NHWC is supported');
    const info = tf.backend_util.computeConv2DInfo(
      a.inputShape,
      filter.shape as Shape4,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    const [kh, kw] = filter.shape;
    const pad = backpropInputPadding(kh, kw, info.padInfo);
    const unit = info.strideHeight === 1 && info.strideWidth === 1;
    if (!unit || pad === null || dy.dtype !== 'float32' || filter.dtype !== 'float32') return fallback(args) as TensorInfo;
    const [, h, w, ci] = a.inputShape;
    const geometry = { padTop: pad[1][0], padLeft: pad[2][0], outHeight: h, outWidth: w, outChannels: ci };
    return directConv2D(backend as unknown as WasmBackendLike, dy, filter, geometry, null, false, true);
  };
}
