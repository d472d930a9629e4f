/**
 * Workarounds and speed kernels for tfjs 4.22.0, apart from the OctConv maths (src/octconv). One
 * registration point: {@link registerKernelFixes} (./kernels.ts), called by the backend selection
 * (src/train/backend.ts) before any backend initialises. Engine facts: docs/tfjs-notes.md.
 *
 * | kernel / gradient | backend | bug or speed-up | file | test |
 * | --- | --- | --- | --- | --- |
 * | `Conv2DBackpropFilter` | wasm | bug: missing in 4.22.0 (docs/tfjs-notes.md bug 1); stride 1 by our SIMD kernel | wasm-conv-grads.ts, simd/conv_filter_grad.c | test/octconv/kernels.test.ts, fast-grads.test.ts |
 * | `Conv2D`, `FusedConv2D` (stride 1, bias, linear/ReLU) | wasm | speed: our SIMD conv instead of XNNPACK on one thread (or with our kernel threads) | wasm-conv-forward.ts, simd/conv_forward.c | test/octconv/direct-conv.test.ts |
 * | `FusedConv2D` 3×3 stride 1 (inference only: training calls Conv2D) | wasm | speed: Winograd F(4×4, 3×3), 4× fewer multiply-adds | wasm-winograd.ts, simd/winograd.c | test/octconv/winograd.test.ts |
 * | `OctconvAddUp2` (our kernel, via `octaveAdd`; inference only) | wasm | speed: act(a + b) or act(a + upsample×2(b)) in one pass instead of three | octave-add.ts, simd/pool2x2.c | test/octconv/octave-add.test.ts |
 * | `Conv2DBackpropInput` (stride 1) | wasm | speed: our SIMD conv with the flipped kernel (no stock scalar loop) | wasm-conv-grads.ts, wasm-conv-forward.ts | test/octconv/fast-grads.test.ts |
 * | threads for our kernels (not a kernel; experimental, off unless OCTCONV_KERNEL_THREADS=1 in Node) | wasm | speed: our kernels split their images over tfjs's thread count (workers on the shared memory) | simd-pool.ts, kernel-slices.ts | test/train/wasm-node-threads.test.ts, simd-build.test.ts |
 * | `DepthwiseConv2dNativeBackpropInput` / `…Filter` | wasm | bug: missing in 4.22.0 | wasm-depthwise-grads.ts | test/octconv/depthwise.test.ts |
 * | `Identity`, same-dtype `Cast` | wasm | speed: share the buffer instead of copying | wasm-fast-kernels.ts | test/octconv/fast-grads.test.ts |
 * | `AvgPool`, `AvgPoolGrad` (2×2/2), `ResizeNearestNeighbor` (×2) | wasm | speed: our SIMD kernels for the octave's resolution changes (stock: scalar loops) | wasm-octave-resample.ts, simd/pool2x2.c | test/octconv/octave-resample.test.ts |
 * | `FusedBatchNorm` gradient | all | speed: no full-size Tile, shared reductions | batchnorm-grad.ts | test/octconv/fast-grads.test.ts |
 * | `Mean` gradient | all | speed: one full-size pass fewer | mean-grad.ts | test/octconv/fast-grads.test.ts |
 * | BatchNorm in training (`OctBatchNormTrain` + gradient) | wasm | speed: two fused SIMD kernels of our own, run by a BatchNormalization subclass saved under tfjs's class name | wasm-batchnorm.ts, fast-batchnorm.ts, wasm-simd-module.ts, simd/batchnorm.c | test/octconv/wasm-batchnorm.test.ts, simd-build.test.ts |
 * | wasm thread pool in Node (not a kernel) | wasm | bug: the package starts its pthread workers from a blob: URL that Node's Worker rejects (ERR_WORKER_PATH) and caps the pool at cores / 2; Node-only, set up by src/train/node.ts | wasm-node-threads.ts, wasm-node-worker.cjs | test/train/wasm-node-threads.test.ts |
 * | `ResizeNearestNeighborGrad` | cpu | bug: wrong for batch > 1 (docs/tfjs-notes.md bug 2); not re-registered — the L→H upsample carries its own exact gradient (src/octconv/upsample.ts) | — | test/octconv/kernels.test.ts |
 */
export { registerKernelFixes } from './kernels';
export { octaveAdd, type OctaveAddOptions } from './octave-add';
export { kernelThreads, setTfjsWasmThreads, startKernelThreads, type WasmBackendLike } from './wasm-simd-module';
