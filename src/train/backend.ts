/**
 * Backend selection and initialisation (docs/architecture.md §1.2): the ranking of
 * ./backend-probe, kernel fixes first, WASM threads where the scope allows. Software adapters
 * (a WebGPU fallback adapter, SwiftShader, llvmpipe) measured 20–35× slower than single-threaded
 * WASM on this project's machines, so they rank below WASM. DOM-free.
 */
import * as tf from '@tensorflow/tfjs';
import { registerKernelFixes } from '../octconv/index';
import { detectEnvironment, explainChoice, probeBackends, rankBackends, type BackendEnvironment } from './backend-probe';
import type { WasmThreadsHost } from '../tfjs-fixes/wasm-node-threads';
import { setTfjsWasmThreads, startKernelThreads, type WasmBackendLike } from '../tfjs-fixes/index';
import { BACKEND_NAMES, type BackendCandidate, type BackendChoice, type BackendName } from './protocol';

/** All backends, in the protocol's order. */
export { BACKEND_NAMES };

export {
  isSoftwareRenderer,
  detectEnvironment,
  probeBackends,
  backendRank,
  rankBackends,
  explainChoice,
  type AdapterLike,
  type BackendEnvironment,
} from './backend-probe';

/**
 * Makes sure the tfjs backend `name` is registered: wasm and webgpu are imported (own chunks) on
 * first use; cpu and webgl come with '@tensorflow/tfjs' itself.
 * @throws Error when the backend is still not registered afterwards.
 */
async function ensureRegistered(name: BackendName): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  else if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (!tf.findBackendFactory(name)) throw new Error(`tfjs backend '${name}' is not registered in this build`);
}

/** Most WASM threads tfjs 4.22.0 can use: its build pre-creates 8 pthread workers. */
const MAX_WASM_THREADS = 8;

/** Most threads this scope's WASM backend may start (set by a page running several workers). */
let wasmThreadBudget = MAX_WASM_THREADS;

/**
 * Caps the WASM threads of this scope (e.g. hardwareConcurrency split across the page's training
 * workers); call before the backend initialises. @throws Error when n is not an integer ≥ 1.
 */
export function setWasmThreadBudget(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`WASM thread budget must be an integer ≥ 1 (got ${n})`);
  wasmThreadBudget = Math.min(MAX_WASM_THREADS, n);
}

/** What the last WASM initialisation got: its thread count and, with 1 thread, why. */
let wasmThreads: { threads: number; note: string } = { threads: 1, note: 'not initialised' };

/** The detail text of the initialised WASM backend, e.g. "WebAssembly SIMD, 2 threads". */
export function wasmThreadsDetail(): string {
  return wasmThreads.threads > 1
    ? `WebAssembly SIMD, ${wasmThreads.threads} threads${wasmThreads.note ? ` (${wasmThreads.note})` : ''}`
    : `WebAssembly SIMD, 1 thread (${wasmThreads.note})`;
}

/**
 * Runs `init` while `navigator.hardwareConcurrency` reads `2 × threads`. tfjs-backend-wasm
 * 4.22.0 caps its thread pool at hardwareConcurrency / 2 (it assumes two hyper-threads per
 * core), so on a 2-core machine it would never use more than 1 thread; its C++ reads the value
 * once, while the module initialises. The own property is removed afterwards.
 */
async function withThreadCap<T>(threads: number, init: () => Promise<T>): Promise<T> {
  const nav = globalThis.navigator as Navigator | undefined;
  let patched = false;
  try {
    if (nav) Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
    patched = true;
  } catch {
    // Read-only navigator: tfjs keeps its own cap; the thread count read afterwards says so.
  }
  try {
    return await init();
  } finally {
    if (patched && nav) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/** How to run threaded WASM outside a cross-origin isolated page (src/tfjs-fixes/wasm-node-threads.ts). */
export type { WasmThreadsHost };

let wasmHost: WasmThreadsHost | null = null;

/** Sets (or clears, with null) the host used by the next WASM initialisation. */
export function setWasmThreadsHost(host: WasmThreadsHost | null): void {
  wasmHost = host;
}

/** Sets the backend `name`; false when tfjs could not initialise it. */
async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Initialises the WASM backend, multi-threaded (tfjs's threaded SIMD build, one thread per
 * logical core, at most 8) when the scope is cross-origin isolated (COOP same-origin + COEP
 * require-corp, so SharedArrayBuffer exists) and tfjs detects thread support; otherwise, or
 * when the threaded build fails to initialise, single-threaded SIMD. In Node only with a
 * {@link setWasmThreadsHost} host (the CLIs and the bench set one).
 * The outcome is read back with {@link wasmThreadsDetail}. @returns false when wasm failed.
 */
async function initWasm(): Promise<boolean> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
  const cores = wasmHost?.threads ?? Math.min(wasmThreadBudget, Math.max(1, Math.floor(g.navigator?.hardwareConcurrency ?? 1)));
  let note: string | undefined;
  if (wasmHost == null && g.crossOriginIsolated !== true) note = 'threads need a cross-origin isolated page';
  else if (cores < 2) note = wasmHost ? '1 thread asked for' : 'one logical core';
  // tfjs 4.22.0 answers false in Node without testing (tfjs issue #3830); a host says it works.
  else if (wasmHost) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  if (note === undefined && !(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'))) note = 'no WebAssembly thread support';
  if (note === undefined) {
    wasm.setThreadsCount(cores);
    const init = (): Promise<boolean> => withThreadCap(cores, () => trySetBackend('wasm'));
    if (await (wasmHost ? wasmHost.initThreaded(init) : init())) {
      const threads = wasm.getThreadsCount();
      wasmThreads = { threads, note: threads > 1 ? '' : 'the threaded build started only 1 thread' };
      setTfjsWasmThreads(threads);
      // Threads for our own SIMD kernels (src/tfjs-fixes/simd-pool.ts) only where asked for: in Node
      // with OCTCONV_KERNEL_THREADS=1 (experimental: see bench/README.md); never in the browser.
      const spawn = wasmHost?.spawnKernelWorker;
      if (spawn) await startKernelThreads(tf.backend() as unknown as WasmBackendLike, threads - 1, spawn).catch(() => false);
      return true;
    }
    note = 'the threaded build failed to initialise';
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const ok = await trySetBackend('wasm');
  wasmThreads = { threads: 1, note };
  return ok;
}

/**
 * Initialises tfjs on `name`. WASM runs multi-threaded where the page allows it (see
 * initWasm; docs/tfjs-notes.md "WASM threads"). @returns false when tfjs could not initialise it.
 */
export async function initBackend(name: BackendName): Promise<boolean> {
  registerKernelFixes();
  await ensureRegistered(name); // the wasm package registers its flags on import
  if (name === 'wasm') return initWasm();
  return trySetBackend(name);
}

/** The candidate's detail after a successful init (wasm reports its thread count). */
function refreshDetail(c: BackendCandidate): void {
  if (c.name === 'wasm') c.detail = wasmThreadsDetail();
}

/**
 * Probes, ranks and initialises the best backend, or the `preferred` one.
 * Registers the octconv kernel fixes first (wasm cannot train convolutions without them).
 * @throws Error when `preferred` is unavailable or fails to initialise, naming the available ones.
 */
export async function selectBackend(
  preferred?: BackendName,
  env: BackendEnvironment = detectEnvironment(),
): Promise<BackendChoice> {
  registerKernelFixes();
  const candidates = await probeBackends(env);
  const ranked = rankBackends(candidates);
  const availableNames = () =>
    rankBackends(candidates)
      .map((c) => c.name)
      .join(', ') || 'none';
  if (preferred !== undefined) {
    const c = candidates.find((x) => x.name === preferred);
    if (!c) throw new Error(`Unknown backend '${String(preferred)}'; known: ${BACKEND_NAMES.join(', ')}`);
    if (!c.available) {
      throw new Error(`Backend '${preferred}' is unavailable (${c.detail}); available: ${availableNames()}`);
    }
    if (!(await initBackend(preferred))) {
      c.available = false;
      c.detail = `failed to initialise (${c.detail})`;
      throw new Error(`Backend '${preferred}' failed to initialise; available: ${availableNames()}`);
    }
    refreshDetail(c);
    return { name: preferred, reason: explainChoice(c, candidates, true), candidates, manual: true };
  }
  for (const c of ranked) {
    if (await initBackend(c.name)) {
      refreshDetail(c);
      return { name: c.name, reason: explainChoice(c, candidates, false), candidates, manual: false };
    }
    c.available = false;
    c.detail = `failed to initialise (${c.detail})`;
  }
  throw new Error('No tfjs backend could be initialised');
}
