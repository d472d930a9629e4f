import { describe, expect, it } from 'vitest';
import type { AblationResult, BandAccuracy } from '../../src/frequency/types';
import { ablationRows } from '../../src/ui/lib/ablationRows';
import { bandRows } from '../../src/ui/lib/bandRows';

describe('ablationRows', () => {
  it('shows a single-branch layer (α_out = 0 or 1) as its whole output replaced, not as a branch', () => {
    const a: AblationResult = {
      top1: 0.8,
      dropLow: 0.6,
      dropHigh: 0.3,
      perLayer: [
        { layer: 's1/b1/conv1', alphaIn: 0, alphaOut: 0.5, dropLow: 0.7, dropHigh: 0.4 },
        { layer: 's3/b1/conv1', alphaIn: 0.5, alphaOut: 0, dropLow: null, dropHigh: 0.2 },
        { layer: 'x/conv', alphaIn: 1, alphaOut: 1, dropLow: 0.1, dropHigh: null },
      ],
    };
    const rows = ablationRows(a);
    expect(rows.map((r) => [r.layer, r.dropLow, r.dropHigh, r.dropWhole])).toEqual([
      [null, 0.6, 0.3, null],
      ['s1/b1/conv1', 0.7, 0.4, null],
      ['s3/b1/conv1', null, null, 0.2],
      ['x/conv', null, null, 0.1],
    ]);
    expect(rows.every((r) => r.none === 0.8)).toBe(true);
    expect(rows[2]).toMatchObject({ alphaIn: 0.5, alphaOut: 0 });
  });
  it('gives a vanilla (α = 0) net only whole-output bars', () => {
    const rows = ablationRows({
      top1: 0.5,
      dropLow: null,
      dropHigh: null,
      perLayer: [{ layer: 'c', alphaIn: 0, alphaOut: 0, dropLow: null, dropHigh: 0.15 }],
    });
    expect(rows.map((r) => [r.dropLow, r.dropHigh, r.dropWhole])).toEqual([
      [null, null, null],
      [null, null, 0.15],
    ]);
  });
});

describe('bandRows', () => {
  const band = (radii: number[], low: number[], high: number[]): BandAccuracy => ({
    top1: 1,
    images: 10,
    lowPass: radii.map((radius, i) => ({ radius, top1: low[i] })),
    highPass: radii.map((radius, i) => ({ radius, top1: high[i] })),
  });
  it('lines up two models on the union of their radii, null where one has no point', () => {
    const rows = bandRows([
      band([0, 1 / 32, 4 / 32], [0.1, 0.2, 0.3], [0.9, 0.8, 0.7]),
      band([0, 4 / 32], [0.15, 0.35], [0.95, 0.75]),
    ]);
    expect(rows).toEqual([
      { radius: 0, low: [0.1, 0.15], high: [0.9, 0.95] },
      { radius: 1 / 32, low: [0.2, null], high: [0.8, null] },
      { radius: 4 / 32, low: [0.3, 0.35], high: [0.7, 0.75] },
    ]);
  });
});
