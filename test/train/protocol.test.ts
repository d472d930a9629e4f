/**
 * The worker protocol end to end in Node: a LabSession exposed with comlink on one end of a
 * node:worker_threads MessageChannel, driven through comlink.wrap<LabWorkerApi> on the other
 * (the same structured-clone/transfer path as the browser worker), on real CIFAR-10 subsets.
 */
import * as comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeSubset } from '../../src/data/index';
import { loadCifar10FromDir, resolveCifar10Dir } from '../../src/data/node';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/config';
import type { LabWorkerApi, TrainConfig, TrainEvent } from '../../src/train/protocol';
import { LabSession } from '../../src/train/session';

const TRAIN = 512;
const TEST = 200;
let channel: MessageChannel;
let api: comlink.Remote<LabWorkerApi>;
let testLabels: Uint8Array;
let testImages: Uint8Array;

beforeAll(async () => {
  const full = await loadCifar10FromDir(resolveCifar10Dir());
  testLabels = full.test.labels.slice(0, TEST);
  testImages = full.test.images.slice(0, TEST * 3072);
  const session = new LabSession({
    loadData: async (_source, onProgress) => {
      onProgress({ phase: 'done', loadedBytes: 1, totalBytes: 1 });
      return {
        dataset: { ...full, train: takeSubset(full.train, TRAIN), test: takeSubset(full.test, TEST) },
        origin: 'files',
      };
    },
  });
  channel = new MessageChannel();
  comlink.expose(session, nodeEndpoint(channel.port1));
  api = comlink.wrap<LabWorkerApi>(nodeEndpoint(channel.port2));
});

afterAll(() => {
  api?.[comlink.releaseProxy]();
  channel?.port1.close();
  channel?.port2.close();
});

/** Waits until `pred` holds (callbacks travel on their own channel, so they may lag a reply). */
async function until(pred: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting for an event');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const CONFIG: TrainConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  widthMultiplier: 0.5,
  batchSize: 16,
  maxSteps: 3,
  readbackEvery: 1,
};

describe('LabWorkerApi over comlink (in-process MessageChannel)', () => {
  it('init: picks wasm in Node, lists every candidate, refuses an unavailable backend by name', async () => {
    const choice = await api.init();
    expect(choice.name).toBe('wasm');
    expect(choice.manual).toBe(false);
    expect(choice.candidates.map((c) => c.name)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(choice.reason).toMatch(/wasm is the fastest available backend/);
    await expect(api.init('webgl')).rejects.toThrow(
      /Backend 'webgl' is unavailable \(WebGL2 is not available\); available: wasm, cpu/,
    );
    expect((await api.init('wasm')).manual).toBe(true);
  });

  it('loadData reports counts and per-class counts; cost works without training', async () => {
    const progress: string[] = [];
    const s = await api.loadData(
      { kind: 'url', baseUrl: '/data/cifar10/' },
      comlink.proxy((p) => void progress.push(p.phase)),
    );
    expect(s.trainCount).toBe(TRAIN);
    expect(s.testCount).toBe(TEST);
    const counts = new Array(10).fill(0);
    for (const y of testLabels) counts[y]++;
    expect(s.testPerClass).toEqual(counts);
    expect(s.classNames).toHaveLength(10);
    await until(() => progress.includes('done'));
    const cost = await api.cost({ depth: 8, widthMultiplier: 1, alpha: 0.5, block: 'basic' });
    expect(cost.params).toBeGreaterThan(0);
    expect(cost.macs).toBeLessThan(cost.vanilla.macs);
  });

  it('start streams events and resolves; invalid configs reject; stop() acts at a step boundary', async () => {
    const events: TrainEvent[] = [];
    await api.start(
      'run-1',
      CONFIG,
      comlink.proxy((e) => void events.push(e)),
    );
    await until(() => events.some((e) => e.type === 'done'));
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.map((e) => e.type === 'step' && e.step)).toEqual([1, 2, 3]);
    const done = events.find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.test.count).toBe(TEST);
    await expect(
      api.start(
        'bad',
        { ...CONFIG, alpha: 2 },
        comlink.proxy(() => {}),
      ),
    ).rejects.toThrow(/alpha must be ≥ 0 and ≤ 1 \(got 2\)/);

    const ev2: TrainEvent[] = [];
    let stopped = false;
    const run = api.start(
      'run-2',
      { ...CONFIG, maxSteps: 50 },
      comlink.proxy((e) => {
        ev2.push(e);
        if (e.type === 'step' && !stopped) {
          stopped = true;
          void api.stop();
        }
      }),
    );
    await run;
    await until(() => ev2.some((e) => e.type === 'done'));
    const d2 = ev2.find((e) => e.type === 'done');
    expect(d2?.type === 'done' && d2.reason).toBe('stopped');
    expect(d2?.type === 'done' && d2.step).toBeLessThan(50);
  });

  it('inspect returns the image, prediction and octave maps (+ spectra) as typed arrays', async () => {
    const r = await api.inspect(3, { spectra: true });
    expect(r.image).toBeInstanceOf(Uint8Array);
    expect(Array.from(r.image)).toEqual(Array.from(testImages.subarray(3 * 3072, 4 * 3072)));
    expect(r.label).toBe(testLabels[3]);
    expect(r.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(r.predicted).toBe(r.probabilities.indexOf(Math.max(...r.probabilities)));
    expect(r.layers.length).toBeGreaterThan(2);
    const withLow = r.layers.find((l) => l.low && l.high)!;
    expect(withLow).toBeDefined();
    for (const m of [withLow.high!, withLow.low!]) {
      expect(m.data).toBeInstanceOf(Float32Array);
      expect(m.data.length).toBe(m.height * m.width * m.channels);
    }
    expect(withLow.low!.height * 2).toBe(withLow.high!.height);
    expect(withLow.spectra?.low?.logMagnitude.length).toBe(withLow.low!.height * withLow.low!.width);
    const one = await api.inspect(3, { layerNames: [withLow.info.name] });
    expect(one.layers.map((l) => l.info.name)).toEqual([withLow.info.name]);
    expect(one.layers[0].spectra).toBeUndefined();
    await expect(api.inspect(TEST)).rejects.toThrow(`imageIndex must be an integer in [0, ${TEST}) (got ${TEST})`);
    await expect(api.inspect(0, { layerNames: ['nope'] })).rejects.toThrow(/unknown octave layer 'nope'/);
  });

  it('saveModel / loadModel round-trips the model in the tfjs format (same predictions)', async () => {
    const before = await api.inspect(5);
    const files = await api.saveModel('round-trip');
    expect(JSON.parse(files.modelJson).weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(files.weights.byteLength).toBeGreaterThan(1000);
    const layers = await api.loadModel(files);
    expect(layers.map((l) => l.name)).toEqual(before.layers.map((l) => l.info.name));
    const after = await api.inspect(5);
    after.probabilities.forEach((p, i) => expect(p).toBeCloseTo(before.probabilities[i], 5));
    await expect(api.saveModel('bad/name')).rejects.toThrow(/model name must be/);
    await expect(api.loadModel({ name: 'x' })).rejects.toThrow(/no IndexedDB in this environment/);
  });
});
