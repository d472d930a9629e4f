/**
 * Kernel fixes for tfjs 4.22.0 (docs/tfjs-notes.md bugs 1 and 2) and wasm training speed, registered in one place.
 *
 * Call {@link registerKernelFixes} once before (or after) a backend initialises; it only touches the
 * global kernel registry, so it works in Node, in a browser page and in a Web Worker.
 */
import * as tf from '@tensorflow/tfjs';
import { leanBatchNormGrad } from './batchnorm-grad';
import { leanMeanGrad } from './mean-grad';
import { makeConv2DBackpropFilter, makeConv2DBackpropInput } from './wasm-conv-grads';
import { makeDepthwiseBackpropFilter, makeDepthwiseBackpropInput } from './wasm-depthwise-grads';
import { makeDirectConv2D, makeDirectFusedConv2D } from './wasm-conv-forward';
import { makeSharedCast, makeSharedIdentity } from './wasm-fast-kernels';
import { makeAvgPool2x2, makeAvgPoolGrad2x2, makeResizeNearest2x } from './wasm-octave-resample';
import { registerWasmBatchNorm } from './wasm-batchnorm';
import { registerOctaveAdd } from './octave-add';

/** Marker so that a second call finds our own kernels and does nothing. */
const FIX_MARK = Symbol.for('octconv-lab.kernelFix');

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
 * 2. wasm `Conv2DBackpropInput` (stock kernel is a scalar loop, ~10× the forward conv) is replaced
 *    for stride 1 by our SIMD conv with the flipped kernel ({@link makeConv2DBackpropInput});
 *    other strides still use the stock kernel. Stride-1 `Conv2D` / `FusedConv2D` run our SIMD
 *    conv too (./wasm-conv-forward.ts: faster than XNNPACK at these channel counts).
 *    wasm `Identity`/same-dtype `Cast` share buffers instead of copying ({@link ./wasm-fast-kernels.ts});
 *    the octave's 2×2/2 `AvgPool`, its `AvgPoolGrad` and the ×2 `ResizeNearestNeighbor` run our
 *    SIMD kernels ({@link ./wasm-octave-resample.ts}).
 * 3. The `FusedBatchNorm` gradient (all backends) is replaced by {@link leanBatchNormGrad}: the same
 *    formulas without the full-size `Tile` and with shared reductions; the `Mean` gradient by
 *    {@link leanMeanGrad} (one full-size pass fewer).
 * 5. wasm `DepthwiseConv2dNativeBackpropInput` / `…BackpropFilter` (both missing in 4.22.0, so no
 *    depthwise layer could train): {@link ./wasm-depthwise-grads.ts}; stride 1 only (the
 *    Oct-MobileNets pool instead). A kernel a later tfjs ships is kept.
 * 4. The wrong cpu `ResizeNearestNeighborGrad` (batch > 1) is NOT re-registered: the model's
 *    L→H upsample ({@link ../octconv/upsample.ts}) carries its own exact gradient via `tf.customGrad`, so the
 *    faulty kernel is never reached by OctConv. Code that calls `tf.image.resizeNearestNeighbor`
 *    directly must not rely on its cpu gradient.
 * 5. BatchNorm in training mode on wasm: two fused kernels of our own ({@link registerWasmBatchNorm},
 *    run by the model's BatchNormalization layers, ./fast-batchnorm.ts).
 * 6. Inference only: the octave's sums with their ReLU in one pass ({@link registerOctaveAdd},
 *    ./octave-add.ts), and 3×3 `FusedConv2D` by Winograd's F(4×4, 3×3) (./wasm-winograd.ts).
 */
export function registerKernelFixes(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[FIX_MARK]) return;
  if (!hasKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: makeConv2DBackpropFilter('wasm'),
      // Runs when the wasm backend initialises, i.e. after its package registered its kernels,
      // even if this function ran before `import('@tensorflow/tfjs-backend-wasm')`.
      setupFunc: () => wrapWasmKernels(),
    });
  }
  const depthwiseGrads = {
    DepthwiseConv2dNativeBackpropInput: makeDepthwiseBackpropInput('wasm'),
    DepthwiseConv2dNativeBackpropFilter: makeDepthwiseBackpropFilter('wasm'),
  };
  for (const [kernelName, kernelFunc] of Object.entries(depthwiseGrads)) {
    if (!hasKernel(kernelName, 'wasm')) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
  wrapWasmKernels(); // in case the wasm package is already loaded
  tf.registerGradient(leanBatchNormGrad);
  tf.registerGradient(leanMeanGrad);
  registerWasmBatchNorm();
  registerOctaveAdd();
  g[FIX_MARK] = true;
}

/** Marks our wrappers so each is installed once. */
const WRAP_MARK = Symbol.for('octconv-lab.wasmWrap');

/** wasm kernels replaced by faster exact ones: name → maker(stock kernel). */
const WASM_WRAPPERS: Record<string, (stock: tf.KernelFunc) => tf.KernelFunc> = {
  Conv2DBackpropInput: (stock) => makeConv2DBackpropInput(stock),
  Conv2D: (stock) => makeDirectConv2D(stock),
  FusedConv2D: (stock) => makeDirectFusedConv2D(stock),
  Identity: (stock) => makeSharedIdentity(stock),
  Cast: (stock) => makeSharedCast(stock),
  AvgPoolGrad: (stock) => makeAvgPoolGrad2x2(stock),
  AvgPool: (stock) => makeAvgPool2x2(stock),
  ResizeNearestNeighbor: (stock) => makeResizeNearest2x(stock),
};

/** Replaces each registered, not yet wrapped wasm kernel of {@link WASM_WRAPPERS} (keeps its setupFunc). */
function wrapWasmKernels(): void {
  for (const [name, make] of Object.entries(WASM_WRAPPERS)) {
    const stock = tf.getKernel(name, 'wasm');
    if (stock == null || (stock.kernelFunc as unknown as Record<symbol, boolean>)[WRAP_MARK]) continue;
    const fast = make(stock.kernelFunc);
    (fast as unknown as Record<symbol, boolean>)[WRAP_MARK] = true;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...stock, kernelFunc: fast });
  }
}
