/**
 * Kernel fixes for tfjs 4.22.0 (TFJS-NOTES bugs 1 and 2), registered in one place.
 *
 * Call {@link registerKernelFixes} once before (or after) a backend initialises; it only touches the
 * global kernel registry, so it works in Node, in a browser page and in a Web Worker.
 */
import * as tf from '@tensorflow/tfjs';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];

/** Marker so that a second call finds our own kernels and does nothing. */
const FIX_MARK = Symbol.for('octconv-lab.kernelFix');

/** Runs another kernel of the same backend on TensorInfos (backend-level composition, no tape). */
function runKernel(
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

/**
 * `Conv2DBackpropFilter` (dW of a 2-D convolution, NHWC, dilation 1) written as a forward conv2d
 * in which the batch axis plays the role of channels (TFJS-NOTES bug 1):
 *
 *   dW[p, q, ci, co] = Σ_{n,i,j} xPad[n, i·s + p, j·s + q, ci] · dy[n, i, j, co]
 *
 * is a 'valid' correlation of xᵀ = [ci, H, W, N] (explicitly padded like the forward pass) with
 * dyᵀ = [Ho, Wo, N, co] as filter, stride 1, dilation = forward stride s; the result
 * [ci, ≥kh, ≥kw, co] is sliced to the kernel size and transposed to [kh, kw, ci, co].
 * Intermediates are freed with `backend.disposeData`; inputs are untouched.
 */
function makeConv2DBackpropFilter(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }: KernelArgs): TensorInfo => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as {
      strides: [number, number] | number;
      pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
      dataFormat: 'NHWC' | 'NCHW';
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
      filterShape: [number, number, number, number];
    };
    if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter fix: only NHWC is supported');
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      'channelsLast',
    );
    const [kh, kw, ci, co] = filterShape;
    const p = info.padInfo;
    const temps: TensorInfo[] = [];
    const run = (name: string, ins: Record<string, TensorInfo>, at: Record<string, unknown>): TensorInfo => {
      const out = runKernel(name, backendName, backend, ins, at);
      temps.push(out);
      return out;
    };
    const xT = run('Transpose', { x }, { perm: [3, 1, 2, 0] }); // [ci, H, W, N]
    const dyT = run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }); // [Ho, Wo, N, co]
    const corr = run(
      'Conv2D',
      { x: xT, filter: dyT },
      {
        strides: [1, 1],
        pad: [[0, 0], [p.top, p.bottom], [p.left, p.right], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [info.strideHeight, info.strideWidth],
        dimRoundingMode: undefined,
      },
    ); // [ci, ≥kh, ≥kw, co]
    const sliced = run('Slice', { x: corr }, { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] });
    const out = runKernel('Transpose', backendName, backend, { x: sliced }, { perm: [1, 2, 0, 3] });
    for (const t of temps) (backend as tf.KernelBackend).disposeData(t.dataId);
    return out;
  };
}

/** True when the registry already holds a kernel for (name, backend). */
function hasKernel(name: string, backendName: string): boolean {
  return tf.getKernel(name, backendName) != null;
}

/**
 * Registers the project's kernel fixes for tfjs 4.22.0. Idempotent; safe to call before any backend
 * is initialised (it only edits the kernel registry), in Node and in browsers/workers.
 *
 * 1. wasm `Conv2DBackpropFilter` (missing in 4.22.0, so wasm could not train convs): registered via
 *    {@link makeConv2DBackpropFilter}, built from wasm's own Transpose/Conv2D/Slice kernels. If a
 *    later tfjs ships its own kernel, that one is kept.
 * 2. The wrong cpu `ResizeNearestNeighborGrad` (batch > 1) is NOT re-registered: the model's
 *    L→H upsample ({@link ./upsample.ts}) carries its own exact gradient via `tf.customGrad`, so the
 *    faulty kernel is never reached by OctConv. Code that calls `tf.image.resizeNearestNeighbor`
 *    directly must not rely on its cpu gradient.
 */
export function registerKernelFixes(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[FIX_MARK]) return;
  if (!hasKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: makeConv2DBackpropFilter('wasm'),
    });
  }
  g[FIX_MARK] = true;
}
