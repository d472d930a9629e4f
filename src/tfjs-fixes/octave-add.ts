/**
 * The octave's sums in inference, fused: y = act(a + b) or y = act(a + upsample×2(b)) (nearest),
 * i.e. an octave layer's Y_H = f(X_H; W_HH) + upsample(f(X_L; W_LH)) (paper eq. (1)) or a residual
 * sum, with the ReLU that follows. On wasm one pass of our SIMD kernel (src/tfjs-fixes/simd/pool2x2.c,
 * `add_up2`) replaces three (ResizeNearestNeighbor, Add, Relu); elsewhere the same tf ops. No
 * gradient: only inference (the frequency experiments, src/frequency/fuseOctaveSums.ts) uses it.
 */
import * as tf from '@tensorflow/tfjs';
import { imageSlices, runSliced, type ImageSlice } from './kernel-slices';
import { heapOffset, kernelThreads, simdExports, type SimdExports, type WasmBackendLike } from './wasm-simd-module';

/** Name of our wasm kernel (inputs a, b; attrs up, relu). */
const KERNEL = 'OctconvAddUp2';

/** Options of {@link octaveAdd}. */
export interface OctaveAddOptions {
  /** b is at half resolution and is upsampled ×2 (nearest) first. */
  upsample: boolean;
  /** Apply max(·, 0) to the sum. */
  relu: boolean;
}

/**
 * a + b (or a + upsample×2(b)), then ReLU if asked.
 * @param a [N, H, W, C]; b [N, H, W, C], or [N, H/2, W/2, C] with `upsample`.
 * @returns a new tensor [N, H, W, C].
 * @throws Error when the shapes do not fit as above.
 */
export function octaveAdd(a: tf.Tensor4D, b: tf.Tensor4D, { upsample, relu }: OctaveAddOptions): tf.Tensor4D {
  const [n, h, w, c] = a.shape;
  const want = upsample ? [n, h / 2, w / 2, c] : [n, h, w, c];
  if (b.shape.some((d, i) => d !== want[i])) {
    throw new Error(
      `octaveAdd: b has shape [${b.shape}], expected [${want}] for a [${a.shape}]${upsample ? ' (upsampled ×2)' : ''}`,
    );
  }
  if (tf.getBackend() === 'wasm' && tf.getKernel(KERNEL, 'wasm') && a.dtype === 'float32' && b.dtype === 'float32') {
    return tf.engine().runKernel(KERNEL, { a, b }, { up: upsample, relu } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
  }
  return tf.tidy(() => {
    const sum = tf.add(a, upsample ? tf.image.resizeNearestNeighbor(b, [h, w]) : b);
    return (relu ? tf.relu(sum) : sum) as tf.Tensor4D;
  });
}

/** Registers {@link KERNEL} on wasm (idempotent). */
export function registerOctaveAdd(): void {
  if (tf.getKernel(KERNEL, 'wasm')) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const { up, relu } = attrs as unknown as { up: boolean; relu: boolean };
      const be = backend as unknown as WasmBackendLike;
      const [n, h, w, c] = a.shape;
      const y = be.makeOutput([n, h, w, c], 'float32');
      if (n * h * w * c === 0) return y;
      const [a0, b0, y0, image] = [heapOffset(be, a), heapOffset(be, b), heapOffset(be, y), h * w * c * 4];
      const args = ([start, count]: ImageSlice): number[] => [
        a0 + start * image,
        b0 + start * (up ? image / 4 : image),
        count,
        h,
        w,
        c,
        up ? 1 : 0,
        relu ? 1 : 0,
        y0 + start * image,
      ];
      const ex = simdExports(be);
      runSliced(be, 'add_up2', imageSlices(n, kernelThreads(be)).map(args), (x) =>
        ex.add_up2(...(x as Parameters<SimdExports['add_up2']>)),
      );
      return y;
    },
  });
}
