/**
 * HTTP response headers of the lab, shared by `vite dev`/`vite preview` (vite.config.ts), the
 * e2e static server (test/e2e/staticServer.ts) and the static-host setup in README.md.
 *
 * Cross-origin isolation (COOP + COEP) gives the page and its workers SharedArrayBuffer, which
 * tfjs-backend-wasm's threaded SIMD build needs; every resource is same-origin, so
 * `require-corp` blocks nothing.
 *
 * The Content-Security-Policy allows only same-origin code, with three justified exceptions:
 * - `'wasm-unsafe-eval'`: compiling the tfjs WebAssembly kernels;
 * - `'unsafe-eval'`: the threaded WASM loader is shipped as text and built with `new Function`
 *   (see tfjsWasmThreadedFactory in vite.config.ts: tfjs starts each pthread worker from
 *   `factory.toString()`, which minification would break); no user text is ever evaluated;
 * - `blob:` workers: tfjs starts those pthread workers from a Blob of that text.
 * `style-src 'unsafe-inline'`: the α palette is injected as a <style> element (src/ui/main.tsx).
 * `worker-src 'self'` also admits the built site's service worker (scripts/vite/offline.ts), whose
 * registration script (registerSW.js) is a same-origin file, not an inline script.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The Content-Security-Policy (see the file comment for each exception). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Every header a host of the lab should send: isolation, CSP, no MIME sniffing, no referrer, no framing. */
export const LAB_HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * Headers of the dev server (`npm start`, `npm run dev`): the same without the CSP, because Vite's
 * dev client and @vitejs/plugin-react's Fast Refresh preamble are inline scripts that a strict
 * script-src blocks (a blank page). The built site (`vite preview`, static hosts, e2e) keeps the CSP.
 */
export const DEV_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LAB_HEADERS).filter(([name]) => name !== 'Content-Security-Policy'),
);
