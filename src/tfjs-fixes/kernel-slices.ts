/**
 * Splitting one kernel call of ours over the calling thread and the kernel threads
 * (./simd-pool.ts) by ranges of images: each image's result is independent, so the slices'
 * outputs are exactly those of one call.
 */
import type { SimdPool } from './simd-pool';
import { kernelThreads, type WasmBackendLike } from './wasm-simd-module';

/** A range of images: [first, count]. */
export type ImageSlice = [number, number];

/** `n` images in near-equal ranges, one per thread (this one plus the pool's), none empty. */
export function imageSlices(n: number, pool: SimdPool | null): ImageSlice[] {
  const parts = Math.max(1, Math.min(n, (pool?.size ?? 0) + 1));
  return Array.from({ length: parts }, (_, k): ImageSlice => {
    const start = Math.floor((k * n) / parts);
    return [start, Math.floor(((k + 1) * n) / parts) - start];
  });
}

/**
 * Runs `fn` with argsPerSlice[0] on this thread (via `local`) and the rest on the kernel threads,
 * all at once; one slice runs locally without the pool.
 * @throws Error when a slice traps or a thread does not answer (./simd-pool.ts)
 */
export function runSliced(b: WasmBackendLike, fn: string, argsPerSlice: number[][], local: (args: number[]) => void): void {
  if (argsPerSlice.length === 1) return local(argsPerSlice[0]);
  const pool = kernelThreads(b)!;
  pool.run(
    argsPerSlice.slice(1).map((args) => ({ fn, args })),
    () => local(argsPerSlice[0]),
  );
}
