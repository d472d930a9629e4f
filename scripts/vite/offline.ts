/**
 * The lab's service worker (vite-plugin-pwa → Workbox generateSW): after one visit the page, its
 * workers and the tfjs WebAssembly binaries load with the network off (a lecture hall). Only the
 * production build gets one: `injectRegister: 'script'` adds `registerSW.js` to the built
 * index.html, and the dev server (`npm run dev`) neither builds nor registers a worker
 * (`devOptions.enabled` stays false), so Vite's hot reload is never served from a stale cache.
 *
 * CIFAR-10 is NOT precached: it already lives parsed in IndexedDB (src/data/cache.ts, docs/data-cache.md)
 * and the service worker lets every `data/` request through to the network untouched.
 *
 * The Content-Security-Policy of scripts/vite/headers.ts already allows this: `worker-src 'self'`
 * covers the same-origin service worker, whose own fetches are same-origin (`connect-src 'self'`).
 * Precached responses keep their COOP/COEP headers, so the page stays cross-origin isolated offline
 * (the threaded WASM backend still gets SharedArrayBuffer).
 */
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Largest file the service worker precaches, in bytes. The biggest are the worker bundle and the
 * tfjs-backend-wasm binaries (a few MiB each); Workbox's 2 MiB default would drop them and the
 * build fails on that warning (vite-plugin-pwa ≥ 0.20.2).
 */
export const PRECACHE_MAX_FILE_BYTES = 32 * 1024 * 1024;

/** What the service worker precaches: the page, its scripts and styles, the workers and the wasm binaries. */
export const PRECACHE_GLOBS: readonly string[] = ['**/*.{html,js,css,wasm,svg,png,ico,json,txt}'];

/** Never precached: the CIFAR-10 folder that `npm run data` puts next to the site (public/data/). */
export const PRECACHE_IGNORES: readonly string[] = ['data/**'];

/** The vite-plugin-pwa plugins for vite.config.ts (no web app manifest: the lab is a page, not an app). */
export function offlineLab(): Plugin[] {
  return VitePWA({
    injectRegister: 'script',
    registerType: 'autoUpdate',
    manifest: false,
    workbox: {
      globPatterns: [...PRECACHE_GLOBS],
      globIgnores: [...PRECACHE_IGNORES],
      maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
      // Any lab URL (with its ?alpha=… settings) opens the precached page offline; data/ never does.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/data\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
    },
  });
}
