/**
 * Browser-only: tells the WASM backend where Vite serves its three binaries (docs/tfjs-notes.md,
 * "Backends that run here"). Imported ONLY by the worker entry (src/train/worker.ts), never by
 * Node code: the `?url` imports are a Vite feature. All three files are mapped so tfjs never
 * falls back to a CDN; the threaded SIMD one runs when the page is cross-origin isolated (see
 * backend.ts and vite.config.ts), the SIMD one otherwise.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});
