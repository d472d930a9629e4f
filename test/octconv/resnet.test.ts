/**
 * Oct-ResNet family: α = 0 is the vanilla CIFAR ResNet-20, octave layout and paths, seeded init,
 * probe, save/load, and every bad input.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import {
  buildOctResNet,
  countCost,
  createOctaveProbe,
  listOctaveLayers,
  octConv,
  validateOctResNetConfig,
  type OctResNetConfig,
} from '../../src/octconv';

const base: OctResNetConfig = { depth: 20, widthMultiplier: 1, alpha: 0, block: 'basic', numClasses: 10, seed: 7 };
const convShapes = (m: tf.LayersModel): string[] =>
  m.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => `${l.name}:${l.trainableWeights[0].shape}`);

beforeAll(async () => useBackend('wasm'));

describe('α = 0 is the vanilla CIFAR ResNet-20', () => {
  it('has the vanilla layers and 272,474 trainable parameters', () => {
    const m = buildOctResNet(base);
    // Independent list: stem 3→16; 3 stages × 3 blocks of two 3×3 convs; 1×1 projections at stages 2, 3.
    const expected = ['stem/hh:3,3,3,16'];
    const widths = [16, 32, 64];
    widths.forEach((wd, s) => {
      for (let b = 1; b <= 3; b++) {
        const cin = b === 1 && s > 0 ? widths[s - 1] : wd;
        expected.push(`stage${s + 1}/block${b}/conv1/hh:3,3,${cin},${wd}`, `stage${s + 1}/block${b}/conv2/hh:3,3,${wd},${wd}`);
        if (b === 1 && s > 0) expected.push(`stage${s + 1}/block${b}/shortcut/hh:1,1,${cin},${wd}`);
      }
    });
    expect(convShapes(m).sort()).toEqual(expected.sort());
    expect(m.layers.some((l) => /\/(hl|lh|ll|lh_up)$/.test(l.name))).toBe(false);
    const trainable = m.trainableWeights.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
    expect(trainable).toBe(272_474);
    expect(countCost(m).params).toBe(272_474);
    const out = m.outputs[0].shape;
    expect(out).toEqual([null, 10]);
    m.dispose();
  });

  it('an α = 0 OctConv equals one conv2d with the same kernel', () => {
    const input = tf.input({ shape: [6, 6, 3] });
    const y = octConv({ high: input, low: null }, { name: 'solo', alphaIn: 0, alphaOut: 0, filters: 4, kernelSize: 3, seed: 3 });
    expect(y.low).toBeNull();
    const m = tf.model({ inputs: input, outputs: y.high! });
    expect(m.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Conv2D']);
    const x = tf.randomNormal([2, 6, 6, 3], 0, 1, 'float32', 1);
    const kernel = m.getLayer('solo/hh').getWeights()[0] as tf.Tensor4D;
    const diff = tf.max(tf.abs(tf.sub(m.predict(x) as tf.Tensor, tf.conv2d(x as tf.Tensor4D, kernel, 1, 'same'))));
    expect(diff.dataSync()[0]).toBeLessThan(1e-6);
    tf.dispose([x, diff]);
    m.dispose();
  });
});

describe('octave layout and paths', () => {
  const paths = (m: tf.LayersModel, prefix: string): string[] =>
    m.layers
      .filter((l) => l.name.startsWith(`${prefix}/`) && /\/(hh|hl|lh|ll)$/.test(l.name))
      .map((l) => l.name.slice(prefix.length + 1))
      .sort();
  const shapeOf = (m: tf.LayersModel, name: string): number[] => (m.getLayer(name).outputShape as number[]).slice(1);

  it('α = .5: first layer 0→α has only hh, hl; last α→0 only hh, lh; middle all four; right shapes', () => {
    const m = buildOctResNet({ ...base, depth: 8, alpha: 0.5 });
    expect(paths(m, 'stem')).toEqual(['hh']);
    expect(paths(m, 'stage1/block1/conv1')).toEqual(['hh', 'hl']);
    expect(paths(m, 'stage1/block1/shortcut')).toEqual(['hh', 'hl']);
    expect(paths(m, 'stage1/block1/conv2')).toEqual(['hh', 'hl', 'lh', 'll']);
    expect(paths(m, 'stage3/block1/conv1')).toEqual(['hh', 'lh']);
    expect(paths(m, 'stage3/block1/conv2')).toEqual(['hh']);
    expect(shapeOf(m, 'stage1/block1/conv1/hh')).toEqual([32, 32, 8]);
    expect(shapeOf(m, 'stage1/block1/conv1/hl')).toEqual([16, 16, 8]);
    expect(shapeOf(m, 'stage2/block1/conv1/hh')).toEqual([16, 16, 16]); // stride 2 by pooling
    expect(shapeOf(m, 'stage2/block1/conv1/hl')).toEqual([8, 8, 16]);
    expect(shapeOf(m, 'stage2/block1/conv1/lh')).toEqual([16, 16, 16]); // no upsample when strided
    expect(shapeOf(m, 'stage3/block1/conv1/lh')).toEqual([8, 8, 64]);
    expect(m.layers.some((l) => l.name === 'stage2/block1/conv1/lh_up')).toBe(false);
    expect(shapeOf(m, 'stage1/block1/conv2/lh_up')).toEqual([32, 32, 8]);
    expect(
      m.layers
        .filter((l) => l.getClassName() === 'Conv2D')
        .every((l) => (l as unknown as { useBias: boolean }).useBias === false),
    ).toBe(true);
    m.dispose();
  });

  it('α = 1: no high branch inside stages 1–2 (only hl, ll, lh where they belong)', () => {
    const m = buildOctResNet({ ...base, depth: 8, alpha: 1 });
    expect(paths(m, 'stage1/block1/conv1')).toEqual(['hl']);
    expect(paths(m, 'stage1/block1/conv2')).toEqual(['ll']);
    expect(paths(m, 'stage2/block1/conv1')).toEqual(['ll']);
    expect(paths(m, 'stage3/block1/conv1')).toEqual(['lh']);
    expect(shapeOf(m, 'stage2/block1/conv1/ll')).toEqual([8, 8, 32]);
    const info = listOctaveLayers(m).find((l) => l.name === 'stage2/block1/conv2')!;
    expect(info).toEqual({
      name: 'stage2/block1/conv2',
      alphaIn: 1,
      alphaOut: 1,
      high: null,
      low: { height: 8, width: 8, channels: 32 },
    });
    m.dispose();
  });

  it('same seed ⇒ same weights; other seed ⇒ other weights', () => {
    const cfg = { ...base, depth: 8, alpha: 0.25 };
    const [a, b, c] = [buildOctResNet(cfg), buildOctResNet(cfg), buildOctResNet({ ...cfg, seed: 8 })];
    const flat = (m: tf.LayersModel): number[] => m.getWeights().flatMap((w) => Array.from(w.dataSync()));
    const [wa, wb, wc] = [flat(a), flat(b), flat(c)];
    expect(wa).toEqual(wb);
    expect(wa).not.toEqual(wc);
    [a, b, c].forEach((m) => m.dispose());
  });
});

describe('probe and save/load', () => {
  it('probe outputs every octave layer (high/low after BN+ReLU / after the residual add) and shares weights', () => {
    const m = buildOctResNet({ ...base, depth: 8, alpha: 0.5 });
    const probe = createOctaveProbe(m);
    expect(probe.layers.map((l) => l.name)).toEqual([
      'stem',
      'stage1/block1/conv1',
      'stage1/block1/conv2',
      'stage2/block1/conv1',
      'stage2/block1/conv2',
      'stage3/block1/conv1',
      'stage3/block1/conv2',
    ]);
    const x = tf.randomNormal([2, 32, 32, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const out = probe.run(x);
    expect(out[1].high!.shape).toEqual([2, 32, 32, 8]);
    expect(out[1].low!.shape).toEqual([2, 16, 16, 8]);
    expect(out[5].low).toBeNull();
    // the block output equals relu(add) from the model itself: compare with a direct sub-model
    const direct = tf.model({ inputs: m.inputs, outputs: m.getLayer('stage1/block1/relu_low').output as tf.SymbolicTensor });
    const d = direct.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(d, out[2].low!))).dataSync()[0]).toBe(0);
    expect(out[2].low!.min().dataSync()[0]).toBeGreaterThanOrEqual(0); // after ReLU
    tf.dispose([d, ...out.flatMap((o) => [o.high, o.low]).filter((t): t is tf.Tensor4D => t != null)]);
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 10);
    probe.dispose();
    expect(m.getWeights()[0].isDisposed).toBe(false);
    x.dispose();
    m.dispose();
  });

  it('save → load (standard tfjs format, in memory) → identical predictions, layers and metadata', async () => {
    const m = buildOctResNet({ ...base, depth: 8, alpha: 0.5 });
    let saved: tf.io.ModelArtifacts | null = null;
    await m.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    expect(JSON.stringify(saved!.modelTopology)).toContain('OctConvNearestUpsample2x');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const x = tf.randomNormal([3, 32, 32, 3], 0, 1, 'float32', 4);
    const [p1, p2] = [m.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(await p2.data())).toEqual(Array.from(await p1.data()));
    expect(listOctaveLayers(loaded)).toEqual(listOctaveLayers(m));
    expect(countCost(loaded)).toEqual(countCost(m));
    tf.dispose([x, p1, p2]);
    m.dispose();
    loaded.dispose();
  });
});

describe('bad input', () => {
  it.each<[Partial<OctResNetConfig>, RegExp]>([
    [{ alpha: 1.2 }, /alpha must be a number in \[0, 1\], got 1.2/],
    [{ alpha: -0.5 }, /alpha must be a number in \[0, 1\], got -0.5/],
    [{ alpha: Number.NaN }, /alpha must be a number in \[0, 1\], got NaN/],
    [{ depth: 21 }, /basic-block depth must be 6n\+2.*got 21/],
    [{ depth: 10 }, /basic-block depth must be 6n\+2.*got 10/],
    [{ depth: 20, block: 'bottleneck' }, /bottleneck depth must be 50, 101 or 152, got 20/],
    [{ widthMultiplier: 0 }, /widthMultiplier must be a finite number > 0, got 0/],
    [{ widthMultiplier: -1 }, /widthMultiplier must be a finite number > 0, got -1/],
    [{ inputShape: [32, 32, 1] }, /input must have 3 channels \(RGB, NHWC\), got 1/],
    [{ alpha: 0.5, inputShape: [30, 30, 3] }, /stage2\/block1\/conv1: spatial size 30×30 pools to 15×15, which is odd/],
    [{ alpha: 0.5, inputShape: [31, 32, 3] }, /stage1\/block1\/conv1: spatial size 31×32 is odd/],
    [
      { alpha: 0.5, block: 'bottleneck', depth: 50, inputShape: [20, 20, 3] },
      /stage3\/block1\/conv2: spatial size 10×10 pools to 5×5, which is odd/,
    ],
    [{ alpha: 0, inputShape: [33, 33, 3] }, /stage2\/block1\/conv1: spatial size 33×33 is odd/],
  ])('rejects %o', (patch, message) => {
    const cfg = { ...base, ...patch } as OctResNetConfig;
    expect(() => validateOctResNetConfig(cfg)).toThrow(message);
    expect(() => buildOctResNet(cfg)).toThrow(message);
  });

  it('rejects groups that do not divide a branch, unsupported groups, and an input that does not match α_in', () => {
    const high = tf.input({ shape: [8, 8, 6] });
    const low = tf.input({ shape: [4, 4, 6] });
    expect(() =>
      octConv({ high, low }, { name: 'g', alphaIn: 0.5, alphaOut: 0.5, filters: 12, kernelSize: 3, groups: 4, seed: 1 }),
    ).toThrow(/g: groups=4 does not divide the high in branch's 6 channels/);
    expect(() =>
      octConv({ high, low }, { name: 'g', alphaIn: 0.5, alphaOut: 0.5, filters: 12, kernelSize: 3, groups: 3, seed: 1 }),
    ).toThrow(/only groups=1 or depthwise/);
    expect(() =>
      octConv({ high, low }, { name: 'm', alphaIn: 0.25, alphaOut: 0.5, filters: 12, kernelSize: 3, seed: 1 }),
    ).toThrow(/m: input has 6 high \+ 6 low channels, but alphaIn=0.25 splits 12 channels into 9 \+ 3/);
    const odd = tf.input({ shape: [7, 7, 4] });
    expect(() =>
      octConv({ high: odd, low: null }, { name: 'odd', alphaIn: 0, alphaOut: 0.5, filters: 4, kernelSize: 3, seed: 1 }),
    ).toThrow(/odd: spatial size 7×7 is odd/);
  });

  it('depthwise (groups = channels) builds only hh and ll', () => {
    const high = tf.input({ shape: [8, 8, 6] });
    const low = tf.input({ shape: [4, 4, 6] });
    const y = octConv(
      { high, low },
      { name: 'dw', alphaIn: 0.5, alphaOut: 0.5, filters: 12, kernelSize: 3, groups: 12, seed: 1 },
    );
    const m = tf.model({ inputs: [high, low], outputs: [y.high!, y.low!] });
    expect(
      m.layers
        .filter((l) => l.getClassName() === 'DepthwiseConv2D')
        .map((l) => l.name)
        .sort(),
    ).toEqual(['dw/hh', 'dw/ll']);
    expect(m.outputs.map((o) => o.shape)).toEqual([
      [null, 8, 8, 6],
      [null, 4, 4, 6],
    ]);
    m.dispose();
  });
});
