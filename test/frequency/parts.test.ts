/**
 * A frequency job split into parts (src/frequency/merge.ts; `npm run freq-report -- --jobs N`):
 * band curves and ablation on disjoint image parts (firstImage) and the sensitivity map on
 * disjoint cell parts (sensitivityPart), merged, equal the whole job on an Oct-ResNet-8 exactly;
 * bad parts are refused with specific errors.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelStats, Cifar10Split } from '../../src/data/types';
import { buildOctResNet } from '../../src/octconv';
import { imageParts, mergeAblation, mergeBand, mergeSensitivity, runFrequencyJob } from '../../src/frequency';
import { randomValues } from '../spectra/reference';
import { useBackend } from '../helpers/backend';

const STATS: ChannelStats = { mean: [0.49, 0.48, 0.45], std: [0.25, 0.24, 0.26] };

/** Random images; labels = the model's own prediction for some images, so top-1 depends on which images a part holds. */
function split(count: number, seed: number): Cifar10Split {
  const images = Uint8Array.from(randomValues(count * 3072, seed), (v) => Math.floor(128 + 127 * v));
  const labels = Uint8Array.from(randomValues(count, seed + 1), (v) => Math.floor(5 + 4.99 * v));
  return { images, labels, count };
}

describe('frequency job in parts', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('imageParts: near-equal, non-empty, in order, summing to the images', () => {
    expect(imageParts(20, 3)).toEqual([6, 7, 7]);
    expect(imageParts(2, 4)).toEqual([1, 1]);
    expect(imageParts(1000, 2)).toEqual([500, 500]);
    expect(() => imageParts(0, 2)).toThrow('imageParts: images and parts must be positive integers, got 0 and 2');
  });

  it('merged parts equal the whole job: band, ablation and sensitivity map', async () => {
    const model = buildOctResNet({ depth: 8, widthMultiplier: 0.5, alpha: 0.5, block: 'basic', numClasses: 10, seed: 8 });
    // Labels: the model's prediction on every third image, so parts differ in top-1.
    const test = split(20, 51);
    const logits = model.predict(tf.tidy(() => tf.tensor4d(test.images, [20, 32, 32, 3], 'float32').div(255))) as tf.Tensor;
    const predicted = await logits.argMax(-1).data();
    logits.dispose();
    predicted.forEach((p, i) => i % 3 === 0 && (test.labels[i] = p));
    const before = tf.memory().numTensors;
    const common = { radii: [0, 0.125, 0.25, 0.75], gridSize: 4, sensitivityImages: 8 };
    const whole = await runFrequencyJob(model, test, STATS, {
      experiments: ['band', 'ablation', 'sensitivity'],
      images: 20,
      ...common,
    });
    const sizes = imageParts(20, 3);
    const parts = [];
    for (let k = 0; k < sizes.length; k++) {
      const firstImage = sizes.slice(0, k).reduce((a, b) => a + b, 0);
      const images = await runFrequencyJob(model, test, STATS, {
        experiments: ['band', 'ablation'],
        images: sizes[k],
        firstImage,
        ...common,
      });
      const cells = await runFrequencyJob(model, test, STATS, {
        experiments: ['sensitivity'],
        sensitivityPart: { index: k, count: sizes.length },
        ...common,
      });
      expect(cells.sensitivity!.errorRate.some(Number.isNaN)).toBe(true);
      parts.push({ ...images, sensitivity: cells.sensitivity });
    }
    expect(new Set(parts.map((p) => p.band!.top1)).size).toBeGreaterThan(1); // the parts really differ
    expect(mergeBand(parts.map((p) => p.band!))).toEqual(whole.band);
    expect(
      mergeAblation(
        parts.map((p) => p.ablation!),
        sizes,
      ),
    ).toEqual(whole.ablation);
    expect(mergeSensitivity(parts.map((p) => p.sensitivity!))).toEqual(whole.sensitivity);
    expect(tf.memory().numTensors).toBe(before);

    expect(() => mergeSensitivity([whole.sensitivity!, whole.sensitivity!])).toThrow(/cell 0 was computed by 2 parts/);
    const other = { ...whole.band!, lowPass: whole.band!.lowPass.map((p) => ({ ...p, radius: p.radius + 1 })) };
    expect(() => mergeBand([whole.band!, other])).toThrow('merge: the parts have different radii');
    await expect(runFrequencyJob(model, test, STATS, { experiments: ['band'], firstImage: 20 })).rejects.toThrow(
      'firstImage must be an integer in [0, 19], got 20',
    );
    await expect(runFrequencyJob(model, test, STATS, { experiments: ['band'], firstImage: 15, images: 6 })).rejects.toThrow(
      /images must be an integer in \[1, 5\]/,
    );
    await expect(
      runFrequencyJob(model, test, STATS, { experiments: ['sensitivity'], sensitivityPart: { index: 2, count: 2 }, ...common }),
    ).rejects.toThrow('sensitivity cellPart must have 0 ≤ index < count (integers), got 2 of 2');
    model.dispose();
  });
});
