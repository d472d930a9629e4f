/**
 * Replacements for wasm kernels of tfjs 4.22.0 that dominated an Oct-ResNet training step in the
 * per-kernel profile (scripts/bench-profile.ts), each exact (same values as the stock kernel):
 *
 * - `Identity` and same-dtype `Cast` copy the whole tensor on wasm; the engine calls Identity to
 *   save every tensor the backward pass needs (~500 full-size copies per Oct-ResNet-20 step).
 *   Here they share the buffer by reference count, as wasm's own Reshape and the cpu backend do.
 * (The octave's pool and upsample kernels are in ./wasm-octave-resample.ts.)
 */
import * as tf from '@tensorflow/tfjs';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];

/** The parts of the wasm backend used here. */
interface WasmBackendLike {
  incRef(dataId: object): void;
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
