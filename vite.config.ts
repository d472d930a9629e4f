import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { DEV_HEADERS, LAB_HEADERS } from './scripts/vite/headers.ts';
import { tfjsNoUrlFlags } from './scripts/vite/tfjs-no-url-flags.ts';
import { pageBudget } from './scripts/vite/page-budget.ts';
import { offlineLab } from './scripts/vite/offline.ts';

// Headers (COOP/COEP for WASM threads, CSP, nosniff, referrer, framing): scripts/vite/headers.ts.
// Static hosts must send the same set, or training falls back to 1 WASM thread.

/**
 * Keeps tfjs-backend-wasm's threaded Emscripten factory intact through minification.
 * tfjs starts each pthread worker from `factory.toString()`, so the bundled function must not
 * depend on anything outside its own text; minified, it referenced a renamed outer variable and
 * every pthread worker died with `ReferenceError: e is not defined` (docs/tfjs-notes.md, "WASM threads").
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
 * The training worker is an ES module worker (see src/train/worker.ts). The production build
 * gets a service worker for offline use (scripts/vite/offline.ts).
 */
export default defineConfig({
  base: './',
  plugins: [react(), tfjsWasmThreadedFactory(), tfjsNoUrlFlags(), pageBudget(), offlineLab()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreadedFactory(), tfjsNoUrlFlags()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { host: '127.0.0.1', headers: { ...DEV_HEADERS } },
  preview: { headers: { ...LAB_HEADERS } },
});
