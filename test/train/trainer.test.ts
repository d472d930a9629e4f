/**
 * The trainer on real CIFAR-10 subsets, wasm backend: learning, no leaks, determinism,
 * pause/resume, divergence, stop, and metric consistency.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCifar10FromDir, resolveCifar10Dir } from '../../src/data/node';
import { computeChannelStats, takeSubset } from '../../src/data/index';
import type { Cifar10Dataset } from '../../src/data/types';
import { buildOctResNet } from '../../src/octconv/index';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/config';
import type { TrainConfig, TrainEvent } from '../../src/train/protocol';
import { makeBatchStreams } from '../../src/train/session';
import { Trainer } from '../../src/train/trainer';
import { useBackend } from '../helpers/backend';

let data: Cifar10Dataset;

beforeAll(async () => {
  await useBackend('wasm');
  data = await loadCifar10FromDir(resolveCifar10Dir());
});

/** Builds the model and streams of `config` and runs a Trainer; returns the events. */
async function train(config: TrainConfig, hook?: (e: TrainEvent, t: Trainer) => void) {
  const stats = computeChannelStats(data.train);
  const { train: trainStream, test } = makeBatchStreams(data, stats, config);
  const model = buildOctResNet({ ...config, numClasses: 10 });
  const events: TrainEvent[] = [];
  const tensorsBefore = tf.memory().numTensors;
  const trainer = new Trainer({
    runId: 'r',
    config,
    model,
    train: trainStream,
    test,
    onEvent: (e) => {
      events.push(e);
      hook?.(e, trainer);
    },
  });
  await trainer.run();
  const tensorsAfter = tf.memory().numTensors;
  model.dispose();
  return { events, tensorsBefore, tensorsAfter };
}

const steps = (events: TrainEvent[]) => events.filter((e): e is Extract<TrainEvent, { type: 'step' }> => e.type === 'step');

/** Small, fast config: per-step readback so every loss is visible. */
const TINY: TrainConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  widthMultiplier: 0.5,
  batchSize: 16,
  trainLimit: 512,
  testLimit: 100,
  maxSteps: 5,
  readbackEvery: 1,
  seed: 1,
};

describe('Trainer on real CIFAR-10 (wasm)', () => {
  it('Oct-ResNet-8 α=.25 learns (≥ 30% top-1 on held-out test images) in 200 steps without leaking tensors', async () => {
    const config: TrainConfig = {
      ...DEFAULT_TRAIN_CONFIG,
      depth: 8,
      widthMultiplier: 0.5,
      alpha: 0.25,
      batchSize: 32,
      epochs: 2,
      trainLimit: 3200,
      testLimit: 1000,
      learningRate: 0.2,
      readbackEvery: 20,
      seed: 3,
    };
    const { events, tensorsBefore, tensorsAfter } = await train(config);
    const done = events.find((e) => e.type === 'done');
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(events.find((e) => e.type === 'error')).toBeUndefined();
    expect(done?.type === 'done' && done.step).toBe(200);
    expect(epochs).toHaveLength(2);
    // 200 steps and 2 evaluations leave the tensor count unchanged.
    expect(tensorsAfter).toBe(tensorsBefore);
    if (done?.type !== 'done') throw new Error('no done event');
    const m = done.test;
    expect(m.count).toBe(1000);
    expect(m.top1).toBeGreaterThanOrEqual(0.3);
    expect(m.top5).toBeGreaterThanOrEqual(m.top1);
    // Independent per-class counts of the first 1000 test labels.
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 1000; i++) counts[data.test.labels[i]]++;
    expect(m.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(counts);
    const correct = m.confusion.reduce((a, row, i) => a + row[i], 0);
    expect(m.top1).toBeCloseTo(correct / 1000, 10);
    m.perClassAccuracy.forEach((acc, k) => expect(acc).toBeCloseTo(m.confusion[k][k] / counts[k], 10));
    expect(done.imagesPerSecond).toBeGreaterThan(0);
    expect(done.firstStepMs).toBeGreaterThan(0);
    // Train loss falls between the first and the last readback.
    const s = steps(events);
    expect(s[s.length - 1].loss).toBeLessThan(s[0].loss);
  });

  it('same seed ⇒ identical first 5 losses; another seed ⇒ different', async () => {
    const a = steps((await train(TINY)).events).map((e) => e.loss);
    const b = steps((await train(TINY)).events).map((e) => e.loss);
    const c = steps((await train({ ...TINY, seed: 2 })).events).map((e) => e.loss);
    expect(a).toHaveLength(5);
    expect(b).toEqual(a);
    expect(c).toHaveLength(5);
    expect(c).not.toEqual(a);
  });

  it('pause/resume gives the same losses as an uninterrupted run; stop ends early with reason "stopped"', async () => {
    const plain = steps((await train(TINY)).events).map((e) => e.loss);
    let paused = false;
    const resumed = await train(TINY, (e, t) => {
      if (e.type === 'step' && e.step === 2 && !paused) {
        paused = true;
        t.pause();
        setTimeout(() => t.resume(), 50);
      }
    });
    const states = resumed.events.filter((e) => e.type === 'state').map((e) => e.type === 'state' && e.state);
    expect(states).toEqual(['running', 'paused', 'running']);
    expect(steps(resumed.events).map((e) => e.loss)).toEqual(plain);

    const stopped = await train(TINY, (e, t) => {
      if (e.type === 'step' && e.step === 2) t.stop();
    });
    const done = stopped.events.find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.reason).toBe('stopped');
    expect(done?.type === 'done' && done.step).toBe(2);
    expect(stopped.tensorsAfter).toBe(stopped.tensorsBefore);
  });

  it('lr = 1e6 ⇒ the run ends diverged with a divergence message, no exception, no leak', async () => {
    const { events, tensorsBefore, tensorsAfter } = await train({ ...TINY, learningRate: 1e6, maxSteps: 20 });
    const done = events.find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.reason).toBe('diverged');
    expect(done?.type === 'done' && done.message).toMatch(
      /diverged at step \d+: (the loss is (NaN|Infinity|-Infinity)|the training loss exploded)/,
    );
    expect(events.find((e) => e.type === 'error')).toBeUndefined();
    expect(tensorsAfter).toBe(tensorsBefore);
  });

  it('flip-TTA evaluation averages the image and its mirror (checked against a manual mirror pass)', async () => {
    const config: TrainConfig = { ...TINY, flipTTA: true, maxSteps: 2, testLimit: 20 };
    const stats = computeChannelStats(data.train);
    const model = buildOctResNet({ ...config, numClasses: 10 });
    const { test } = makeBatchStreams(data, stats, config);
    const { evaluate } = await import('../../src/train/trainer');
    const m = await evaluate(model, test, true);
    // Independent: softmax average computed here from two predict() calls.
    const batch = test.epoch(0).next().value!;
    const p = tf.tidy(() => {
      const a = tf.softmax(model.predict(batch.xs) as tf.Tensor2D);
      const b = tf.softmax(model.predict(tf.reverse(batch.xs, 2)) as tf.Tensor2D);
      return a.add(b).div(2);
    });
    const probs = (await p.array()) as number[][];
    const labels = Array.from(takeSubset(data.test, 20).labels);
    const loss = -labels.reduce((s, y, i) => s + Math.log(probs[i][y]), 0) / 20;
    const top1 = labels.filter((y, i) => probs[i].indexOf(Math.max(...probs[i])) === y).length / 20;
    expect(m.loss).toBeCloseTo(loss, 4);
    expect(m.top1).toBeCloseTo(top1, 10);
    tf.dispose([p, batch.xs, batch.labels]);
    model.dispose();
  });
});
