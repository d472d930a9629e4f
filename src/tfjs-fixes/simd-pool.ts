/**
 * Threads for our own SIMD kernels (./wasm-simd-module.ts). tfjs's threaded wasm build runs
 * XNNPACK on its pthreads, but kernels of our own ran on the calling thread only, so the second
 * core idled through them. This pool starts `size` workers, each with an instance of the -mt
 * module on tfjs's shared `WebAssembly.Memory`; a call hands each worker one slice (e.g. a range
 * of images) through a shared control block and blocks (`Atomics.wait`) until all are done.
 * Experimental and off by default (src/tfjs-fixes/wasm-node-threads.ts): only Node, with
 * OCTCONV_KERNEL_THREADS=1, gives a spawner (`worker_threads`), so this file imports no Node module.
 */

/** A started worker: post the start message; `onMessage` gets 'ready' or an error string. */
export interface PoolWorker {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  terminate(): void;
}

/** Starts a worker running the JavaScript `source` (a classic script using `self.onmessage`). */
export type PoolSpawner = (source: string) => PoolWorker;

/** One call of an export of our module: its name and integer (pointer/size) arguments. */
export interface PoolCall {
  fn: string;
  args: number[];
}

/** Int32 words per worker slot: generation, done, error, function index, argument count, arguments. */
const SLOT = 32;
const [GEN, DONE, ERROR, FN, NARGS, ARGS] = [0, 1, 2, 3, 4, 5];
const MAX_ARGS = SLOT - ARGS;
/** Longest wait for a worker before the call fails (ms); kernels take well under a second. */
const WAIT_LIMIT_MS = 60_000;

/** The exports a worker may run, by index. */
const FUNCTIONS = ['conv2d_forward', 'wino_forward', 'add_up2', 'conv2d_filter_grad', 'up2_nearest', 'sum2x2'];

/** The worker: instantiate the module on the shared memory, then serve calls for the life of the process. */
const WORKER_SOURCE = `
const FUNCTIONS = ${JSON.stringify(FUNCTIONS)};
self.onmessage = (event) => {
  const { module, memory, control, index } = event.data;
  let ex;
  try {
    ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
  } catch (e) {
    self.postMessage(String(e));
    return;
  }
  const c = new Int32Array(control);
  const base = index * ${SLOT};
  self.postMessage('ready');
  let seen = 0;
  for (;;) {
    Atomics.wait(c, base + ${GEN}, seen);
    seen = Atomics.load(c, base + ${GEN});
    const fn = FUNCTIONS[c[base + ${FN}]];
    if (fn === undefined) return;
    const args = [];
    for (let i = 0; i < c[base + ${NARGS}]; i++) args.push(c[base + ${ARGS} + i] >>> 0);
    try {
      ex[fn](...args);
      c[base + ${ERROR}] = 0;
    } catch (e) {
      c[base + ${ERROR}] = 1;
    }
    Atomics.store(c, base + ${DONE}, seen);
    Atomics.notify(c, base + ${DONE});
  }
};`;

/** A started pool: `size` workers besides the calling thread. */
export interface SimdPool {
  size: number;
  /**
   * Runs `local` on this thread and calls[i] on worker i (at most `size` calls) at the same
   * time, and returns when all are done. @throws Error when a call traps, a worker does not
   * answer, or a call names another function or has more than 27 arguments
   */
  run(calls: PoolCall[], local: () => void): void;
}

const pools = new WeakMap<WebAssembly.Memory, SimdPool>();

/** The started pool on `memory`, or null (none asked for, not shared memory, or not started). */
export function poolFor(memory: WebAssembly.Memory): SimdPool | null {
  return pools.get(memory) ?? null;
}

/**
 * Starts `size` workers (from `spawn`) running `module` (our -mt build) on the shared `memory`, and
 * keeps the pool for {@link poolFor}. Resolves false, starting nothing, when the memory is not
 * shared, size < 1, or this thread may not block (`Atomics.wait` throws on a page's main
 * thread); also when a worker fails to start (the others are stopped).
 */
export async function startSimdPool(
  memory: WebAssembly.Memory,
  module: WebAssembly.Module,
  size: number,
  spawn: PoolSpawner,
): Promise<boolean> {
  if (pools.has(memory)) return true;
  if (size < 1 || !(memory.buffer instanceof SharedArrayBuffer) || !mayBlock()) return false;
  const control = new SharedArrayBuffer(size * SLOT * 4);
  const c = new Int32Array(control);
  const workers: PoolWorker[] = [];
  const started = await Promise.all(
    Array.from({ length: size }, (_, index) => {
      const worker = spawn(WORKER_SOURCE);
      workers.push(worker);
      return new Promise<boolean>((resolve) => {
        worker.onMessage((m) => resolve(m === 'ready'));
        worker.postMessage({ module, memory, control, index });
      });
    }),
  ).catch(() => [false]);
  if (!started.every(Boolean)) {
    workers.forEach((w) => w.terminate());
    return false;
  }
  pools.set(memory, {
    size,
    run(calls, local) {
      if (calls.length > size) throw new Error(`simd pool: ${calls.length} worker calls for ${size} workers`);
      calls.forEach((call, i) => post(c, i * SLOT, call));
      let failure: unknown = null;
      try {
        local();
      } catch (e) {
        failure = e;
      }
      calls.forEach((call, i) => {
        if (!awaitDone(c, i * SLOT)) failure ??= new Error(`simd pool: worker ${i} did not answer within ${WAIT_LIMIT_MS} ms`);
        else if (c[i * SLOT + ERROR] !== 0) failure ??= new Error(`simd pool: ${call.fn} trapped in worker ${i}`);
      });
      if (failure !== null) throw failure;
    },
  });
  return true;
}

/** Writes one call into a worker's slot and wakes it. */
function post(c: Int32Array, base: number, call: PoolCall): void {
  const fn = FUNCTIONS.indexOf(call.fn);
  if (fn < 0) throw new Error(`simd pool: '${call.fn}' is not a pool function`);
  if (call.args.length > MAX_ARGS) throw new Error(`simd pool: ${call.fn} has more than ${MAX_ARGS} arguments`);
  c[base + FN] = fn;
  c[base + NARGS] = call.args.length;
  call.args.forEach((a, i) => (c[base + ARGS + i] = a | 0));
  Atomics.add(c, base + GEN, 1);
  Atomics.notify(c, base + GEN);
}

/** Blocks until the worker's done word reaches its generation; false after WAIT_LIMIT_MS. */
function awaitDone(c: Int32Array, base: number): boolean {
  const gen = Atomics.load(c, base + GEN);
  const until = Date.now() + WAIT_LIMIT_MS;
  let done: number;
  while ((done = Atomics.load(c, base + DONE)) !== gen) {
    if (Date.now() > until) return false;
    Atomics.wait(c, base + DONE, done, 1000);
  }
  return true;
}

/** True when this thread may block in Atomics.wait (not a page's main thread). */
function mayBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}
