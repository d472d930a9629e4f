/**
 * BatchNorm in training mode as two wasm kernels of our own (src/tfjs-fixes/simd/batchnorm.c, loaded by
 * ./wasm-simd-module.ts): `OctBatchNormTrain` (x, scale, offset → y, mean, variance) and its
 * gradient `OctBatchNormTrainGrad`. tfjs's layers API runs the same maths as ~15 full-size kernels
 * per BatchNorm forward + backward (moments, batchNorm, their gradients); these read x twice and
 * write y once forward, read x and dy twice and write dx once backward. The module imports
 * tfjs-backend-wasm's own `WebAssembly.Memory` and works on its tensors in place.
 *
 *   mean = Σx/M, variance = Σ(x − mean)²/M (biased, as tf.moments), y = (x − mean)·γ/√(var + ε) + β
 *
 * over every axis but the last (M = N·H·W for NHWC). Registered for 'wasm' only; other backends
 * keep the stock layer path.
 */
import * as tf from '@tensorflow/tfjs';
import { heapOffset, simdExports, type SimdExports, type WasmBackendLike } from './wasm-simd-module';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];

/** Kernel names. */
export const BN_TRAIN = 'OctBatchNormTrain';
export const BN_TRAIN_GRAD = 'OctBatchNormTrainGrad';

/** Runs `f` with a scratch buffer for `c` channels (freed afterwards). */
function withScratch<T>(backend: WasmBackendLike, ex: SimdExports, c: number, f: (p: number) => T): T {
  const p = backend.wasm._malloc(ex.bn_scratch_bytes(c));
  try {
    return f((p + 15) & ~15);
  } finally {
    backend.wasm._free(p);
  }
}

/** [M, C] of an input: C = last axis, M = the rest. */
function rowsAndChannels(x: TensorInfo): [number, number] {
  const c = x.shape[x.shape.length - 1];
  return [tf.util.sizeFromShape(x.shape) / c, c];
}

/** OctBatchNormTrain: inputs x [..., C], scale [C], offset [C]; attr varianceEpsilon → [y, mean, variance]. */
function forward({ inputs, backend, attrs }: KernelArgs): TensorInfo[] {
  const b = backend as unknown as WasmBackendLike;
  const { x, scale, offset } = inputs as { x: TensorInfo; scale: TensorInfo; offset: TensorInfo };
  const eps = (attrs as unknown as { varianceEpsilon: number }).varianceEpsilon;
  const [m, c] = rowsAndChannels(x);
  const ex = simdExports(b);
  const y = b.makeOutput(x.shape, 'float32');
  const mean = b.makeOutput([c], 'float32');
  const variance = b.makeOutput([c], 'float32');
  const at = (t: TensorInfo): number => heapOffset(b, t);
  withScratch(b, ex, c, (s) => ex.bn_train_forward(at(x), m, c, at(scale), at(offset), eps, at(y), at(mean), at(variance), s));
  return [y, mean, variance];
}

/** OctBatchNormTrainGrad: inputs x, dy, mean, variance, scale, dmean, dvariance → [dx, dscale, doffset]. */
function backward({ inputs, backend, attrs }: KernelArgs): TensorInfo[] {
  const b = backend as unknown as WasmBackendLike;
  const i = inputs as Record<'x' | 'dy' | 'mean' | 'variance' | 'scale' | 'dmean' | 'dvariance', TensorInfo>;
  const eps = (attrs as unknown as { varianceEpsilon: number }).varianceEpsilon;
  const [m, c] = rowsAndChannels(i.x);
  const ex = simdExports(b);
  const dx = b.makeOutput(i.x.shape, 'float32');
  const dscale = b.makeOutput([c], 'float32');
  const doffset = b.makeOutput([c], 'float32');
  const at = (t: TensorInfo): number => heapOffset(b, t);
  withScratch(b, ex, c, (s) =>
    ex.bn_train_backward(
      at(i.x),
      at(i.dy),
      m,
      c,
      at(i.mean),
      at(i.variance),
      at(i.scale),
      eps,
      at(i.dmean),
      at(i.dvariance),
      at(dx),
      at(dscale),
      at(doffset),
      s,
    ),
  );
  return [dx, dscale, doffset];
}

/** Gradient of OctBatchNormTrain w.r.t. x, scale, offset (all three outputs' gradients count). */
const batchNormTrainGrad: tf.GradConfig = {
  kernelName: BN_TRAIN,
  inputsToSave: ['x', 'scale'],
  outputsToSave: [false, true, true],
  gradFunc: (dys, saved, attrs) => {
    const [dy, dmean, dvariance] = dys as tf.Tensor[];
    const [x, scale, mean, variance] = saved;
    const [dx, dscale, doffset] = tf
      .engine()
      .runKernel(
        BN_TRAIN_GRAD,
        { x, dy, mean, variance, scale, dmean, dvariance },
        attrs as unknown as tf.NamedAttrMap,
      ) as tf.Tensor[];
    return { x: () => dx, scale: () => dscale, offset: () => doffset };
  },
};

/** Registers both kernels on 'wasm' and the gradient (idempotent). */
export function registerWasmBatchNorm(): void {
  if (tf.getKernel(BN_TRAIN, 'wasm') == null)
    tf.registerKernel({ kernelName: BN_TRAIN, backendName: 'wasm', kernelFunc: forward as unknown as tf.KernelFunc });
  if (tf.getKernel(BN_TRAIN_GRAD, 'wasm') == null)
    tf.registerKernel({ kernelName: BN_TRAIN_GRAD, backendName: 'wasm', kernelFunc: backward as unknown as tf.KernelFunc });
  tf.registerGradient(batchNormTrainGrad);
}

/**
 * y, mean, variance of BatchNorm in training mode (see the file comment) with the fused kernels.
 * x [..., C] float32, scale/offset [C]. Only where {@link hasWasmBatchNorm} is true.
 */
export function wasmBatchNormTrain(
  x: tf.Tensor,
  scale: tf.Tensor,
  offset: tf.Tensor,
  varianceEpsilon: number,
): [tf.Tensor, tf.Tensor1D, tf.Tensor1D] {
  return tf.engine().runKernel(BN_TRAIN, { x, scale, offset }, { varianceEpsilon }) as unknown as [
    tf.Tensor,
    tf.Tensor1D,
    tf.Tensor1D,
  ];
}

/** True when the current backend has the fused kernels (wasm after {@link registerWasmBatchNorm}). */
export function hasWasmBatchNorm(): boolean {
  return tf.getKernel(BN_TRAIN, tf.getBackend()) != null;
}
