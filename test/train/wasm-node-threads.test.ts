/**
 * Threaded WASM in Node (src/tfjs-fixes/wasm-node-threads.ts): initNodeBackend('wasm', 2) starts 2
 * pthreads, and a conv2d with its input and filter gradients computed on them matches a naive
 * loop computed here; with OCTCONV_KERNEL_THREADS=1 our own kernels run on a second thread too
 * (src/tfjs-fixes/simd-pool.ts).
 * Our inference kernels (Winograd conv, fused octave sum) split over the threads too. Bad thread
 * counts are refused.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../src/train/node';
import { nodeWasmThreadsHost } from '../../src/tfjs-fixes/wasm-node-threads';
import { kernelThreads, octaveAdd, type WasmBackendLike } from '../../src/tfjs-fixes/index';

const rand = (n: number, seed: number): number[] => {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1);
};

/** Naive 'same' 3×3 conv, stride 1: y[b,i,j,o] = Σ x[b,i+p−1,j+q−1,c]·w[p,q,c,o]; loss Σ r⊙y. */
function naive(x: number[], w: number[], r: number[], [n, h, wd, ci]: number[], co: number) {
  const y = new Float64Array(n * h * wd * co);
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < wd; j++)
        for (let p = 0; p < 3; p++)
          for (let q = 0; q < 3; q++) {
            const [yy, xx] = [i + p - 1, j + q - 1];
            if (yy < 0 || yy >= h || xx < 0 || xx >= wd) continue;
            for (let c = 0; c < ci; c++)
              for (let o = 0; o < co; o++) {
                const xi = ((b * h + yy) * wd + xx) * ci + c;
                const wi = ((p * 3 + q) * ci + c) * co + o;
                const yi = ((b * h + i) * wd + j) * co + o;
                y[yi] += x[xi] * w[wi];
                dx[xi] += r[yi] * w[wi];
                dw[wi] += r[yi] * x[xi];
              }
          }
  return { y, dx, dw };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('threaded wasm in Node', () => {
  it('refuses thread counts outside 1..8', () => {
    for (const bad of [0, 9, 1.5, Number.NaN])
      expect(() => nodeWasmThreadsHost(bad)).toThrow(/threads must be an integer from 1 to 8/);
  });

  it('runs 2 threads and a conv2d with its gradients matches a naive loop', async () => {
    process.env.OCTCONV_KERNEL_THREADS = '1'; // also our kernels' (experimental) thread pool
    const choice = await initNodeBackend('wasm', 2);
    expect(tf.getBackend()).toBe('wasm');
    expect(getThreadsCount()).toBe(2);
    expect(choice.reason).toContain('2 threads');
    expect(kernelThreads(tf.backend() as unknown as WasmBackendLike)?.size).toBe(1); // our kernels' second thread
    const shape = [8, 16, 16, 12];
    const co = 10;
    const [xv, wv] = [
      rand(
        shape.reduce((a, b) => a * b),
        3,
      ),
      rand(9 * shape[3] * co, 5),
    ];
    const rv = rand(shape[0] * shape[1] * shape[2] * co, 11);
    const want = naive(xv, wv, rv, shape, co);
    const before = tf.memory().numTensors;
    const x = tf.tensor4d(xv, shape as [number, number, number, number]);
    const w = tf.tensor4d(wv, [3, 3, shape[3], co]);
    const r = tf.tensor4d(rv, [shape[0], shape[1], shape[2], co]);
    const f = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'), r));
    const y = tf.conv2d(x, w, 1, 'same');
    const [dx, dw] = tf.grads(f)([x, w]);
    expect(maxDiff(await y.data(), want.y)).toBeLessThan(1e-4);
    expect(maxDiff(await dx.data(), want.dx)).toBeLessThan(1e-4);
    expect(maxDiff(await dw.data(), want.dw)).toBeLessThan(1e-3);
    // Inference kernels split over the threads too: Winograd (fused conv) and the fused octave sum.
    const yw = tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same' });
    expect(maxDiff(await yw.data(), want.y)).toBeLessThan(1e-4);
    const sum = octaveAdd(yw, yw, { upsample: false, relu: true });
    expect(
      maxDiff(
        await sum.data(),
        Float64Array.from(want.y, (v) => Math.max(2 * v, 0)),
      ),
    ).toBeLessThan(2e-4);
    tf.dispose([x, w, r, y, dx, dw, yw, sum]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
