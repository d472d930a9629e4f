/**
 * Replacements for wasm kernels of tfjs 4.22.0 that dominated an Oct-ResNet training step in the
 * per-kernel profile (scripts/bench-profile.ts), each exact (same values as the stock kernel):
 *
 * - `Identity` and same-dtype `Cast` copy the whole tensor on wasm; the engine calls Identity to
 *   save every tensor the backward pass needs (~500 full-size copies per Oct-ResNet-20 step).
 *   Here they share the buffer by reference count, as wasm's own Reshape and the cpu backend do.
 * - `AvgPoolGrad` of the OctConv pool (2×2, stride 2, 'valid', even sizes) is a scalar loop on wasm;
 *   here it is dx = ¼ · nearest-×2-upsample(dy) (ResizeNearestNeighbor + Multiply kernels).
 *   Other pool shapes use the stock kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { runBackendKernel } from './wasm-conv-grads';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];

/** The parts of the wasm backend used here. */
interface WasmBackendLike {
  incRef(dataId: object): void;
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
}

/** Output sharing x's buffer (reference counted), optionally relabelled with `dtype`. */
function share(x: TensorInfo, backend: KernelArgs['backend']): TensorInfo {
  (backend as unknown as WasmBackendLike).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Identity without a copy (strings keep the stock path). */
export function makeSharedIdentity(stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    return x.dtype === 'string' ? stock(args) : share(x, args.backend);
  };
}

/** Cast without a copy when the dtype does not change; real conversions keep the stock kernel. */
export function makeSharedCast(stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    const { dtype } = args.attrs as unknown as { dtype: tf.DataType };
    return dtype === x.dtype && dtype !== 'string' ? share(x, args.backend) : stock(args);
  };
}

/**
 * AvgPoolGrad for the 2×2/2 'valid' pool on even sizes: dx[n, 2i+a, 2j+b, c] = dy[n, i, j, c] / 4.
 * dy [N, H/2, W/2, C], input [N, H, W, C] → dx [N, H, W, C]. Anything else → `stock`.
 */
export function makeAvgPoolGrad2x2(backendName: string, stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad } = args.attrs as unknown as {
      filterSize: number | [number, number];
      strides: number | [number, number];
      pad: unknown;
    };
    const two = (v: number | [number, number]): boolean => (Array.isArray(v) ? v[0] === 2 && v[1] === 2 : v === 2);
    const [, h, w] = input.shape;
    const exact = two(filterSize) && two(strides) && pad === 'valid' && h % 2 === 0 && w % 2 === 0 && input.dtype === 'float32';
    if (!exact) return stock(args);
    const backend = args.backend as unknown as WasmBackendLike;
    const up = runBackendKernel(
      'ResizeNearestNeighbor',
      backendName,
      args.backend,
      { images: dy },
      {
        alignCorners: false,
        halfPixelCenters: false,
        size: [h, w],
      },
    );
    const quarter = backend.makeOutput([], 'float32');
    backend.typedArrayFromHeap(quarter)[0] = 0.25;
    try {
      return runBackendKernel('Multiply', backendName, args.backend, { a: up, b: quarter }, {});
    } finally {
      backend.disposeData(up.dataId);
      backend.disposeData(quarter.dataId);
    }
  };
}
