/**
 * Oct-MobileNet v1/v2: the official code's octave layout (which paths exist where), cost against
 * an independent hand count, the paper's Table 1 at 224×224 / 1,000 classes, save/load, a
 * training step on wasm without leaks, and every bad config.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import {
  buildOctMobileNet,
  buildOctModel,
  countCost,
  createOctaveProbe,
  listOctaveLayers,
  validateOctMobileNetConfig,
  type OctMobileNetConfig,
} from '../../src/octconv';
import { handCountV1, handCountV2 } from './mobilenet-hand-count';

const tiny: OctMobileNetConfig = { version: 2, widthMultiplier: 0.25, alpha: 0.5, numClasses: 10, seed: 3, cifarStem: true };
/** Paths built per OctConv, e.g. { 'block1/pw': 'hh,hl' }. */
const pathsOf = (m: tf.LayersModel): Record<string, string> => {
  const out: Record<string, string[]> = {};
  for (const l of m.layers) {
    const hit = /^(.*)\/(hh|hl|lh|ll)$/.exec(l.name);
    if (hit) (out[hit[1]] ??= []).push(hit[2]);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.sort().join(',')]));
};

beforeAll(async () => useBackend('wasm'));

describe('octave layout of the official code', () => {
  it('v1: block1 converts 0 → α at its pointwise conv, block11 converts back, blocks 12–13 vanilla; depthwise has no cross paths', () => {
    const m = buildOctMobileNet({ ...tiny, version: 1 });
    const p = pathsOf(m);
    expect(p['block1/dw']).toBe('hh');
    expect(p['block1/pw']).toBe('hh,hl');
    for (let b = 2; b <= 10; b++) expect([p[`block${b}/dw`], p[`block${b}/pw`]]).toEqual(['hh,ll', 'hh,hl,lh,ll']);
    expect([p['block11/dw'], p['block11/pw']]).toEqual(['hh,ll', 'hh,lh']);
    expect([p['block12/dw'], p['block13/pw']]).toEqual(['hh', 'hh']);
    expect(m.layers.filter((l) => l.getClassName() === 'DepthwiseConv2D')).toHaveLength(2 + 9 * 2 + 2 + 1);
    expect(m.outputs[0].shape).toEqual([null, 10]);
    m.dispose();
  });

  it('v2: only the expanded middle of blocks 1–13 is octave; identity shortcuts where stride 1 and width match', () => {
    const m = buildOctMobileNet(tiny);
    const p = pathsOf(m);
    for (let b = 1; b <= 13; b++)
      expect([p[`block${b}/expand`], p[`block${b}/dw`], p[`block${b}/project`]]).toEqual(['hh,hl', 'hh,ll', 'hh,lh']);
    for (let b = 14; b <= 17; b++)
      expect([p[`block${b}/expand`], p[`block${b}/dw`], p[`block${b}/project`]]).toEqual(['hh', 'hh', 'hh']);
    const adds = m.layers
      .filter((l) => /^block\d+\/add_high$/.test(l.name))
      .map((l) => Number(l.name.slice(5, l.name.indexOf('/'))));
    expect(adds).toEqual([3, 5, 6, 8, 9, 10, 12, 13, 15, 16]);
    // ReLU6 after expand/dw, linear projection; cifarStem keeps 32×32 until block 4, last stage 4×4.
    expect((m.getLayer('block2/dw/relu_low').getConfig() as { maxValue: number }).maxValue).toBe(6);
    expect(m.layers.some((l) => l.name === 'block2/project/relu_high')).toBe(false);
    expect(m.getLayer('block3/dw/hh').outputShape).toEqual([null, 32, 32, 18]);
    expect(m.getLayer('tail/hh').outputShape).toEqual([null, 4, 4, 1280]);
    m.dispose();
  });
});

describe('countCost against the hand count', () => {
  it.each<[1 | 2, number, number, number, boolean]>([
    [1, 0.25, 0.5, 32, true],
    [1, 0.5, 0.375, 64, false],
    [2, 0.25, 0.5, 32, true],
    [2, 0.5, 0.25, 64, false],
    [2, 1.125, 0, 32, true],
  ])('v%s ×%s α=%s at %s px, cifarStem %s: params, MACs, pool ops', (version, m, alpha, size, cifarStem) => {
    const cost = countCost({
      version,
      widthMultiplier: m,
      alpha,
      numClasses: 10,
      seed: 1,
      cifarStem,
      inputShape: [size, size, 3],
    });
    const hand = (version === 1 ? handCountV1 : handCountV2)(m, alpha, size, cifarStem, 10);
    expect({ params: cost.params, macs: cost.macs, poolOps: cost.poolOps }).toEqual(hand);
  });

  it('the ratio to vanilla of an all-octave middle layer is 1 − ¾α(2−α), and the vanilla totals are the α = 0 build', () => {
    const cfg: OctMobileNetConfig = { ...tiny, version: 1, widthMultiplier: 0.5 };
    const o = countCost(cfg);
    const v = countCost({ ...cfg, alpha: 0 });
    expect(o.vanilla).toEqual({ params: v.params, macs: v.macs, activationElements: v.activationElements });
    const pw = (r: typeof o, path?: string): number =>
      r.layers
        .filter((l) => l.name.startsWith('block5/pw/') && l.kind === 'conv' && (!path || l.path === path))
        .reduce((s, l) => s + l.macs, 0);
    expect(pw(o) / pw(v)).toBeCloseTo(1 - 0.75 * 0.5 * 1.5, 12);
  });
});

describe('paper Table 1 at 224×224, 1,000 classes', () => {
  // [version, multiplier, α, paper MACs (M), paper params (M)]
  const rows: Array<[1 | 2, number, number, number, number]> = [
    [1, 0.75, 0, 325, 2.6],
    [1, 0.75, 0.375, 213, 2.6],
    [1, 1, 0.5, 321, 4.2],
    [2, 1, 0.375, 256, 3.5],
    [2, 1.125, 0.5, 295, 4.2],
  ];
  it.each(rows)('v%s ×%s α=%s: %s M MACs within 1 %, %s M params', (version, m, alpha, paperMacs, paperParams) => {
    const c = countCost({ version, widthMultiplier: m, alpha, numClasses: 1000, seed: 0 });
    // Oct rows: conv/dense multiply-adds + average-pool ops; the vanilla row: conv/dense only.
    const ours = alpha > 0 ? c.macs + c.poolOps! : c.macs;
    expect(Math.abs(ours / 1e6 / paperMacs - 1)).toBeLessThan(0.01);
    expect(Math.abs(c.macs / 1e6 / paperMacs - 1)).toBeLessThan(0.01);
    expect(Math.round(c.params / 1e5) / 10).toBe(paperParams);
  });

  it('official v2 at α = 0 is torchvision MobileNet v2 (300.8 M) + the first block’s 1×1 expand conv (112²·32·32)', () => {
    const c = countCost({ version: 2, widthMultiplier: 1, alpha: 0, numClasses: 1000, seed: 0 });
    const expand = c.layers.filter((l) => l.name === 'block1/expand/hh')[0];
    expect(expand.macs).toBe(112 * 112 * 32 * 32);
    expect((c.macs - expand.macs) / 1e6).toBeCloseTo(300.8, 1);
  });
});

describe('model behaviour', () => {
  it('save → load in memory: identical predictions, octave layers, cost; probe covers every block', async () => {
    const m = buildOctModel(tiny);
    let saved: tf.io.ModelArtifacts | null = null;
    await m.save(
      tf.io.withSaveHandler(async (a) => {
        saved = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const x = tf.randomNormal([2, 32, 32, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const [p1, p2] = [m.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(await p2.data())).toEqual(Array.from(await p1.data()));
    expect(listOctaveLayers(loaded)).toEqual(listOctaveLayers(m));
    expect(countCost(loaded)).toEqual(countCost(m));
    const probe = createOctaveProbe(loaded);
    expect(probe.layers.map((l) => l.name)).toHaveLength(1 + 17 * 3 + 1);
    const before = tf.memory().numTensors;
    const outs = probe.run(x);
    expect(outs[2].low!.shape).toEqual([2, 16, 16, 4]); // block1/dw: 8 mid channels, α = .5
    tf.dispose(outs.flatMap((o) => [o.high, o.low].filter((t): t is tf.Tensor4D => t != null)));
    expect(tf.memory().numTensors).toBe(before);
    probe.dispose();
    tf.dispose([x, p1, p2]);
    m.dispose();
    loaded.dispose();
  });

  it('one SGD step on wasm (depthwise gradients) gives a finite loss, non-zero depthwise gradients and leaks no tensor', () => {
    const m = buildOctMobileNet({ ...tiny, version: 1 });
    const x = tf.randomNormal([4, 32, 32, 3], 0, 1, 'float32', 6);
    const y = tf.oneHot(tf.tensor1d([1, 2, 3, 4], 'int32'), 10);
    const vars = m.trainableWeights.map((w) => w.read() as tf.Variable);
    const before = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(y, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
      vars,
    );
    expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    const dw = grads[(m.getLayer('block3/dw/ll').trainableWeights[0].read() as tf.Variable).name];
    expect(dw.shape).toEqual([3, 3, 16, 1]);
    expect(tf.tidy(() => tf.any(tf.notEqual(dw, 0)).dataSync()[0])).toBe(1);
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    m.dispose();
  });
});

describe('bad configs', () => {
  it.each<[Partial<OctMobileNetConfig>, RegExp]>([
    [{ alpha: 1.2 }, /OctMobileNetConfig: alpha must be a number in \[0, 1\], got 1.2/],
    [{ alpha: -0.1 }, /alpha must be a number in \[0, 1\], got -0.1/],
    [{ alpha: Number.NaN }, /alpha must be a number in \[0, 1\], got NaN/],
    [{ widthMultiplier: 0 }, /widthMultiplier must be a finite number > 0, got 0/],
    [{ widthMultiplier: -1 }, /widthMultiplier must be a finite number > 0, got -1/],
    [{ widthMultiplier: 0.01 }, /widthMultiplier 0.01 leaves stem with 0 channels/],
    [{ version: 3 as 1 }, /version must be 1 or 2, got 3/],
    [{ numClasses: 0 }, /numClasses must be a positive integer, got 0/],
    [{ inputShape: [32, 32, 1] }, /input must have 3 channels \(RGB, NHWC\), got 1/],
    [{ version: 1, inputShape: [30, 30, 3] }, /block4\/dw: spatial size 30×30 pools to 15×15, which is odd/],
    [{ version: 1, inputShape: [33, 33, 3] }, /block1\/pw: spatial size 33×33 is odd/],
    [{ cifarStem: false, inputShape: [200, 200, 3] }, /block4\/dw: spatial size 50×50 pools to 25×25, which is odd/],
    [{ alpha: 0, inputShape: [36, 36, 3] }, /block14\/dw: spatial size 9×9 is odd/],
  ])('rejects %o', (patch, message) => {
    const cfg = { ...tiny, ...patch } as OctMobileNetConfig;
    expect(() => validateOctMobileNetConfig(cfg)).toThrow(message);
    expect(() => buildOctMobileNet(cfg)).toThrow(message);
  });
});
