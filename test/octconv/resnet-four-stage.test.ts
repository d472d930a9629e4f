/**
 * ResNet-18/34 (four stages of basic blocks at 64/128/256/512·k, CIFAR stem) in buildOctResNet:
 * α = 0 has the parameter count of the usual CIFAR ResNet-18/34 (1×1 projection shortcuts), the
 * octave layout follows the rest of the family, and bad depths are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { buildOctResNet, countCost, listOctaveLayers, validateOctResNetConfig, type OctResNetConfig } from '../../src/octconv';

const base: OctResNetConfig = { depth: 18, widthMultiplier: 1, alpha: 0, block: 'basic', numClasses: 10, seed: 2 };

/** Independent count of the vanilla net: stem, blocks of two 3×3 convs, 1×1 projections, dense. */
function handParams(perStage: number[], k: number, classes: number): number {
  const widths = [64, 128, 256, 512].map((w) => w * k);
  const convBn = (kk: number, cin: number, cout: number): number => kk * kk * cin * cout + 2 * cout;
  let params = convBn(3, 3, 64 * k);
  let cin = 64 * k;
  perStage.forEach((n, s) => {
    for (let b = 0; b < n; b++) {
      const cout = widths[s];
      params += convBn(3, cin, cout) + convBn(3, cout, cout);
      if (b === 0 && s > 0) params += convBn(1, cin, cout);
      cin = cout;
    }
  });
  return params + cin * classes + classes;
}

beforeAll(async () => useBackend('cpu'));

describe('ResNet-18/34 (four-stage basic blocks)', () => {
  it.each<[number, number[], number]>([
    [18, [2, 2, 2, 2], 11_173_962],
    [34, [3, 4, 6, 3], 21_282_122],
  ])('ResNet-%s at α = 0: trainable parameters = the hand count (%s blocks) = %s', (depth, perStage, expected) => {
    const cost = countCost({ ...base, depth });
    expect(cost.params).toBe(handParams(perStage, 1, 10));
    expect(cost.params).toBe(expected);
  });

  it('octave layout at α = .5: stages 1–3 octave, stage4/block1 converts to 0, the rest vanilla; 4×4 last stage', () => {
    const m = buildOctResNet({ ...base, alpha: 0.5, widthMultiplier: 0.25 });
    const layers = listOctaveLayers(m);
    const byName = Object.fromEntries(layers.map((l) => [l.name, l]));
    expect(layers.filter((l) => /^stage\d\/block\d\/conv1$/.test(l.name)).map((l) => l.name)).toEqual(
      [
        'stage1/block1',
        'stage1/block2',
        'stage2/block1',
        'stage2/block2',
        'stage3/block1',
        'stage3/block2',
        'stage4/block1',
        'stage4/block2',
      ].map((b) => `${b}/conv1`),
    );
    expect(byName['stage1/block1/conv1']).toMatchObject({
      alphaIn: 0,
      alphaOut: 0.5,
      high: { height: 32, width: 32, channels: 8 },
      low: { height: 16, width: 16, channels: 8 },
    });
    expect(byName['stage3/block2/conv2']).toMatchObject({
      alphaIn: 0.5,
      alphaOut: 0.5,
      high: { height: 8, channels: 32 },
      low: { height: 4, channels: 32 },
    });
    expect(byName['stage4/block1/conv1']).toMatchObject({
      alphaIn: 0.5,
      alphaOut: 0,
      high: { height: 4, width: 4, channels: 128 },
      low: null,
    });
    expect(byName['stage4/block2/conv2']).toMatchObject({ alphaIn: 0, alphaOut: 0, low: null });
    expect(m.outputs[0].shape).toEqual([null, 10]);
    m.dispose();
  });

  it('MACs at α = .5 of a middle conv are 1 − ¾α(2−α) of vanilla; params do not depend on α outside the first block', () => {
    const o = countCost({ ...base, alpha: 0.5, widthMultiplier: 0.25 });
    const v = countCost({ ...base, widthMultiplier: 0.25 });
    const macs = (r: typeof o, name: string): number =>
      r.layers.filter((l) => l.name.startsWith(`${name}/`) && l.kind === 'conv').reduce((s, l) => s + l.macs, 0);
    expect(macs(o, 'stage2/block2/conv1') / macs(v, 'stage2/block2/conv1')).toBeCloseTo(0.4375, 12);
    // Only the first block's 1×1 octave projection (16 → 16 + BN) is extra.
    expect(o.params - v.params).toBe(16 * 16 + 2 * 16);
  });

  it.each<[Partial<OctResNetConfig>, RegExp]>([
    [{ depth: 19 }, /basic-block depth must be 6n\+2 .* or 18\/34 \(four stages\), got 19/],
    [{ depth: 18, block: 'bottleneck' }, /bottleneck depth must be 50, 101 or 152, got 18/],
    [{ alpha: 0.5, inputShape: [36, 36, 3] }, /stage3\/block1\/conv1: spatial size 18×18 pools to 9×9, which is odd/],
  ])('rejects %o', (patch, message) => {
    expect(() => validateOctResNetConfig({ ...base, ...patch } as OctResNetConfig)).toThrow(message);
  });
});
