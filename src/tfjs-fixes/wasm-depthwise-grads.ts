/**
 * Depthwise-convolution gradients for the wasm backend of tfjs 4.22.0, which ships the forward
 * `DepthwiseConv2dNative` but neither `DepthwiseConv2dNativeBackpropInput` nor
 * `…BackpropFilter`, so no depthwise layer (Oct-MobileNet) could train on wasm. Both are built
 * from wasm's own kernels (DepthwiseConv2dNative, Reverse, PadV2, Slice, Multiply, Sum, Concat), for what the
 * Oct-MobileNets use: NHWC, depth multiplier 1, stride 1, dilation 1 (strides are pool-based).
 */
import * as tf from '@tensorflow/tfjs';
import { Scratch, backpropInputPadding } from './wasm-conv-grads';

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
  const info = tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
    true,
  );
  if (
    info.strideHeight !== 1 ||
    info.strideWidth !== 1 ||
    info.dilationHeight !== 1 ||
    info.dilationWidth !== 1 ||
    filterShape[3] !== 1
  ) {
    throw new Error(
      `${kernel} (wasm): only stride 1, dilation 1 and depth multiplier 1 are supported; got strides ${info.strideHeight}×${info.strideWidth}, dilations ${info.dilationHeight}×${info.dilationWidth}, multiplier ${filterShape[3]}`,
    );
  }
  return info;
}

/**
 * dx of a depthwise conv: dx[n, i, j, c] = Σ_{p,q} dy[n, i + pt − p, j + pl − q, c] · W[p, q, c, 0],
 * i.e. a depthwise conv of dy [N,Ho,Wo,c] with the spatially flipped kernel, padded
 * kh−1−pt / kh−1−pb / kw−1−pl / kw−1−pr. Inputs are untouched; intermediates are freed.
 * @throws Error for strides/dilations ≠ 1, a depth multiplier ≠ 1, or padding wider than kernel − 1
 */
export function makeDepthwiseBackpropInput(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = attrs as unknown as DepthwiseGradAttrs & { inputShape: Shape4 };
    const info = forwardInfo('DepthwiseConv2dNativeBackpropInput', a.inputShape, filter.shape as Shape4, a);
    const [kh, kw] = filter.shape;
    const pad = backpropInputPadding(kh, kw, info.padInfo);
    if (pad === null)
      throw new Error(
        `DepthwiseConv2dNativeBackpropInput (wasm): padding ${JSON.stringify(info.padInfo)} exceeds kernel ${kh}×${kw} − 1`,
      );
    const s = new Scratch(backendName, backend);
    try {
      return s.result(
        'DepthwiseConv2dNative',
        { x: dy, filter: s.flipSpatially(filter) },
        {
          strides: [1, 1],
          pad,
          dilations: [1, 1],
          dimRoundingMode: undefined,
        },
      );
    } finally {
      s.free();
    }
  };
}

/**
 * dW of a depthwise conv: dW[p, q, c, 0] = Σ_{n,i,j} xPad[n, i + p, j + q, c] · dy[n, i, j, c]:
 * per kernel tap (p, q) one slice of the padded input times dy, summed over n, i, j (kh·kw
 * element-wise passes; a single correlation with dy as a kernel would need XNNPACK to pack a
 * Ho×Wo kernel per N·c channels, which runs out of memory at batch 64). Intermediates are freed.
 * @throws Error for strides/dilations ≠ 1 or a depth multiplier ≠ 1
 */
export function makeDepthwiseBackpropFilter(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const a = attrs as unknown as DepthwiseGradAttrs & { filterShape: Shape4 };
    const info = forwardInfo('DepthwiseConv2dNativeBackpropFilter', x.shape as Shape4, a.filterShape, a);
    const [kh, kw, c] = a.filterShape;
    const [n, ho, wo] = dy.shape;
    const p = info.padInfo;
    const s = new Scratch(backendName, backend);
    const taps: TensorInfo[] = [];
    const kb = backend as tf.KernelBackend;
    try {
      const xPad = s.run(
        'PadV2',
        { x },
        {
          paddings: [
            [0, 0],
            [p.top, p.bottom],
            [p.left, p.right],
            [0, 0],
          ],
          constantValue: 0,
        },
      );
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) {
          const tap = new Scratch(backendName, backend);
          try {
            const window = tap.run('Slice', { x: xPad }, { begin: [0, i, j, 0], size: [n, ho, wo, c] });
            const prod = tap.run('Multiply', { a: window, b: dy }, {});
            taps.push(tap.result('Sum', { x: prod }, { axis: [0, 1, 2], keepDims: false })); // [c]
          } finally {
            tap.free();
          }
        }
      }
      const concat = tf
        .getKernel('Concat', backendName)!
        .kernelFunc({ inputs: taps as unknown as tf.NamedTensorInfoMap, backend, attrs: { axis: 0 } }) as TensorInfo;
      const out = s.result('Reshape', { x: concat }, { shape: [kh, kw, c, 1] });
      kb.disposeData(concat.dataId);
      return out;
    } finally {
      for (const t of taps) kb.disposeData(t.dataId);
      s.free();
    }
  };
}
