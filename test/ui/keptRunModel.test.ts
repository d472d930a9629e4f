/**
 * A kept run made the worker's model again (src/ui/lib/keptRunModel.ts): which runs are offered,
 * the label and α its results are filed under, and the order of the worker calls (the weights
 * handed to loadModel are the run's own, and a run without kept weights is refused by name).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRun, type RunRecord, type RunStatus } from '../../src/ui/lib/runs';
import { finishedModelLabel, keptRunChoices, keptRunStamp, loadKeptRun } from '../../src/ui/lib/keptRunModel';
import { setLanguage } from '../../src/ui/i18n';
import type { SavedModelFiles, TrainConfig } from '../../src/train/protocol';
import type { OctaveLayerInfo } from '../../src/octconv/types';

const config = { depth: 8, widthMultiplier: 1, alpha: 0.25, batchSize: 32, trainLimit: 640, epochs: 1, seed: 1 } as TrainConfig;
const run = (id: string, number: number, status: RunStatus, alpha = 0.25, step = 8): RunRecord => ({
  ...createRun(id, { ...config, alpha }, number, 50_000, null, number),
  status,
  step,
});

afterEach(() => setLanguage('en'));

describe('which finished runs can be used', () => {
  const runs = [
    run('a', 1, 'completed'),
    run('b', 2, 'stopped'),
    run('c', 3, 'running'),
    run('d', 4, 'completed'),
    run('e', 5, 'interrupted'),
  ];
  it('only finished runs with kept weights, newest first', () => {
    // 'c' has weights in the set but still trains; 'e' is finished but has none kept.
    expect(keptRunChoices(runs, new Set(['a', 'b', 'c', 'd'])).map((r) => r.id)).toEqual(['d', 'b', 'a']);
    expect(keptRunChoices(runs, new Set(['b'])).map((r) => r.number)).toEqual([2]);
    expect(keptRunChoices(runs, new Set())).toEqual([]);
    expect(keptRunChoices([], new Set(['a']))).toEqual([]);
  });
});

describe('the stamp of a kept run', () => {
  it('is labelled as the run with "kept weights", carries the run’s α and a new version', () => {
    const r = run('b', 2, 'completed', 0.5, 50);
    expect(finishedModelLabel(r)).toBe('run #2 (α=0.5) completed, step 50');
    expect(keptRunStamp(r, null)).toEqual({
      version: 1,
      label: 'run #2 (α=0.5) completed, step 50 — kept weights',
      loaded: true,
      alpha: 0.5,
    });
    const previous = { version: 7, label: 'loaded files x.json + x.weights.bin', loaded: true, alpha: 0.125 };
    expect(keptRunStamp(run('a', 1, 'stopped', 0, 3), previous)).toEqual({
      version: 8,
      label: 'run #1 (α=0) stopped, step 3 — kept weights',
      loaded: true,
      alpha: 0,
    });
  });
  it('follows the page language', () => {
    setLanguage('zh-CN');
    expect(keptRunStamp(run('b', 2, 'completed', 0.5, 50), null).label).toBe('第 2 次训练（α=0.5）已完成，第 50 步，保留的权重');
  });
});

describe('loading a kept run into the worker', () => {
  const files: SavedModelFiles = { modelJson: '{"format":"layers-model"}', weights: new Float32Array([1, 2, 3]).buffer };
  const layers = [{ name: 'stem', alphaIn: 0, alphaOut: 0.5 }] as OctaveLayerInfo[];

  it('ensures the weights are in the worker, then loads that run’s copy as the current model', async () => {
    const calls: string[] = [];
    const api = {
      runWeights: async (id: string) => (calls.push(`runWeights ${id}`), id === 'b' ? files : null),
      loadModel: async (source: { name: string } | SavedModelFiles) => {
        calls.push('loadModel');
        expect(source).toBe(files);
        return layers;
      },
    };
    const ensure = async (id: string) => void calls.push(`ensure ${id}`);
    expect(await loadKeptRun(api, ensure, 'b')).toBe(layers);
    expect(calls).toEqual(['ensure b', 'runWeights b', 'loadModel']);
  });

  it('refuses a run the worker has no weights of, without loading anything', async () => {
    let loads = 0;
    const api = { runWeights: async () => null, loadModel: async () => (loads++, layers) };
    await expect(loadKeptRun(api, async () => {}, 'x')).rejects.toThrow('the worker holds no final weights of run x');
    expect(loads).toBe(0);
  });

  it('passes on why the weights are not kept, and the worker’s refusal', async () => {
    const api = { runWeights: async () => files, loadModel: async () => layers };
    const notKept = async () => {
      throw new Error('the final weights of this run are not kept (evicted)');
    };
    await expect(loadKeptRun(api, notKept, 'a')).rejects.toThrow('the final weights of this run are not kept (evicted)');
    const busy = {
      runWeights: async () => files,
      loadModel: async (): Promise<OctaveLayerInfo[]> => {
        throw new Error('cannot load a model while a frequency job runs: cancel it first');
      },
    };
    await expect(loadKeptRun(busy, async () => {}, 'a')).rejects.toThrow(/while a frequency job runs/);
  });
});
