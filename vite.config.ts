import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation (COOP + COEP): gives the page and its workers SharedArrayBuffer, which
 * tfjs-backend-wasm's threaded SIMD build needs (src/train/backend.ts). Every resource the lab
 * loads is same-origin, so `require-corp` blocks nothing. Static hosts must send the same two
 * headers, or training falls back to 1 WASM thread (the backend indicator says so).
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Keeps tfjs-backend-wasm's threaded Emscripten factory intact through minification.
 * tfjs starts each pthread worker from `factory.toString()`, so the bundled function must not
 * depend on anything outside its own text; minified, it referenced a renamed outer variable and
 * every pthread worker died with `ReferenceError: e is not defined` (TFJS-NOTES "WASM threads").
 * Shipping the module's original text as a string and building the factory with `new Function`
 * keeps `toString()` byte-identical to the package's file. Applied to the page and the workers.
 */
function tfjsWasmThreadedFactory(): Plugin {
  return {
    name: 'octconv:tfjs-wasm-threaded-factory',
    enforce: 'pre',
    transform(code, id) {
      if (!/tfjs-backend-wasm-threaded-simd\.js$/.test(id.split('?')[0])) return null;
      const body = `${code}\nreturn WasmBackendModuleThreadedSimd;`;
      return { code: `export default new Function(${JSON.stringify(body)})();\n`, map: null };
    },
  };
}

/**
 * Vite config for the lab. `base: './'` makes the build work from any static host path.
 * The training worker is an ES module worker (see src/train/worker.ts).
 */
export default defineConfig({
  base: './',
  plugins: [react(), tfjsWasmThreadedFactory()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreadedFactory()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
});
