/**
 * Multi-threaded tfjs-backend-wasm 4.22.0 in Node (CLI, bench, tests). Node-only: imported by
 * src/train/node.ts, never by the browser bundle (src/train/backend.ts imports only the type).
 *
 * The package starts its pthread workers from a blob: URL (`URL.createObjectURL(Blob)`), which
 * Node's `worker_threads.Worker` rejects (ERR_WORKER_PATH), and caps its pool at
 * `os.cpus().length / 2`. Here `URL.createObjectURL` answers a file path for exactly the
 * package's worker Blob — ./wasm-node-worker.cjs, which runs the package's own worker code — and
 * `os.cpus()` reads `2 × threads` while the wasm module initialises. Nothing of tfjs is forked.
 */
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PoolSpawner } from './simd-pool';

/**
 * How to run threaded WASM outside a cross-origin isolated page (Node: {@link nodeWasmThreadsHost}).
 * `initThreaded` wraps the threaded initialisation (worker path, thread cap).
 */
export interface WasmThreadsHost {
  /** Threads wanted (1 = the single-threaded build). */
  threads: number;
  initThreaded<T>(init: () => Promise<T>): Promise<T>;
  /**
   * Starts the workers of our own kernels' thread pool (./simd-pool.ts); absent = no pool. Off
   * unless asked for (env OCTCONV_KERNEL_THREADS=1): long Node runs with it hung twice in
   * tfjs's `free` (bench/README.md), cause not found.
   */
  spawnKernelWorker?: PoolSpawner;
}

/** Most threads tfjs 4.22.0 can use (its build pre-creates 8 pthread workers). */
export const MAX_NODE_WASM_THREADS = 8;

const WORKER_FILE = fileURLToPath(new URL('./wasm-node-worker.cjs', import.meta.url));
const MARK = Symbol.for('octconv-lab.nodeWorkerUrl');

/** Length of the package's worker Blob (its source with '\n' escaped, as the package builds it). */
function workerBlobSize(): number {
  const require = createRequire(import.meta.url);
  const { wasmWorkerContents } = require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js') as {
    wasmWorkerContents: string;
  };
  return new Blob([wasmWorkerContents.replace(/\n/g, '\\n')]).size;
}

/** Makes `URL.createObjectURL` answer the worker file for the package's worker Blob (idempotent). */
function redirectWorkerBlob(): void {
  const url = URL as unknown as Record<symbol, boolean> & { createObjectURL(o: Blob): string };
  if (url[MARK]) return;
  const size = workerBlobSize();
  const original = url.createObjectURL.bind(URL);
  url.createObjectURL = (o: Blob): string =>
    o instanceof Blob && o.type === 'application/javascript' && o.size === size ? WORKER_FILE : original(o);
  url[MARK] = true;
}

/** Runs `init` while `os.cpus()` lists `2 × threads` entries (the package halves it). */
async function withCpuCount<T>(threads: number, init: () => Promise<T>): Promise<T> {
  const cpus = os.cpus;
  const list = cpus();
  os.cpus = () => Array.from({ length: 2 * threads }, (_, i) => list[i % list.length]);
  try {
    return await init();
  } finally {
    os.cpus = cpus;
  }
}

/**
 * The host for `threads` WASM threads in Node (default: one per logical core, at most
 * {@link MAX_NODE_WASM_THREADS}); 1 thread means the single-threaded SIMD build.
 * @throws Error when threads is not an integer in [1, MAX_NODE_WASM_THREADS]
 */
export function nodeWasmThreadsHost(threads: number = Math.min(MAX_NODE_WASM_THREADS, os.cpus().length)): WasmThreadsHost {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_NODE_WASM_THREADS) {
    throw new Error(`threads must be an integer from 1 to ${MAX_NODE_WASM_THREADS}, got ${threads}`);
  }
  return {
    threads,
    initThreaded: (init) => {
      redirectWorkerBlob();
      return withCpuCount(threads, init);
    },
    spawnKernelWorker: process.env.OCTCONV_KERNEL_THREADS === '1' ? spawnNodeKernelWorker : undefined,
  };
}

/** Prelude giving a worker_threads script the `self.onmessage` / `self.postMessage` of a Web Worker. */
const WEB_WORKER_SHIM = `const { parentPort } = require('node:worker_threads');
const self = { postMessage: (m) => parentPort.postMessage(m) };
parentPort.once('message', (data) => self.onmessage({ data }));
`;

/** A kernel-pool worker in Node: `source` evaluated in a worker_thread, unref'd so it never holds the process open. */
function spawnNodeKernelWorker(source: string): ReturnType<PoolSpawner> {
  const worker = new Worker(WEB_WORKER_SHIM + source, { eval: true });
  worker.unref();
  return {
    postMessage: (m) => worker.postMessage(m),
    onMessage: (listener) => worker.on('message', listener),
    terminate: () => void worker.terminate(),
  };
}
