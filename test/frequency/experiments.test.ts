/**
 * The experiments on small models (wasm backend, synthetic test split): branch ablation against a
 * hand computation on a two-branch toy model; the layer-by-layer executor against model.apply;
 * band-limited top-1 against the plain-loop filter; the largest radius equals the unfiltered
 * top-1 exactly; the sensitivity grid's conjugate pairs; cancel; no tensor leaks across a report.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelStats, Cifar10Split } from '../../src/data/types';
import { buildOctResNet } from '../../src/octconv';
import { writeOctaveMetadata } from '../../src/octconv/metadata';
import {
  bandLimitedAccuracy,
  branchAblation,
  CancelledError,
  filterImage,
  fourierBasis,
  frequencyReport,
  runWithOverrides,
  sensitivityGrid,
  top1PerVariant,
  plainVariant,
} from '../../src/frequency';
import { maxAbsDiff, naiveDft2d, randomValues } from '../spectra/reference';
import { useBackend } from '../helpers/backend';

const STATS: ChannelStats = { mean: [0.49, 0.48, 0.45], std: [0.25, 0.24, 0.26] };

/** A synthetic test split of smooth-ish random images with random labels. */
function syntheticSplit(count: number, seed: number): Cifar10Split {
  const images = Uint8Array.from(randomValues(count * 3072, seed), (v) => Math.floor(128 + 127 * v));
  const labels = Uint8Array.from(randomValues(count, seed + 1), (v) => Math.floor(5 + 4.99 * v));
  return { images, labels, count };
}

/** argmax per row of a row-major [n, k] array. */
const argmaxRows = (a: ArrayLike<number>, k: number): number[] =>
  Array.from({ length: a.length / k }, (_, i) => {
    let best = 0;
    for (let j = 1; j < k; j++) if (a[i * k + j] > a[i * k + best]) best = j;
    return best;
  });

describe('frequency experiments (wasm)', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('branch ablation on a toy two-branch model matches a hand computation', async () => {
    // x [N,4,4,3] → high = conv1×1 (3→2) at 4×4; low = conv1×1 (3→1) of avgpool2(x) at 2×2;
    // logits = dense(concat(flatten(high), flatten(low))) → 10. Weights seeded, no bias in convs.
    const input = tf.input({ shape: [4, 4, 3] });
    const high = tf.layers
      .conv2d({
        filters: 2,
        kernelSize: 1,
        useBias: false,
        name: 'l1/h',
        kernelInitializer: tf.initializers.randomNormal({ seed: 1 }),
      })
      .apply(input) as tf.SymbolicTensor;
    const pooled = tf.layers.averagePooling2d({ poolSize: 2, strides: 2, padding: 'valid' }).apply(input) as tf.SymbolicTensor;
    const low = tf.layers
      .conv2d({
        filters: 1,
        kernelSize: 1,
        useBias: false,
        name: 'l1/l',
        kernelInitializer: tf.initializers.randomNormal({ seed: 2 }),
      })
      .apply(pooled) as tf.SymbolicTensor;
    const flat = tf.layers
      .concatenate()
      .apply([tf.layers.flatten().apply(high), tf.layers.flatten().apply(low)] as tf.SymbolicTensor[]) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ units: 10, name: 'out', kernelInitializer: tf.initializers.randomNormal({ seed: 3 }) })
      .apply(flat) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    writeOctaveMetadata(model, {
      config: { depth: 0, widthMultiplier: 1, alpha: 1 / 3, block: 'basic', numClasses: 10, seed: 0 },
      octaveLayers: [{ name: 'l1', alphaIn: 0, alphaOut: 1 / 3, high: 'l1/h', low: 'l1/l' }],
      octaveConvs: [],
    });
    const n = 64;
    const xs = Float32Array.from(randomValues(n * 48, 5));
    const [wh, wl, wd, bd] = await Promise.all(
      [model.getLayer('l1/h').getWeights()[0], model.getLayer('l1/l').getWeights()[0], ...model.getLayer('out').getWeights()].map(
        (w) => w.data(),
      ),
    );
    /** Hand forward pass; `mode` replaces a branch by its per-channel mean. */
    const hand = (mode: 'none' | 'low' | 'high'): Float64Array => {
      const logits = new Float64Array(n * 10);
      for (let i = 0; i < n; i++) {
        const px = (y: number, x: number, c: number) => xs[i * 48 + (y * 4 + x) * 3 + c];
        const h: number[] = []; // flatten order [y][x][channel]
        for (let y = 0; y < 4; y++)
          for (let x = 0; x < 4; x++)
            for (let f = 0; f < 2; f++) {
              let s = 0;
              for (let c = 0; c < 3; c++) s += px(y, x, c) * wh[c * 2 + f];
              h.push(s);
            }
        const l: number[] = [];
        for (let y = 0; y < 2; y++)
          for (let x = 0; x < 2; x++) {
            let s = 0;
            for (let c = 0; c < 3; c++)
              s +=
                (wl[c] *
                  (px(2 * y, 2 * x, c) + px(2 * y + 1, 2 * x, c) + px(2 * y, 2 * x + 1, c) + px(2 * y + 1, 2 * x + 1, c))) /
                4;
            l.push(s);
          }
        if (mode === 'high')
          for (let f = 0; f < 2; f++) {
            const m = h.filter((_v, k) => k % 2 === f).reduce((a, b) => a + b, 0) / 16;
            for (let k = f; k < 32; k += 2) h[k] = m;
          }
        if (mode === 'low') l.fill(l.reduce((a, b) => a + b, 0) / 4);
        const feat = [...h, ...l];
        for (let o = 0; o < 10; o++) {
          let s = bd[o];
          for (let k = 0; k < feat.length; k++) s += feat[k] * wd[k * 10 + o];
          logits[i * 10 + o] = s;
        }
      }
      return logits;
    };
    const x = tf.tensor4d(xs, [n, 4, 4, 3]);
    for (const [mode, overrides] of [
      ['none', []],
      ['low', ['l1/l']],
      ['high', ['l1/h']],
    ] as const) {
      const map = new Map(
        overrides.map((name) => [name, (t: tf.Tensor) => tf.broadcastTo(tf.mean(t, [1, 2], true), t.shape)] as const),
      );
      const y = runWithOverrides(model, x, map);
      expect(maxAbsDiff(await y.data(), hand(mode))).toBeLessThan(1e-4);
      y.dispose();
    }
    x.dispose();
    expect(() => runWithOverrides(model, tf.zeros([1, 4, 4, 3]), new Map([['nope', (t: tf.Tensor) => t]]))).toThrow(/nope/);
    model.dispose();
  });

  it('Oct-ResNet-8: the executor equals model.apply; ablation top-1 matches the override run; no leaks', async () => {
    const model = buildOctResNet({ depth: 8, widthMultiplier: 0.5, alpha: 0.5, block: 'basic', numClasses: 10, seed: 3 });
    const test = syntheticSplit(40, 21);
    const x = tf.tidy(() => tf.div(tf.sub(tf.tensor4d(Float32Array.from(test.images), [40, 32, 32, 3]), 128), 64) as tf.Tensor4D);
    const a = model.apply(x, { training: false }) as tf.Tensor;
    const b = runWithOverrides(model, x, new Map());
    expect(maxAbsDiff(await a.data(), await b.data())).toBeLessThan(1e-5);
    tf.dispose([a, b, x]);

    const before = tf.memory().numTensors;
    const result = await branchAblation(model, test, STATS, { images: 40, batchSize: 16 });
    expect(tf.memory().numTensors).toBe(before);
    const lowLayers = result.perLayer.filter((l) => l.dropLow !== null).map((l) => l.layer);
    expect(lowLayers.length).toBeGreaterThan(0);
    // Independent: the all-low ablation top-1 from the executor's logits on the normalised images.
    const meta = (
      model.getUserDefinedMetadata() as { octconv: { octaveLayers: Array<{ high: string | null; low: string | null }> } }
    ).octconv;
    expect(result.perLayer.map((l) => l.layer)).toEqual(meta.octaveLayers.map((l) => (l as { name?: string }).name));
    const lows = meta.octaveLayers.filter((l) => l.low && l.high).map((l) => l.low!);
    const xn = tf.tidy(
      () =>
        tf.div(
          tf.sub(tf.div(tf.tensor4d(Float32Array.from(test.images), [40, 32, 32, 3]), 255), tf.tensor1d(STATS.mean)),
          tf.tensor1d(STATS.std),
        ) as tf.Tensor4D,
    );
    const logits = runWithOverrides(
      model,
      xn,
      new Map(lows.map((n) => [n, (t: tf.Tensor) => tf.broadcastTo(tf.mean(t, [1, 2], true), t.shape)] as const)),
    );
    const pred = argmaxRows(await logits.data(), 10);
    tf.dispose([xn, logits]);
    expect(result.dropLow).toBeCloseTo(pred.filter((p, i) => p === test.labels[i]).length / 40, 10);
    expect(result.top1).toBe((await top1PerVariant(test, STATS, [plainVariant(model)], { images: 40 }))[0]);
    model.dispose();
  });

  it('band-limited top-1: largest radius = unfiltered exactly; a mid radius matches the plain-loop filter', async () => {
    const model = buildOctResNet({ depth: 8, widthMultiplier: 0.5, alpha: 0.5, block: 'basic', numClasses: 10, seed: 4 });
    const test = syntheticSplit(30, 31);
    const radii = [0, 2 / 32, 6 / 32, 23 / 32];
    const band = await bandLimitedAccuracy(model, test, STATS, { images: 30, batchSize: 16, radii });
    expect(band.lowPass.map((p) => p.radius)).toEqual(radii);
    expect(band.lowPass[3].top1).toBe(band.top1);
    expect(band.highPass[0].top1).toBe(band.top1);
    // Independent route: filter each image with the plain loops, normalise, predict.
    const filtered = new Float32Array(30 * 3072);
    for (let i = 0; i < 30; i++)
      filtered.set(filterImage(test.images.subarray(i * 3072, (i + 1) * 3072), 6 / 32, 'lowPass'), i * 3072);
    const logits = tf.tidy(() => {
      const xn = tf.div(
        tf.sub(tf.div(tf.tensor4d(filtered, [30, 32, 32, 3]), 255), tf.tensor1d(STATS.mean)),
        tf.tensor1d(STATS.std),
      );
      return model.apply(xn, { training: false }) as tf.Tensor;
    });
    const pred = argmaxRows(await logits.data(), 10);
    logits.dispose();
    expect(band.lowPass[2].top1).toBeCloseTo(pred.filter((p, i) => p === test.labels[i]).length / 30, 10);
    model.dispose();
  });

  it('sensitivity grid: conjugate pairs share a cell, 130 evaluations for 16×16; basis has unit norm and two-point DFT', () => {
    const { steps, representative } = sensitivityGrid(16);
    expect(steps[0]).toBe(-16);
    expect(steps[15]).toBe(14);
    expect(new Set(representative).size).toBe(130);
    const cell = (u: number, v: number) => (u / 2 + 8) * 16 + v / 2 + 8;
    expect(representative[cell(4, -6)]).toBe(representative[cell(-4, 6)]);
    expect(representative[cell(4, 6)]).not.toBe(representative[cell(4, -6)]);
    const basis = fourierBasis(32, 3, -5);
    expect(basis.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
    const { re, im } = naiveDft2d(basis, 32, 32, 1);
    const big = Array.from(re, (r, k) => Math.hypot(r, im[k]))
      .map((m, k) => [m, k] as const)
      .filter(([m]) => m > 1e-3)
      .map(([, k]) => k);
    expect(big.sort((p, q) => p - q)).toEqual([3 * 32 + 27, 29 * 32 + 5].sort((p, q) => p - q));
    expect(() => sensitivityGrid(12)).toThrow(/even divisor of 32/);
  });

  it('a full report leaves tf.memory().numTensors unchanged; cancel rejects and leaks nothing', async () => {
    const model = buildOctResNet({ depth: 8, widthMultiplier: 0.5, alpha: 0.5, block: 'basic', numClasses: 10, seed: 5 });
    const test = syntheticSplit(12, 41);
    const before = tf.memory().numTensors;
    const phases = new Set<string>();
    const report = await frequencyReport(model, test, STATS, {
      images: 12,
      sensitivityImages: 6,
      gridSize: 4,
      radii: [0, 0.25, 0.75],
      onProgress: (p) => phases.add(p.phase),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect([...phases]).toEqual(['band', 'ablation', 'sensitivity']);
    expect(report.lowPass[2].top1).toBe(report.top1);
    expect(report.sensitivity.errorRate.length).toBe(16);
    expect(report.sensitivity.cleanErrorRate).toBeCloseTo(1 - report.top1, 10);
    const controller = new AbortController();
    const job = frequencyReport(model, test, STATS, {
      images: 12,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(tf.memory().numTensors).toBe(before);
    await expect(frequencyReport(model, test, STATS, { images: 13 })).rejects.toThrow(/images must be an integer in \[1, 12\]/);
    model.dispose();
  });
});
