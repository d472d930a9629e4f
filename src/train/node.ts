/**
 * Node-only helpers for the CLI and tests: a folder-backed data loader and backend init.
 * Not exported by ./index (the worker bundle must not pull in node:fs).
 */
import { loadCifar10FromDir, resolveCifar10Dir } from '../data/node';
import { selectBackend, setWasmThreadsHost } from './backend';
import { nodeWasmThreadsHost } from '../tfjs-fixes/wasm-node-threads';
import type { BackendChoice, BackendName } from './protocol';
import type { DataLoader } from './session';

/**
 * A {@link DataLoader} that ignores the DataSource and reads the folder `dir` (default: env
 * CIFAR10_DIR, else ../shared/cifar10, else public/data/cifar10).
 * @throws the data module's error naming the folder and the `npm run data` command.
 */
export function nodeDataLoader(dir: string = resolveCifar10Dir()): DataLoader {
  return async (_source, onProgress) => {
    const dataset = await loadCifar10FromDir(dir);
    onProgress({ phase: 'done', loadedBytes: 0, totalBytes: 0 });
    return { dataset, origin: 'files' };
  };
}

/**
 * Initialises tfjs in Node on `name` (default wasm; kernel fixes first). WASM runs `threads`
 * threads (default: env OCTCONV_WASM_THREADS, else one per logical core, at most 8); the
 * choice's reason names the count, e.g. "WebAssembly SIMD, 2 threads".
 * @throws Error naming the available backends when `name` is unavailable here (Node has no
 *   WebGL, and WebGPU only with the `webgpu` package installed as navigator.gpu), or for a bad
 *   thread count
 */
export async function initNodeBackend(name: BackendName = 'wasm', threads?: number): Promise<BackendChoice> {
  const fromEnv = process.env.OCTCONV_WASM_THREADS;
  const wanted = threads ?? (fromEnv ? Number(fromEnv) : undefined);
  setWasmThreadsHost(nodeWasmThreadsHost(wanted));
  return selectBackend(name);
}
