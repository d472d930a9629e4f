/**
 * The project's own wasm SIMD kernels (src/tfjs-fixes/simd/*.c, built by scripts/build-simd.sh),
 * instantiated on tfjs-backend-wasm's own `WebAssembly.Memory` so that they read and write its
 * tensors in place (pointers are byte offsets into that heap; no copies).
 */
import type * as tf from '@tensorflow/tfjs';
import { poolFor, startSimdPool, type PoolSpawner, type SimdPool } from './simd-pool';
import { SIMD_MT_WASM, SIMD_WASM } from './simd/simd-wasm';

/** The parts of tfjs-backend-wasm used by our kernels. */
export interface WasmBackendLike {
  wasm: {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
    _malloc(n: number): number;
    _free(p: number): void;
  };
  dataIdMap: { get(id: object): { memoryOffset: number } };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

/** Exports of simd.wasm (see the C sources for the exact maths). */
export interface SimdExports {
  bn_scratch_bytes(c: number): number;
  bn_train_forward(
    x: number,
    m: number,
    c: number,
    gamma: number,
    beta: number,
    eps: number,
    y: number,
    mean: number,
    variance: number,
    scratch: number,
  ): void;
  bn_train_backward(
    x: number,
    dy: number,
    m: number,
    c: number,
    mean: number,
    variance: number,
    gamma: number,
    eps: number,
    dmean: number,
    dvar: number,
    dx: number,
    dgamma: number,
    dbeta: number,
    scratch: number,
  ): void;
  conv2d_filter_grad(
    x: number,
    dy: number,
    n: number,
    h: number,
    w: number,
    ci: number,
    ho: number,
    wo: number,
    co: number,
    kh: number,
    kw: number,
    pt: number,
    pl: number,
    dw: number,
  ): void;
  add_up2(a: number, b: number, n: number, h: number, w: number, c: number, up: number, relu: number, y: number): void;
  up2_nearest(x: number, n: number, h: number, w: number, c: number, quarter: number, y: number): void;
  sum2x2(x: number, n: number, h: number, w: number, c: number, quarter: number, y: number): void;
  conv2d_pack_filter(w: number, kh: number, kw: number, cin: number, cout: number, flip: number, wp: number): void;
  wino_pack_filter(w: number, cin: number, cout: number, u: number): void;
  wino_scratch_bytes(n: number, ho: number, wo: number, cin: number, cout: number): number;
  /** (x, n, h, w, cin, u, pt, pl, ho, wo, cout, bias, relu, scratch, y): see simd/winograd.c. */
  wino_forward(...args: number[]): void;
  conv2d_scratch_bytes(ho: number, wo: number, kh: number, kw: number, cin: number, cout: number): number;
  conv2d_forward(
    x: number,
    n: number,
    h: number,
    w: number,
    cin: number,
    wp: number,
    kh: number,
    kw: number,
    pt: number,
    pl: number,
    ho: number,
    wo: number,
    cout: number,
    bias: number,
    relu: number,
    scratch: number,
    y: number,
  ): void;
}

const instances = new WeakMap<WebAssembly.Memory, SimdExports>();
const modules = new Map<boolean, WebAssembly.Module>();

const decode = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));

/** The backend's wasm memory. @throws Error when it is not reachable */
function backendMemory(backend: WasmBackendLike): WebAssembly.Memory {
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  if (!memory) throw new Error('octconv wasm kernels: the wasm backend memory is not reachable');
  return memory;
}

/** Our compiled module for a shared (-mt build) or a plain memory, compiled once. */
function simdModule(memory: WebAssembly.Memory): WebAssembly.Module {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  let module = modules.get(shared);
  if (!module) {
    module = new WebAssembly.Module(decode(shared ? SIMD_MT_WASM : SIMD_WASM) as BufferSource);
    modules.set(shared, module);
  }
  return module;
}

/**
 * Our module on the backend's memory (instantiated once per memory; a shared memory, i.e. tfjs's
 * threaded build, gets the -mt build). @throws Error when the memory is not reachable.
 */
export function simdExports(backend: WasmBackendLike): SimdExports {
  const memory = backendMemory(backend);
  let ex = instances.get(memory);
  if (!ex) {
    ex = new WebAssembly.Instance(simdModule(memory), { env: { memory } }).exports as unknown as SimdExports;
    instances.set(memory, ex);
  }
  return ex;
}

/**
 * Starts `size` worker threads for our kernels on the backend's shared memory (./simd-pool.ts).
 * @returns false, starting nothing, where the memory is not shared or threads cannot block.
 */
export function startKernelThreads(backend: WasmBackendLike, size: number, spawn: PoolSpawner): Promise<boolean> {
  const memory = backendMemory(backend);
  return startSimdPool(memory, simdModule(memory), size, spawn);
}

/** tfjs's wasm thread count (set by the backend selection, src/train/backend.ts). */
let tfjsThreads = 1;

/** Records how many threads tfjs's wasm build runs (XNNPACK uses them all). */
export function setTfjsWasmThreads(threads: number): void {
  tfjsThreads = threads;
}

/**
 * True when our forward convolution beats tfjs's: always on one thread (ours is 1.1–2× XNNPACK's
 * speed per thread, docs/tfjs-notes.md), and on several only when our kernels have their threads
 * too; otherwise XNNPACK's multi-threaded conv is the faster one.
 */
export function ownConvPays(backend: WasmBackendLike): boolean {
  return tfjsThreads <= 1 || kernelThreads(backend) !== null;
}

/** The kernel threads on the backend's memory, or null when none were started. */
export function kernelThreads(backend: WasmBackendLike): SimdPool | null {
  return poolFor(backendMemory(backend));
}

/** A float32 view of `count` values at heap byte offset `ptr` (valid until the memory grows). */
export function heapF32(backend: WasmBackendLike, ptr: number, count: number): Float32Array {
  return new Float32Array(backendMemory(backend).buffer, ptr, count);
}

/** Heap byte offset of a tensor's data. */
export function heapOffset(backend: WasmBackendLike, t: tf.TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).memoryOffset;
}
