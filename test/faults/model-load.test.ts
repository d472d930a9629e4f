/**
 * Loading a bad model never destroys the current one (issue 14, items 1, 11, 12): a foreign
 * (MNIST dense) model, a truncated weights.bin and NaN weights are refused with a message that
 * names the problem, and the session keeps its model (inspect and save still work).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { takeSubset } from '../../src/data/index';
import { loadCifar10FromDir, resolveCifar10Dir } from '../../src/data/node';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/config';
import { modelToFiles } from '../../src/train/model-io';
import type { SavedModelFiles } from '../../src/train/protocol';
import { LabSession } from '../../src/train/session';

let session: LabSession;
let good: SavedModelFiles;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const full = await loadCifar10FromDir(resolveCifar10Dir());
  session = new LabSession({
    loadData: async () => ({
      dataset: { ...full, train: takeSubset(full.train, 64), test: takeSubset(full.test, 20) },
      origin: 'files',
    }),
    selectBackend: async () => ({ name: 'cpu', reason: 'test', candidates: [], manual: true }),
  });
  await session.init('cpu');
  await session.loadData({ kind: 'url', baseUrl: '' }, () => {});
  await session.start(
    'r',
    { ...DEFAULT_TRAIN_CONFIG, widthMultiplier: 0.25, batchSize: 16, maxSteps: 1, testLimit: 20 },
    () => {},
  );
  good = await session.saveModel('good');
});

/** Asserts the session still has its model: same object, same predictions. */
async function expectModelKept(model: tf.LayersModel | null, probabilities: number[]): Promise<void> {
  expect(session.currentModel).toBe(model);
  const after = await session.inspect(0);
  after.probabilities.forEach((p, i) => expect(p).toBeCloseTo(probabilities[i], 6));
}

describe('loadModel refuses bad models and keeps the current one', () => {
  it('a foreign model (MNIST dense 784→10)', async () => {
    const model = session.currentModel;
    const before = (await session.inspect(0)).probabilities;
    const mnist = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 10 })] });
    const files = await modelToFiles(mnist);
    mnist.dispose();
    await expect(session.loadModel(files)).rejects.toThrow(
      'not an Oct-ResNet of this lab: it takes input [null,784], the lab feeds CIFAR-10 images [null,32,32,3]; the current model is kept',
    );
    await expectModelKept(model, before);
    const saved = await session.saveModel('after-foreign');
    expect(saved.modelJson).toBe(good.modelJson);
  });

  it('a truncated weights.bin names the sizes', async () => {
    const model = session.currentModel;
    const before = (await session.inspect(0)).probabilities;
    const cut = { modelJson: good.modelJson, weights: good.weights.slice(0, 1005) };
    await expect(session.loadModel(cut)).rejects.toThrow(
      `weights.bin is 1005 bytes but model.json lists ${good.weights.byteLength} bytes of weights: the file is truncated or belongs to another model; the current model is kept`,
    );
    await expectModelKept(model, before);
  });

  it('NaN weights name the weight', async () => {
    const model = session.currentModel;
    const before = (await session.inspect(0)).probabilities;
    const weights = good.weights.slice(0);
    new Float32Array(weights)[7] = NaN;
    const first = JSON.parse(good.modelJson).weightsManifest[0].weights[0].name as string;
    await expect(session.loadModel({ modelJson: good.modelJson, weights })).rejects.toThrow(
      `weight ${first} holds 1 non-finite value (NaN or ±Infinity): the file is corrupt; the current model is kept`,
    );
    await expectModelKept(model, before);
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  });

  it('a rejected load leaks no tensors', async () => {
    const weights = good.weights.slice(0);
    new Float32Array(weights)[7] = NaN;
    const n = tf.memory().numTensors;
    await expect(session.loadModel({ modelJson: good.modelJson, weights })).rejects.toThrow(/non-finite/);
    expect(tf.memory().numTensors).toBe(n);
  });

  it('a good file still loads', async () => {
    const layers = await session.loadModel(good);
    expect(layers.length).toBeGreaterThan(0);
  });
});
