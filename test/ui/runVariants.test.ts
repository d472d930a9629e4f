/** Runs of one α told apart (variant index and label), and model labels by family. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/config';
import type { TrainConfig } from '../../src/train/protocol';
import { shortModelName } from '../../src/ui/lib/modelLabel';
import { runVariants, variantDash, variantMarker, VARIANT_DASHES } from '../../src/ui/lib/runVariants';
import { differingLabels } from '../../src/ui/lib/runStats';

const run = (id: string, patch: Partial<TrainConfig>) => ({ id, config: { ...DEFAULT_TRAIN_CONFIG, ...patch } });

describe('shortModelName', () => {
  it('names the family and size, never a ResNet depth for a MobileNet', () => {
    expect(shortModelName({ depth: 8, widthMultiplier: 1 })).toBe('R8');
    expect(shortModelName({ architecture: 'resnet', depth: 20, widthMultiplier: 0.5 })).toBe('R20×0.5');
    expect(shortModelName({ architecture: 'mobilenet-v1', depth: 8, widthMultiplier: 1 })).toBe('MBv1×1');
    expect(shortModelName({ architecture: 'mobilenet-v2', depth: 20, widthMultiplier: 0.5 })).toBe('MBv2×0.5');
  });
});

describe('runVariants', () => {
  it('gives one α\u2019s runs with other settings distinct indices and names what differs among them only', () => {
    const v = runVariants([
      run('a', { alpha: 0, depth: 8 }),
      run('b', { alpha: 0.5, depth: 8, learningRate: 0.1 }),
      run('c', { alpha: 0.5, depth: 20, learningRate: 0.1 }),
      run('d', { alpha: 0.5, depth: 8, learningRate: 0.1, seed: 2 }),
      run('e', { alpha: 0.5, depth: 8, learningRate: 0.1, readbackEvery: 50 }),
    ]);
    // α = 0 has one run: nothing differs, default style.
    expect(v.get('a')).toEqual({ index: 0, label: '' });
    // At α = .5 depth and seed differ (lr is shared, readback is cadence): b and e are the same variant.
    const seed = DEFAULT_TRAIN_CONFIG.seed;
    expect(v.get('b')).toEqual({ index: 0, label: `R8, seed ${seed}` });
    expect(v.get('c')).toEqual({ index: 1, label: `R20, seed ${seed}` });
    expect(v.get('d')).toEqual({ index: 2, label: 'R8, seed 2' });
    expect(v.get('e')).toEqual({ index: 0, label: `R8, seed ${seed}` });
  });

  it('labels a MobileNet against a ResNet by family, and an optional field absent in one run as "all"', () => {
    const v = runVariants([run('r', { alpha: 0.25 }), run('m', { alpha: 0.25, architecture: 'mobilenet-v2', trainLimit: 5000 })]);
    expect(v.get('r')).toEqual({ index: 0, label: `R${DEFAULT_TRAIN_CONFIG.depth}, train all` });
    expect(v.get('m')).toEqual({ index: 1, label: `MBv2×${DEFAULT_TRAIN_CONFIG.widthMultiplier}, train 5000` });
  });

  it('cycles styles past the end, first variant solid', () => {
    expect(variantDash(0)).toBe('');
    expect(variantDash(1)).not.toBe('');
    expect(variantDash(VARIANT_DASHES.length + 1)).toBe(variantDash(1));
    expect(new Set([0, 1, 2, 3].map(variantMarker)).size).toBe(4);
  });
});

describe('differingLabels', () => {
  it('ignores α, seed and readback by default (recipes), but not when told otherwise', () => {
    const cs = [DEFAULT_TRAIN_CONFIG, { ...DEFAULT_TRAIN_CONFIG, alpha: 0.5, seed: 9 }];
    expect(differingLabels(cs)).toEqual(['', '']);
    expect(differingLabels(cs, new Set(['alpha']))).toEqual([`seed ${DEFAULT_TRAIN_CONFIG.seed}`, 'seed 9']);
  });
});
