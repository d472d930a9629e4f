import { describe, expect, it } from 'vitest';
import type { SensitivityMap } from '../../src/frequency/types';
import { sensitivityRange, sensitivityTickIndices } from '../../src/ui/lib/sensitivityRange';

const G = 16;
function map(errorRate: number[], cleanErrorRate: number): SensitivityMap {
  const frequencies = Array.from({ length: G }, (_, k) => (k - G / 2) / G);
  return { gridSize: G, frequencies, epsilon: 4, images: 10, errorRate, cleanErrorRate };
}

describe('sensitivityRange', () => {
  it('spans the clean error to the worst cell when every cell is worse than clean', () => {
    const cells = Array.from({ length: G * G }, (_, c) => 0.45 + ((c * 37) % 101) / 400);
    expect(sensitivityRange(map(cells, 0.3))).toEqual({ min: 0.3, max: Math.max(...cells) });
  });
  it('starts at the least cell when a cell is below the clean error, and skips non-finite cells', () => {
    const cells = Array.from({ length: G * G }, (_, c) => 0.5 + (c % 7) / 100);
    cells[3] = 0.2;
    cells[9] = NaN;
    cells[10] = Infinity;
    expect(sensitivityRange(map(cells, 0.48))).toEqual({ min: 0.2, max: 0.56 });
  });
  it('gives min = max for a flat map equal to its clean error', () => {
    expect(sensitivityRange(map(new Array(G * G).fill(0.5), 0.5))).toEqual({ min: 0.5, max: 0.5 });
  });
  it('throws for a map without a finite cell', () => {
    expect(() => sensitivityRange(map(new Array(G * G).fill(NaN), 0.5))).toThrow(/no finite error rate/);
  });
});

describe('sensitivityTickIndices', () => {
  it('labels the first row, the quarters, DC and the last row', () => {
    expect(sensitivityTickIndices(16)).toEqual([0, 4, 8, 12, 15]);
    expect(sensitivityTickIndices(2)).toEqual([0, 1]);
    expect(sensitivityTickIndices(1)).toEqual([0]);
    expect(sensitivityTickIndices(0)).toEqual([]);
  });
});
