/**
 * Cost model (docs/architecture.md §5) against the paper's closed forms (Table 1, Fig. 2) and hand counts.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { countCost, octBatchNorm, octConv } from '../../src/octconv';

beforeAll(async () => useBackend('wasm'));

/** A model holding one middle OctConv α→α (+ its BN), c = 64 channels, 3×3, 16×16. */
function middleLayer(alpha: number): tf.LayersModel {
  const c = 64;
  const low = Math.floor(alpha * c);
  const high = c - low;
  const inputs = [high > 0 ? tf.input({ shape: [16, 16, high] }) : null, low > 0 ? tf.input({ shape: [8, 8, low] }) : null];
  const y = octBatchNorm(
    octConv(
      { high: inputs[0], low: inputs[1] },
      { name: 'mid', alphaIn: alpha, alphaOut: alpha, filters: c, kernelSize: 3, seed: 1 },
    ),
    'mid',
    true,
  );
  return tf.model({
    inputs: inputs.filter((t): t is tf.SymbolicTensor => t != null),
    outputs: [y.high, y.low].filter((t): t is tf.SymbolicTensor => t != null),
  });
}

describe('countCost', () => {
  it('vanilla middle layer: hand-counted params, MACs, activations', () => {
    const m = middleLayer(0);
    const cost = countCost(m);
    expect(cost.macs).toBe(16 * 16 * 64 * 3 * 3 * 64);
    expect(cost.params).toBe(3 * 3 * 64 * 64 + 2 * 64); // conv + BN γ/β
    expect(cost.activationElements).toBe(16 * 16 * 64);
    expect(cost.vanilla).toEqual({ params: cost.params, macs: cost.macs, activationElements: cost.activationElements });
    m.dispose();
  });

  it.each([0.125, 0.25, 0.5, 0.75, 0.875, 1])(
    'α = %s: MACs ratio 1 − ¾α(2−α), activation 1 − ¾α, params independent of α',
    (alpha) => {
      const m = middleLayer(alpha);
      const cost = countCost(m);
      const vanillaMacs = 16 * 16 * 64 * 9 * 64;
      expect(cost.macs / vanillaMacs).toBeCloseTo(1 - 0.75 * alpha * (2 - alpha), 12);
      expect(cost.activationElements / (16 * 16 * 64)).toBeCloseTo(1 - 0.75 * alpha, 12);
      expect(cost.params).toBe(3 * 3 * 64 * 64 + 2 * 64);
      expect(cost.vanilla.macs).toBe(vanillaMacs);
      const byPath = Object.fromEntries(cost.layers.filter((l) => l.path).map((l) => [l.path, l]));
      expect(Object.keys(byPath).sort()).toEqual(alpha === 1 ? ['ll'] : ['hh', 'hl', 'lh', 'll']);
      expect(byPath.ll.macs).toBe(8 * 8 * alpha * 64 * 9 * alpha * 64);
      expect(byPath.ll.alphaIn).toBe(alpha);
      expect(cost.layers.find((l) => l.kind === 'upsample')?.macs ?? 0).toBe(0);
      m.dispose();
    },
  );

  it('Oct-ResNet-20: vanilla totals equal the α = 0 build; MACs fall with α; layers listed by kind', () => {
    const cfg = { depth: 20, widthMultiplier: 1, block: 'basic' as const, numClasses: 10, seed: 1 };
    const v = countCost({ ...cfg, alpha: 0 });
    const o = countCost({ ...cfg, alpha: 0.5 });
    expect(v.params).toBe(272_474);
    expect(o.vanilla).toEqual({ params: v.params, macs: v.macs, activationElements: v.activationElements });
    expect(v.vanilla).toEqual(o.vanilla);
    // α > 0 adds the 1×1 projection of the first block (16·16 + BN 2·16), nothing else
    expect(o.params - v.params).toBe(16 * 16 + 32);
    expect(o.macs).toBeLessThan(0.7 * v.macs);
    const kinds = new Set(o.layers.map((l) => l.kind));
    for (const k of ['conv', 'dense', 'pool', 'upsample', 'batchnorm', 'add']) expect(kinds.has(k as never)).toBe(true);
    const fc = o.layers.find((l) => l.name === 'head/fc')!;
    expect([fc.macs, fc.params]).toEqual([640, 650]);
  });
});
