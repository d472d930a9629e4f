/**
 * octaveAdd (src/tfjs-fixes/octave-add.ts): act(a + b) and act(a + upsample×2(b)) equal a loop
 * computed here, on wasm (our SIMD kernel, with channel counts that are and are not multiples of
 * 4) and on cpu (tf ops); a wrong shape throws a specific error; no leaks, inputs untouched.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { octaveAdd } from '../../src/tfjs-fixes';
import { useBackend } from '../helpers/backend';
import { rand } from '../helpers/naiveConv';

/** y[n,i,j,k] = act(a[n,i,j,k] + b[n, i/s, j/s, k]) with s = 2 when upsampled, else 1. */
function loop(a: number[], b: number[], [n, h, w, c]: number[], up: boolean, relu: boolean): number[] {
  const s = up ? 2 : 1;
  const y: number[] = [];
  for (let m = 0; m < n; m++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++)
        for (let k = 0; k < c; k++) {
          const v =
            a[((m * h + i) * w + j) * c + k] + b[((m * (h / s) + Math.floor(i / s)) * (w / s) + Math.floor(j / s)) * c + k];
          y.push(relu ? Math.max(v, 0) : v);
        }
  return y;
}

describe('octaveAdd', () => {
  for (const backend of ['wasm', 'cpu'] as const)
    it.each([
      [3, 4, 6, 8],
      [2, 6, 2, 5],
      [1, 2, 2, 3],
    ])(`${backend}: a [%i, %i, %i, %i] plus b and plus upsample(b), with and without ReLU`, async (n, h, w, c) => {
      await useBackend(backend);
      const shape = [n, h, w, c] as [number, number, number, number];
      const av = rand(n * h * w * c, 3);
      const a = tf.tensor4d(av, shape);
      for (const up of [false, true]) {
        const bShape = (up ? [n, h / 2, w / 2, c] : shape) as [number, number, number, number];
        const bv = rand(
          bShape.reduce((x, y) => x * y, 1),
          5,
        );
        const b = tf.tensor4d(bv, bShape);
        const before = tf.memory().numTensors;
        for (const relu of [false, true]) {
          const y = octaveAdd(a, b, { upsample: up, relu });
          expect(y.shape).toEqual(shape);
          const want = loop(Array.from(Float32Array.from(av)), Array.from(Float32Array.from(bv)), shape, up, relu);
          const got = Array.from(await y.data());
          expect(Math.max(...got.map((v, i) => Math.abs(v - Math.fround(want[i]))))).toBe(0);
          y.dispose();
        }
        expect(tf.memory().numTensors).toBe(before);
        expect(Array.from(await b.data())).toEqual(Array.from(Float32Array.from(bv)));
        b.dispose();
      }
      a.dispose();
    });

  it('throws a specific error for a b that does not fit', async () => {
    await useBackend('wasm');
    const a = tf.zeros([1, 4, 4, 2]) as tf.Tensor4D;
    const b = tf.zeros([1, 4, 4, 2]) as tf.Tensor4D;
    expect(() => octaveAdd(a, b, { upsample: true, relu: false })).toThrow(
      'octaveAdd: b has shape [1,4,4,2], expected [1,2,2,2] for a [1,4,4,2] (upsampled ×2)',
    );
    tf.dispose([a, b]);
  });
});
