/**
 * Depthwise-convolution gradients for the wasm backend of tfjs 4.22.0, which ships the forward
 * `DepthwiseConv2dNative` but neither `DepthwiseConv2dNativeBackpropInput` nor
 * `…BackpropFilter`, so no depthwise layer (Oct-MobileNet) could train on wasm. Both are built
 * from wasm's own kernels (DepthwiseConv2dNative, Reverse, Transpose, Reshape, Sum), for what the
 * Oct-MobileNets use: NHWC, depth multiplier 1, stride 1, dilation 1 (strides are pool-based).
 */
import * as tf from '@tensorflow/tfjs';
import { Scratch } from './wasm-conv-grads';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];
type Shape4 = [number, number, number, number];

/** Attributes of the two depthwise gradient kernels. */
interface DepthwiseGradAttrs {
  strides: [number, number] | number;
  dilations: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Conv info of the forward depthwise conv; @throws Error outside what these kernels cover. */
function forwardInfo(kernel: string, xShape: Shape4, filterShape: Shape4, a: DepthwiseGradAttrs): tf.backend_util.Conv2DInfo {
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, a.strides, a.dilations ?? 1, a.pad, a.dimRoundingMode, true);
  if (info.strideHeight !== 1 || info.strideWidth !== 1 || info.dilationHeight !== 1 || info.dilationWidth !== 1 || filterShape[3] !== 1) {
    throw new Error(`${kernel} (wasm): only stride 1, dilation 1 and depth multiplier 1 are supported; got strides ${info.strideHeight}×${info.strideWidth}, dilations ${info.dilationHeight}×${info.dilationWidth}, multiplier ${filterShape[3]}`);
  }
  return info;
}

/**
 * dx of a depthwise conv: dx[n, i, j, c] = Σ_{p,q} dy[n, i + pt − p, j + pl − q, c] · W[p, q, c, 0],
 * i.e. a depthwise conv of dy [N,Ho,Wo,c] with the spatially flipped kernel, padded
 * kh−1−pt / kh−1−pb / kw−1−pl / kw−1−pr. Inputs are untouched; intermediates are freed.
 * @throws Error for strides/dilations ≠ 1 or a depth multiplier ≠ 1
 */
export function makeDepthwiseBackpropInput(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = attrs as unknown as DepthwiseGradAttrs & { inputShape: Shape4 };
    const info = forwardInfo('DepthwiseConv2dNativeBackpropInput', a.inputShape, filter.shape as Shape4, a);
    const [kh, kw] = filter.shape;
    const p = info.padInfo;
    const s = new Scratch(backendName, backend);
    try {
      const flipped = kh === 1 && kw === 1 ? filter : s.run('Reverse', { x: filter }, { dims: [0, 1] });
      return s.result('DepthwiseConv2dNative', { x: dy, filter: flipped }, {
        strides: [1, 1],
        pad: [[0, 0], [kh - 1 - p.top, kh - 1 - p.bottom], [kw - 1 - p.left, kw - 1 - p.right], [0, 0]],
        dilations: [1, 1],
        dimRoundingMode: undefined,
      });
    } finally {
      s.free();
    }
  };
}

/**
 * dW of a depthwise conv: dW[p, q, c, 0] = Σ_{n,i,j} xPad[n, i + p, j + q, c] · dy[n, i, j, c].
 * With (n, c) folded into one channel axis this is one depthwise 'valid' correlation of
 * x' = [1, H, W, N·c] (padded like the forward pass) with dy' = [Ho, Wo, N·c, 1] as kernel,
 * giving [1, kh, kw, N·c]; the sum over n leaves [kh, kw, c, 1]. Intermediates are freed.
 * @throws Error for strides/dilations ≠ 1 or a depth multiplier ≠ 1
 */
export function makeDepthwiseBackpropFilter(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const a = attrs as unknown as DepthwiseGradAttrs & { filterShape: Shape4 };
    const info = forwardInfo('DepthwiseConv2dNativeBackpropFilter', x.shape as Shape4, a.filterShape, a);
    const [kh, kw, c] = a.filterShape;
    const [n, h, w] = x.shape;
    const [ho, wo] = dy.shape.slice(1);
    const p = info.padInfo;
    const s = new Scratch(backendName, backend);
    try {
      const xT = s.run('Reshape', { x: s.run('Transpose', { x }, { perm: [1, 2, 0, 3] }) }, { shape: [1, h, w, n * c] });
      const dyT = s.run('Reshape', { x: s.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }) }, { shape: [ho, wo, n * c, 1] });
      const corr = s.run('DepthwiseConv2dNative', { x: xT, filter: dyT }, {
        strides: [1, 1],
        pad: [[0, 0], [p.top, p.bottom], [p.left, p.right], [0, 0]],
        dilations: [1, 1],
        dimRoundingMode: undefined,
      }); // [1, kh, kw, N·c]
      const summed = s.run('Sum', { x: s.run('Reshape', { x: corr }, { shape: [kh, kw, n, c] }) }, { axis: [2], keepDims: false });
      return s.result('Reshape', { x: summed }, { shape: [kh, kw, c, 1] });
    } finally {
      s.free();
    }
  };
}
