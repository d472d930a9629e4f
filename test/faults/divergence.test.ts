/**
 * Divergence ends a run as 'diverged' with a hint, never as 'completed' (issue 14, item 8).
 * Real run: lr 10 with momentum .999 on real CIFAR-10 (wasm); and the detectors' thresholds.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeChannelStats } from '../../src/data/index';
import { loadCifar10FromDir, resolveCifar10Dir } from '../../src/data/node';
import type { Cifar10Dataset } from '../../src/data/types';
import { buildOctResNet } from '../../src/octconv/index';
import { DEFAULT_TRAIN_CONFIG, validateTrainConfig } from '../../src/train/config';
import { CHANCE_WARMUP_STEPS, testDivergence, lossDivergence } from '../../src/train/divergence';
import type { TrainConfig, TrainEvent } from '../../src/train/protocol';
import { makeBatchStreams } from '../../src/train/session';
import { Trainer } from '../../src/train/trainer';
import { useBackend } from '../helpers/backend';

let data: Cifar10Dataset;
beforeAll(async () => {
  await useBackend('wasm');
  data = await loadCifar10FromDir(resolveCifar10Dir());
});

describe('divergence', () => {
  it('lr 10 with momentum .999 (valid config) ends diverged with a hint, not completed; no leak', async () => {
    const config: TrainConfig = {
      ...DEFAULT_TRAIN_CONFIG,
      widthMultiplier: 0.5,
      batchSize: 16,
      trainLimit: 1920,
      testLimit: 200,
      learningRate: 10,
      momentum: 0.999,
      maxSteps: 120,
      readbackEvery: 10,
    };
    validateTrainConfig(config);
    const { train, test } = makeBatchStreams(data, computeChannelStats(data.train), config);
    const model = buildOctResNet({ ...config, numClasses: 10 });
    const events: TrainEvent[] = [];
    const before = tf.memory().numTensors;
    await new Trainer({ runId: 'r', config, model, train, test, onEvent: (e) => events.push(e) }).run();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    const done = events.find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.reason).toBe('diverged');
    expect(done?.type === 'done' && done.message).toMatch(
      /^Training diverged.*: lower the learning rate \(now \S+\) or the momentum \(now 0\.999\)\.$/,
    );
    expect(events.some((e) => e.type === 'error')).toBe(false);
  });

  it('loss thresholds: 4 ln K', () => {
    expect(lossDivergence(2.3, 10, 0.2, 0.9, 10)).toBeNull();
    expect(lossDivergence(4 * Math.log(10), 10, 0.2, 0.9, 10)).toBeNull();
    expect(lossDivergence(9.3, 10, 0.2, 0.9, 10)).toBe(
      'Training diverged at step 10: the training loss exploded to 9.3 (a uniform guess scores 2.30). The steps were too large: lower the learning rate (now 0.200).',
    );
    expect(lossDivergence(NaN, 3, 1, 0.99, 10)).toMatch(/the loss is NaN.*or the momentum \(now 0\.99\)/);
  });

  it('chance: at or below 1/K after the warm-up', () => {
    const t = (top1: number, loss = 2.3) => ({ top1, loss });
    expect(testDivergence(t(0.04), CHANCE_WARMUP_STEPS - 1, 0.2, 0.9, 10)).toBeNull();
    expect(testDivergence(t(0.101), CHANCE_WARMUP_STEPS, 0.2, 0.9, 10)).toBeNull();
    expect(testDivergence(t(0.1), CHANCE_WARMUP_STEPS, 0.2, 0.9, 10)).toMatch(/top-1 is 10\.0 %, at or below chance \(10 %\)/);
    expect(testDivergence(t(0.04), 400, 10, 0.999, 10)).toMatch(/after 400 steps the test top-1 is 4\.0 %/);
    expect(testDivergence(t(0.3, 88), 5, 10, 0.999, 10)).toBe(
      'Training diverged: the test loss is 88.0 (a uniform guess scores 2.30): lower the learning rate (now 10.0) or the momentum (now 0.999).',
    );
  });
});
