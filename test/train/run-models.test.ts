/**
 * Inspecting any finished run: the worker session keeps each run's final weights, inspects a
 * kept run after later runs replaced the current model (same answer as right after it ended),
 * hands weights to another session (a parallel worker's run shown by the main one), and leaves
 * no tensors behind once the rebuilt models are freed. Real CIFAR-10 subsets, wasm backend.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { takeSubset } from '../../src/data/index';
import { loadCifar10FromDir, resolveCifar10Dir } from '../../src/data/node';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/config';
import type { Cifar10Dataset } from '../../src/data/types';
import type { InspectResult, TrainConfig } from '../../src/train/protocol';
import { LabSession } from '../../src/train/session';
import { RUN_MODEL_CACHE_SIZE } from '../../src/train/run-models';
import { useBackend } from '../helpers/backend';

let dataset: Cifar10Dataset;
const CONFIG: TrainConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  widthMultiplier: 0.5,
  batchSize: 16,
  maxSteps: 2,
  readbackEvery: 1,
  testLimit: 32,
};

/** A session on the wasm backend with the subset loaded. */
function session(): LabSession {
  const s = new LabSession({
    loadData: async () => ({ dataset, origin: 'files' }),
    selectBackend: async () => ({ name: 'wasm', reason: 'test', candidates: [], manual: true }),
  });
  s.setDataset(dataset);
  return s;
}

/** Every number of the layer maps of an inspect result, for equality checks. */
const mapsOf = (r: InspectResult) =>
  r.layers.map((l) => [l.info.name, Array.from(l.high?.data ?? []), Array.from(l.low?.data ?? [])]);

beforeAll(async () => {
  await useBackend('wasm');
  const full = await loadCifar10FromDir(resolveCifar10Dir());
  dataset = { ...full, train: takeSubset(full.train, 128), test: takeSubset(full.test, 32) };
}, 60_000);

describe('inspect any finished run (kept final weights)', () => {
  it('a kept run inspects as it did when it ended, after another run replaced the model; no tensors leak', async () => {
    const s = session();
    await s.init();
    await s.start('run-a', { ...CONFIG, alpha: 0 }, () => {});
    const a = await s.inspect(4, { spectra: true });
    await s.start('run-b', { ...CONFIG, alpha: 0.5, seed: 2 }, () => {});
    const b = await s.inspect(4);
    const before = tf.memory().numTensors;
    const aLater = await s.inspect(4, { runId: 'run-a', spectra: true });
    expect(aLater.probabilities).toEqual(a.probabilities);
    expect(mapsOf(aLater)).toEqual(mapsOf(a));
    expect(aLater.layers[1].spectra?.high?.logMagnitude).toEqual(a.layers[1].spectra?.high?.logMagnitude);
    // α = 0 has no low branch; α = .5 has one: the kept run is really the other model.
    expect(a.layers.some((l) => l.low)).toBe(false);
    expect(b.layers.some((l) => l.low)).toBe(true);
    // The current run's id means the current model.
    expect((await s.inspect(4, { runId: 'run-b' })).probabilities).toEqual(b.probabilities);
    expect(tf.memory().numTensors).toBeGreaterThan(before); // run-a rebuilt and cached
    await s.forgetRunWeights(['run-a']);
    await new Promise((r) => setTimeout(r, 0));
    expect(tf.memory().numTensors).toBe(before);
    await expect(s.inspect(4, { runId: 'run-a' })).rejects.toThrow('no final weights kept for run run-a');
    s.dispose();
  }, 120_000);

  it('weights handed to another session (parallel worker → main worker) inspect the same; cache holds two models', async () => {
    const worker = session();
    await worker.init();
    await worker.start('run-p', { ...CONFIG, alpha: 0.25 }, () => {});
    const there = await worker.inspect(7);
    const files = await worker.runWeights('run-p');
    expect(files).not.toBeNull();
    expect(await worker.runWeights('nope')).toBeNull();
    // The copy handed out is independent of the kept weights (it may be transferred, i.e. detached).
    expect(files!.weights).not.toBe((await worker.runWeights('run-p'))!.weights);

    const main = session();
    await main.init();
    const before = tf.memory().numTensors;
    await main.keepRunWeights('run-p', files!);
    const here = await main.inspect(7, { runId: 'run-p' });
    expect(here.probabilities).toEqual(there.probabilities);
    expect(mapsOf(here)).toEqual(mapsOf(there));
    // Three more kept runs inspected in turn: at most RUN_MODEL_CACHE_SIZE stay rebuilt.
    const one = tf.memory().numTensors - before;
    for (const id of ['q1', 'q2', 'q3']) {
      await main.keepRunWeights(id, (await worker.runWeights('run-p'))!);
      await main.inspect(0, { runId: id });
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(tf.memory().numTensors - before).toBe(RUN_MODEL_CACHE_SIZE * one);
    main.dispose();
    await new Promise((r) => setTimeout(r, 0));
    expect(tf.memory().numTensors).toBe(before);
    await expect(main.keepRunWeights('', files!)).rejects.toThrow('keepRunWeights needs a run id');
    await expect(main.keepRunWeights('x', { modelJson: '{}' } as never)).rejects.toThrow('keepRunWeights needs a run id');
    worker.dispose();
  }, 120_000);
});
