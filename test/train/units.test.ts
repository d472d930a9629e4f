/**
 * Fast, pure parts of the engine: config validation, LR schedules, metrics arithmetic and the
 * device-side accumulator (cpu backend), backend ranking with faked environments, CLI parsing.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendRank, explainChoice, probeBackends, rankBackends, type BackendEnvironment } from '../../src/train/backend';
import { parseSweepArgs, parseTrainArgs } from '../../src/train/cli-args';
import { DEFAULT_TRAIN_CONFIG, TRAIN_PRESETS, validateTrainConfig } from '../../src/train/config';
import { EvalAccumulator, logProbabilities, metricsFromCounts } from '../../src/train/metrics';
import type { TrainConfig } from '../../src/train/protocol';
import { learningRateAt } from '../../src/train/schedule';
import { useBackend } from '../helpers/backend';

beforeAll(async () => {
  await useBackend('cpu');
});

describe('validateTrainConfig', () => {
  it('accepts the default and every preset', () => {
    validateTrainConfig(DEFAULT_TRAIN_CONFIG);
    for (const p of Object.values(TRAIN_PRESETS)) validateTrainConfig(p);
    validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, block: 'bottleneck', depth: 50 });
  });
  const bad: Array<[Partial<TrainConfig>, RegExp]> = [
    [{ alpha: 1.5 }, /alpha must be ≥ 0 and ≤ 1 \(got 1.5\)/],
    [{ alpha: -0.1 }, /alpha must be/],
    [{ depth: 10 }, /depth must be 6n\+2 .* \(got 10\)/],
    [{ depth: 20, block: 'bottleneck' }, /depth must be 50, 101 or 152/],
    [{ batchSize: 0 }, /batchSize must be ≥ 1 and ≤ 1024 \(got 0\)/],
    [{ batchSize: 12.5 }, /batchSize must be an integer/],
    [{ batchSize: 2048 }, /batchSize must be/],
    [{ learningRate: 0 }, /learningRate must be > 0 and ≤ 10 \(got 0\)/],
    [{ learningRate: -1 }, /learningRate must be > 0/],
    [{ learningRate: NaN }, /learningRate must be a finite number/],
    [{ epochs: 0 }, /epochs must be ≥ 1/],
    [{ trainLimit: 0 }, /trainLimit must be ≥ 1/],
    [{ readbackEvery: 0 }, /readbackEvery must be ≥ 1/],
    [{ schedule: 'step' as never }, /schedule must be 'onecycle' or 'cosine'/],
  ];
  it.each(bad)('rejects %o', (patch, msg) => {
    expect(() => validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, ...patch })).toThrow(msg);
  });
});

describe('learningRateAt', () => {
  it('one-cycle: peak/25 at step 0, peak at 30 %, linear to ~0 (hand values, 10 steps)', () => {
    const lr = Array.from({ length: 10 }, (_, s) => learningRateAt('onecycle', 0.2, s, 10));
    expect(lr[0]).toBeCloseTo(0.008, 12);
    expect(lr[1]).toBeCloseTo(0.008 + 0.192 / 3, 12);
    expect(lr[3]).toBeCloseTo(0.2, 12);
    expect(lr[9]).toBeCloseTo(0.2 * (1 - 0.6 / 0.7), 12);
  });
  it('cosine: linear warm-up over 5 % then half a cosine (100 steps)', () => {
    expect(learningRateAt('cosine', 0.1, 0, 100)).toBeCloseTo(0.02, 12);
    expect(learningRateAt('cosine', 0.1, 4, 100)).toBeCloseTo(0.1, 12);
    expect(learningRateAt('cosine', 0.1, 5, 100)).toBeCloseTo(0.1, 12);
    expect(learningRateAt('cosine', 0.1, 52, 100)).toBeCloseTo(0.05 * (1 + Math.cos((Math.PI * 47) / 95)), 12);
  });
  it('rejects bad arguments', () => {
    expect(() => learningRateAt('onecycle', 0.1, 10, 10)).toThrow(/step must be an integer in \[0, 10\)/);
    expect(() => learningRateAt('onecycle', 0.1, 0, 0)).toThrow(/totalSteps must be/);
    expect(() => learningRateAt('onecycle', 0, 0, 5)).toThrow(/peak learning rate must be > 0/);
  });
});

describe('metrics', () => {
  it('metricsFromCounts: hand-derived values', () => {
    const m = metricsFromCounts(
      [
        [3, 1],
        [2, 4],
      ],
      5,
      9,
    );
    expect(m).toEqual({
      loss: 0.5,
      top1: 0.7,
      top5: 0.9,
      perClassAccuracy: [0.75, 4 / 6],
      confusion: [
        [3, 1],
        [2, 4],
      ],
      count: 10,
    });
    expect(() => metricsFromCounts([[1, 2]], 0, 0)).toThrow(/square/);
    expect(() => metricsFromCounts([[0]], 0, 0)).toThrow(/0 images/);
  });

  it('EvalAccumulator matches a naive JS computation over two batches, without leaks', async () => {
    const n = 37;
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const logits = Array.from({ length: n }, () => Array.from({ length: 10 }, () => rand() * 6 - 3));
    const labels = Array.from({ length: n }, () => Math.floor(rand() * 10));
    // Naive reference.
    const conf = Array.from({ length: 10 }, () => new Array(10).fill(0));
    let loss = 0;
    let top5 = 0;
    logits.forEach((row, i) => {
      const max = Math.max(...row);
      const lse = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
      loss -= row[labels[i]] - lse;
      conf[labels[i]][row.indexOf(max)]++;
      if (row.filter((v) => v > row[labels[i]]).length < 5) top5++;
    });
    const before = tf.memory().numTensors;
    const acc = new EvalAccumulator(10);
    for (const [a, b] of [
      [0, 20],
      [20, n],
    ]) {
      const lg = tf.tensor2d(logits.slice(a, b));
      const lp = logProbabilities(lg);
      const lab = tf.tensor1d(labels.slice(a, b), 'int32');
      acc.add(lp, lab);
      tf.dispose([lg, lp, lab]);
    }
    const m = await acc.result();
    expect(tf.memory().numTensors).toBe(before);
    expect(m.confusion).toEqual(conf);
    expect(m.loss).toBeCloseTo(loss / n, 4);
    expect(m.top5).toBeCloseTo(top5 / n, 10);
    expect(m.top5).toBeGreaterThanOrEqual(m.top1);
  });
});

describe('backend ranking', () => {
  const env = (o: Partial<BackendEnvironment>): BackendEnvironment => ({ hasWebAssembly: true, ...o });
  const adapter = (isFallbackAdapter: boolean, description: string) => ({
    requestAdapter: async () => ({ isFallbackAdapter, info: { vendor: 'x', description } }),
  });

  it('software WebGPU (fallback adapter) and SwiftShader WebGL rank below wasm', async () => {
    const c = await probeBackends(
      env({
        gpu: adapter(true, 'SwiftShader Device'),
        webglRenderer: () => 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
      }),
    );
    expect(c.map((x) => [x.name, x.available, x.software])).toEqual([
      ['webgpu', true, true],
      ['webgl', true, true],
      ['wasm', true, false],
      ['cpu', true, false],
    ]);
    expect(rankBackends(c).map((x) => x.name)).toEqual(['wasm', 'webgl', 'webgpu', 'cpu']);
    const reason = explainChoice(c[2], c, false);
    expect(reason).toMatch(/^wasm is the fastest available backend/);
    expect(reason).toMatch(/webgpu: software adapter: x SwiftShader Device/);
    expect(reason).toMatch(/20–35× slower than WASM/);
  });

  it('a real GPU ranks WebGPU, then WebGL, first; llvmpipe is software', async () => {
    const real = await probeBackends(
      env({ gpu: adapter(false, 'NVIDIA GeForce RTX 4090'), webglRenderer: () => 'ANGLE (NVIDIA, RTX 4090)' }),
    );
    expect(rankBackends(real).map((x) => x.name)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    const noGpu = await probeBackends(
      env({ gpu: { requestAdapter: async () => null }, webglRenderer: () => 'llvmpipe (LLVM 15.0.6, 256 bits)' }),
    );
    expect(noGpu[0]).toMatchObject({ name: 'webgpu', available: false, detail: 'no WebGPU adapter' });
    expect(noGpu[1].software).toBe(true);
    expect(rankBackends(noGpu).map((x) => x.name)).toEqual(['wasm', 'webgl', 'cpu']);
    // Fallback flag alone (no telling name) is enough.
    expect(backendRank({ name: 'webgpu', available: true, software: true, detail: '' })).toBeGreaterThan(
      backendRank({ name: 'wasm', available: true, software: false, detail: '' }),
    );
  });

  it('Node (no navigator.gpu, no OffscreenCanvas): only wasm and cpu', async () => {
    const c = await probeBackends(env({}));
    expect(rankBackends(c).map((x) => x.name)).toEqual(['wasm', 'cpu']);
  });
});

describe('CLI arguments', () => {
  it('parses train flags over the defaults', () => {
    const a = parseTrainArgs([
      '--depth',
      '20',
      '--width=1',
      '--alpha',
      '0.25',
      '--epochs',
      '1',
      '--batch',
      '128',
      '--lr',
      '0.2',
      '--seed',
      '1',
      '--train-limit',
      '500',
      '--no-augment',
      '--tta',
      '--out',
      'run.json',
      '--backend',
      'cpu',
    ]);
    expect(a.config).toMatchObject({
      depth: 20,
      widthMultiplier: 1,
      alpha: 0.25,
      epochs: 1,
      batchSize: 128,
      learningRate: 0.2,
      seed: 1,
      trainLimit: 500,
      augment: false,
      flipTTA: true,
    });
    expect(a.out).toBe('run.json');
    expect(a.backend).toBe('cpu');
    expect(parseTrainArgs([]).config).toEqual(DEFAULT_TRAIN_CONFIG);
    expect(parseTrainArgs(['--save-model', 'runs/m']).saveModel).toBe('runs/m');
    expect(parseTrainArgs([]).saveModel).toBeUndefined();
  });
  it.each([
    [['--depht', '20'], /unknown flag --depht/],
    [['--alpha', '2'], /--alpha must be ≥ 0 and ≤ 1 \(got 2\)/],
    [['--depth', '21'], /depth must be 6n\+2/],
    [['--batch', '0'], /--batch must be ≥ 1/],
    [['--lr', '0'], /--lr must be > 0/],
    [['--lr', 'abc'], /--lr needs a number in decimal notation \(got 'abc'\)/],
    [['--epochs'], /--epochs needs a value/],
    [['--backend', 'tpu'], /--backend must be one of webgpu, webgl, wasm, cpu/],
    [['20'], /unexpected argument '20'/],
    [['--seed', '1', '--seed', '2'], /given twice/],
    [['--save-model'], /--save-model needs a value/],
    [['--save-model='], /--save-model needs a folder/],
  ])('train %j ⇒ error', (argv, msg) => {
    expect(() => parseTrainArgs(argv as string[])).toThrow(msg);
  });
  it('parses sweep α lists and rejects bad ones', () => {
    expect(parseSweepArgs(['--alphas', '0,0.125,0.25,0.5', '--depth', '20']).alphas).toEqual([0, 0.125, 0.25, 0.5]);
    expect(parseSweepArgs([]).alphas).toEqual([0, 0.125, 0.25, 0.5]);
    expect(() => parseSweepArgs(['--alphas', '0,1.5'])).toThrow(/--alphas values must be in \[0, 1\] \(got 1.5\)/);
    expect(() => parseSweepArgs(['--alphas', '0,,1'])).toThrow(/needs a number/);
    expect(() => parseSweepArgs(['--alphas', '0.5,0.5'])).toThrow(/repeated/);
    expect(() => parseSweepArgs(['--alpha', '0.5'])).toThrow(/--alpha is not allowed here/);
  });
});
