/**
 * The project's own wasm SIMD kernels (src/tfjs-fixes/simd/*.c, built by scripts/build-simd.sh),
 * instantiated on tfjs-backend-wasm's own `WebAssembly.Memory` so that they read and write its
 * tensors in place (pointers are byte offsets into that heap; no copies).
 */
import type * as tf from '@tensorflow/tfjs';
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
}

const instances = new WeakMap<WebAssembly.Memory, SimdExports>();

const decode = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));

/**
 * Our module on the backend's memory (instantiated once per memory; a shared memory, i.e. tfjs's
 * threaded build, gets the -mt build). @throws Error when the memory is not reachable
 */
export function simdExports(backend: WasmBackendLike): SimdExports {
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  if (!memory) throw new Error('octconv wasm kernels: the wasm backend memory is not reachable');
  let ex = instances.get(memory);
  if (!ex) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const module = new WebAssembly.Module(decode(shared ? SIMD_MT_WASM : SIMD_WASM) as BufferSource);
    ex = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as SimdExports;
    instances.set(memory, ex);
  }
  return ex;
}

/** Heap byte offset of a tensor's data. */
export function heapOffset(backend: WasmBackendLike, t: tf.TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).memoryOffset;
}
