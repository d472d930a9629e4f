/**
 * A lost WebGPU device (here: `device.destroy()` on Dawn + SwiftShader in Node) ends the running
 * training with one clear 'error' event — no exception escapes — and the session then refuses new
 * work on that device with the same message.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceLostMessage } from '../../src/train/device-loss';
import { LabSession } from '../../src/train/session';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, type TrainEvent } from '../../src/train/index';
import type { Cifar10Dataset, Cifar10Split } from '../../src/data/types';
import { useBackend } from '../helpers/backend';

/** A small random split (uint8 NHWC), enough for a few steps. */
function randomSplit(count: number, seed: number): Cifar10Split {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
  const images = new Uint8Array(count * 32 * 32 * 3).map(next);
  const labels = new Uint8Array(count).map((_, i) => i % 10);
  return { images, labels, count };
}

const dataset: Cifar10Dataset = {
  train: randomSplit(32, 1),
  test: randomSplit(8, 2),
  classNames: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'],
};

const config: TrainConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  depth: 8,
  widthMultiplier: 0.25,
  alpha: 0.5,
  batchSize: 4,
  epochs: 1,
  readbackEvery: 1,
  maxSteps: 8,
  augment: false,
};

describe('WebGPU device loss', () => {
  beforeAll(async () => useBackend('webgpu'));

  it('formats the message with the reason and what to do', () => {
    expect(deviceLostMessage({ reason: 'destroyed', message: 'Device was destroyed.' })).toBe(
      'the WebGPU device was lost (destroyed: Device was destroyed.); the run so far is kept. ' +
        'Reload the page to get a new device, or choose the WASM backend to go on training.',
    );
    expect(deviceLostMessage({})).toMatch(/^the WebGPU device was lost; the run so far is kept/);
  });

  it('ends the run with an error event at the next step boundary, then refuses new work', async () => {
    const session = new LabSession({
      loadData: async () => ({ dataset, origin: 'files' }),
      selectBackend: async () => ({ name: 'webgpu', reason: 'test', candidates: [], manual: true }),
    });
    await session.init('webgpu');
    await session.loadData({ kind: 'url', baseUrl: '' }, () => {});
    const events: TrainEvent[] = [];
    let destroyed = false;
    await session.start('lost', config, (e) => {
      events.push(e);
      if (e.type === 'step' && !destroyed) {
        destroyed = true;
        (tf.backend() as unknown as { device: { destroy(): void } }).device.destroy();
      }
    });
    const steps = events.filter((e) => e.type === 'step');
    const last = events[events.length - 1];
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(events.some((e) => e.type === 'done')).toBe(false);
    expect(last.type).toBe('error');
    expect(last.type === 'error' && last.message).toMatch(/^Training failed at step \d+: the WebGPU device was lost \(destroyed/);
    expect(last.type === 'error' && last.step).toBeLessThan(config.maxSteps!);
    await expect(session.start('again', config, () => {})).rejects.toThrow(/the WebGPU device was lost/);
    await expect(session.inspect(0)).rejects.toThrow(/the WebGPU device was lost/);
  });
});
