/**
 * The real CIFAR-10 (CIFAR10_DIR, default ../shared/cifar10): counts, labels, statistics, layout.
 * Values are checked against independent reads of the files and the published figures.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, computeChannelStats, perClassCounts, takeSubset } from '../../src/data';
import { resolveCifar10Dir } from '../../src/data/node';
import { realDataset } from './fixtures';

/** Reads `length` bytes at `offset` of a file, independently of the parser. */
function readAt(file: string, offset: number, length: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const out = new Uint8Array(length);
    readSync(fd, out, 0, length, offset);
    return out;
  } finally {
    closeSync(fd);
  }
}

describe('real CIFAR-10', () => {
  it('has 50,000 train and 10,000 test records, exactly 5,000 / 1,000 per class', async () => {
    const ds = await realDataset();
    expect(ds.train.count).toBe(50_000);
    expect(ds.test.count).toBe(10_000);
    expect(ds.train.images.length).toBe(50_000 * 3072);
    expect(ds.test.images.length).toBe(10_000 * 3072);
    expect(perClassCounts(ds.train)).toEqual(new Array(10).fill(5000));
    expect(perClassCounts(ds.test)).toEqual(new Array(10).fill(1000));
    // Per-file counts of data_batch_1 from the folder's README.
    expect(perClassCounts(takeSubset(ds.train, 10_000))).toEqual([1005, 974, 1032, 1016, 999, 937, 1030, 1001, 1025, 981]);
  });

  it('reads the ten official class names from batches.meta.txt', async () => {
    const ds = await realDataset();
    expect(ds.classNames).toEqual([...CLASS_NAMES]);
  });

  it('starts the test split with cat, ship, ship, airplane, frog (official order)', async () => {
    const ds = await realDataset();
    const first = Array.from(ds.test.labels.subarray(0, 5), (l) => ds.classNames[l]);
    expect(first).toEqual(['cat', 'ship', 'ship', 'airplane', 'frog']);
  });

  it('places each image at its record offset, planes interleaved to NHWC', async () => {
    const ds = await realDataset();
    const dir = resolveCifar10Dir();
    // Train record 23,456 = record 3,456 of data_batch_3.bin; test record 9,999 = last of test_batch.bin.
    for (const [split, file, index, local] of [
      [ds.train, 'data_batch_3.bin', 23_456, 3_456],
      [ds.test, 'test_batch.bin', 9_999, 9_999],
      [ds.train, 'data_batch_1.bin', 0, 0],
    ] as const) {
      const rec = readAt(path.join(dir, file), local * 3073, 3073);
      expect(split.labels[index]).toBe(rec[0]);
      const img = split.images.subarray(index * 3072, (index + 1) * 3072);
      for (const [y, x] of [
        [0, 0],
        [0, 31],
        [17, 5],
        [31, 31],
      ]) {
        for (let c = 0; c < 3; c++) {
          expect(img[(y * 32 + x) * 3 + c]).toBe(rec[1 + c * 1024 + y * 32 + x]);
        }
      }
      // Whole red plane of the image equals the file's red plane.
      const red = Uint8Array.from({ length: 1024 }, (_, p) => img[p * 3]);
      expect(red).toEqual(rec.subarray(1, 1025));
    }
  });

  it('has train per-channel means within 0.002 of the published (0.4914, 0.4822, 0.4465)', async () => {
    const ds = await realDataset();
    const stats = computeChannelStats(ds.train);
    const published = [0.4914, 0.4822, 0.4465];
    stats.mean.forEach((m, c) => expect(Math.abs(m - published[c])).toBeLessThan(0.002));
    // std of these JPEG-decoded files (folder README: 0.24523, 0.24278, 0.26063).
    [0.24523, 0.24278, 0.26063].forEach((s, c) => expect(stats.std[c]).toBeCloseTo(s, 4));
  });

  it('computes channel stats equal to a naive float64 sum over the first 500 test images', async () => {
    const ds = await realDataset();
    const sub = takeSubset(ds.test, 500);
    const sum = [0, 0, 0];
    const sq = [0, 0, 0];
    for (let i = 0; i < 500 * 1024; i++) {
      for (let c = 0; c < 3; c++) {
        const v = sub.images[i * 3 + c] / 255;
        sum[c] += v;
        sq[c] += v * v;
      }
    }
    const n = 500 * 1024;
    const stats = computeChannelStats(sub);
    for (let c = 0; c < 3; c++) {
      const mean = sum[c] / n;
      expect(stats.mean[c]).toBeCloseTo(mean, 10);
      expect(stats.std[c]).toBeCloseTo(Math.sqrt(sq[c] / n - mean * mean), 8);
    }
  });
});
