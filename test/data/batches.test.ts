/**
 * Batching on tfjs (cpu backend, small batches): seeded order, on-device crop/flip, normalisation,
 * deterministic test iteration, no tensor leaks. Uses real images (the first records of
 * data_batch_1.bin from CIFAR10_DIR).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyCropFlip,
  computeChannelStats,
  createBatchStream,
  parseBatchFile,
  takeSubset,
  type Batch,
  type ChannelStats,
  type Cifar10Split,
} from '../../src/data';
import { resolveCifar10Dir } from '../../src/data/node';

let split: Cifar10Split;
let stats: ChannelStats;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const bytes = readFileSync(path.join(resolveCifar10Dir(), 'data_batch_1.bin'));
  split = takeSubset(parseBatchFile(new Uint8Array(bytes.buffer, bytes.byteOffset, 600 * 3073), 'data_batch_1.bin'), 600);
  stats = computeChannelStats(split);
});

/** Reads a batch back and disposes it. */
async function read(batch: Batch): Promise<{ xs: Float32Array; labels: Int32Array; indices: Int32Array }> {
  const xs = (await batch.xs.data()) as Float32Array;
  const labels = (await batch.labels.data()) as Int32Array;
  batch.xs.dispose();
  batch.labels.dispose();
  return { xs, labels, indices: batch.indices };
}

/** Raw pixel (0–255) of record r at (y, x, c), or 0 outside the image (zero padding). */
function pixel(r: number, y: number, x: number, c: number): number {
  if (y < 0 || y > 31 || x < 0 || x > 31) return 0;
  return split.images[r * 3072 + (y * 32 + x) * 3 + c];
}

const normalise = (v: number, c: number): number => (v / 255 - stats.mean[c]) / stats.std[c];

describe('createBatchStream', () => {
  it('iterates the test way (no shuffle, no augment) in order, normalised exactly', async () => {
    const stream = createBatchStream(split, { batchSize: 256, seed: 1, shuffle: false, augment: false, stats });
    expect(stream.numBatches).toBe(3);
    const batches = [...stream.epoch(0)];
    expect(batches.map((b) => b.size)).toEqual([256, 256, 88]);
    expect(batches[0].xs.shape).toEqual([256, 32, 32, 3]);
    expect(batches[0].xs.dtype).toBe('float32');
    expect(batches[0].labels.dtype).toBe('int32');
    const last = await read(batches[2]);
    await Promise.all(batches.slice(0, 2).map(read));
    expect(Array.from(last.indices)).toEqual(Array.from({ length: 88 }, (_, i) => 512 + i));
    expect(Array.from(last.labels)).toEqual(Array.from(split.labels.subarray(512)));
    // image 3 of the last batch = record 515, pixel (7, 20), green
    expect(last.xs[(3 * 1024 + 7 * 32 + 20) * 3 + 1]).toBeCloseTo(normalise(pixel(515, 7, 20, 1), 1), 5);
    expect(
      createBatchStream(split, { batchSize: 256, seed: 1, shuffle: false, augment: false, stats, dropRemainder: true })
        .numBatches,
    ).toBe(2);
  });

  it('shuffles by seed and epoch: same (seed, epoch) ⇒ same order; other seed or epoch ⇒ other order', () => {
    const order = (seed: number, epoch: number): number[] => {
      const s = createBatchStream(split, { batchSize: 600, seed, shuffle: true, augment: false, stats });
      const [b] = [...s.epoch(epoch)];
      b.xs.dispose();
      b.labels.dispose();
      return Array.from(b.indices);
    };
    const a = order(7, 0);
    expect(order(7, 0)).toEqual(a);
    expect(order(8, 0)).not.toEqual(a);
    expect(order(7, 1)).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 600 }, (_, i) => i)); // a permutation
  });

  it('normalised batches have ≈ zero mean and unit std per channel', async () => {
    const stream = createBatchStream(split, { batchSize: 600, seed: 3, shuffle: true, augment: false, stats });
    const { xs } = await read([...stream.epoch(0)][0]);
    for (let c = 0; c < 3; c++) {
      let s = 0;
      let s2 = 0;
      for (let i = c; i < xs.length; i += 3) {
        s += xs[i];
        s2 += xs[i] * xs[i];
      }
      const n = xs.length / 3;
      expect(Math.abs(s / n)).toBeLessThan(1e-4);
      expect(Math.sqrt(s2 / n - (s / n) ** 2)).toBeCloseTo(1, 3);
    }
  });

  it('augments with the seed: same seed ⇒ same batch, other seed ⇒ other batch, shapes kept', async () => {
    const first = async (seed: number): Promise<Float32Array> => {
      const s = createBatchStream(split, { batchSize: 16, seed, shuffle: false, augment: true, stats });
      const gen = s.epoch(0);
      const b = gen.next().value as Batch;
      gen.return(undefined);
      expect(b.xs.shape).toEqual([16, 32, 32, 3]);
      return (await read(b)).xs;
    };
    const a = await first(11);
    expect(await first(11)).toEqual(a);
    expect(await first(12)).not.toEqual(a);
  });

  it('each augmented image is a (possibly mirrored) 32×32 window of the 4-pixel zero-padded image', async () => {
    const s = createBatchStream(split, { batchSize: 24, seed: 5, shuffle: true, augment: true, stats });
    const gen = s.epoch(2);
    const { xs, indices } = await read(gen.next().value as Batch);
    gen.return(undefined);
    const found = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const r = indices[i];
      const img = xs.subarray(i * 3072, (i + 1) * 3072);
      const matches: string[] = [];
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          for (const flip of [false, true]) {
            let ok = true;
            for (let y = 0; y < 32 && ok; y++) {
              for (let x = 0; x < 32 && ok; x++) {
                const sx = (flip ? 31 - x : x) + dx;
                for (let c = 0; c < 3 && ok; c++) {
                  ok = Math.abs(img[(y * 32 + x) * 3 + c] - normalise(pixel(r, y + dy, sx, c), c)) < 1e-4;
                }
              }
            }
            if (ok) matches.push(`${dy},${dx},${flip}`);
          }
        }
      }
      expect(matches.length, `image ${i} (record ${r}) matches no window`).toBeGreaterThan(0);
      found.add(matches[0]);
    }
    expect(found.size).toBeGreaterThan(10); // offsets and flips actually vary
  });

  it('leaks no tensor: numTensors unchanged after an epoch, also when stopped early', async () => {
    const before = tf.memory().numTensors;
    const s = createBatchStream(split, { batchSize: 100, seed: 1, shuffle: true, augment: true, stats });
    for (const b of s.epoch(0)) {
      b.xs.dispose();
      b.labels.dispose();
    }
    for (const b of s.epoch(1)) {
      b.xs.dispose();
      b.labels.dispose();
      break;
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options', () => {
    expect(() => createBatchStream(split, { batchSize: 0, seed: 1, shuffle: false, augment: false, stats })).toThrow(
      'createBatchStream: batchSize must be a positive integer, got 0',
    );
    const flat: ChannelStats = { mean: stats.mean, std: [0.2, 0, 0.2] };
    expect(() => createBatchStream(split, { batchSize: 4, seed: 1, shuffle: false, augment: false, stats: flat })).toThrow(
      /every channel std must be > 0/,
    );
    const s = createBatchStream(split, { batchSize: 4, seed: 1, shuffle: false, augment: false, stats });
    expect(() => s.epoch(-1).next()).toThrow(/epochIndex must be a non-negative integer, got -1/);
  });
});

describe('applyCropFlip', () => {
  // A 1×2×3×1 image [[1,2,3],[4,5,6]] with padding 1 → padded 4×5.
  const img = (): tf.Tensor4D => tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 2, 3, 1]);

  it('mirrors exactly (centre offset, flip)', async () => {
    const x = img();
    const y = applyCropFlip(x, { offsets: Int32Array.from([1, 1]), flips: Uint8Array.from([1]) }, 1);
    expect(Array.from(await y.data())).toEqual([3, 2, 1, 6, 5, 4]);
    tf.dispose([x, y]);
  });

  it('crops a shifted window of the zero-padded image', async () => {
    const x = img();
    const y = applyCropFlip(x, { offsets: Int32Array.from([0, 2]), flips: Uint8Array.from([0]) }, 1);
    // padded rows: [0 0 0 0 0], [0 1 2 3 0], [0 4 5 6 0], [0 0 0 0 0]; window at (0,2): rows 0–1, cols 2–4.
    expect(Array.from(await y.data())).toEqual([0, 0, 0, 2, 3, 0]);
    const z = applyCropFlip(x, { offsets: Int32Array.from([2, 0]), flips: Uint8Array.from([1]) }, 1);
    // window at (2,0): rows 2–3, cols 0–2 = [0 4 5],[0 0 0]; mirrored → [5 4 0],[0 0 0].
    expect(Array.from(await z.data())).toEqual([5, 4, 0, 0, 0, 0]);
    tf.dispose([x, y, z]);
  });

  it('rejects mismatched parameters and offsets outside the padding', () => {
    const x = img();
    expect(() => applyCropFlip(x, { offsets: Int32Array.from([0, 0, 0, 0]), flips: Uint8Array.from([0]) }, 1)).toThrow(
      'applyCropFlip: 1 images but 2 offset pairs and 1 flips',
    );
    expect(() => applyCropFlip(x, { offsets: Int32Array.from([3, 0]), flips: Uint8Array.from([0]) }, 1)).toThrow(
      'applyCropFlip: offset (3, 0) of image 0 is outside 0…2',
    );
    x.dispose();
  });
});
