import { describe, expect, it } from 'vitest';
import type { SensitivityMap } from '../../src/frequency/types';
import { sensitivityBands } from '../../src/frequency/face';

const G = 16;
/** A 16×16 map of the 32×32 spectrum: f_k = (k − 8)/16 cycles/pixel, as the worker writes it. */
function map(errorAt: (i: number, j: number) => number): SensitivityMap {
  const frequencies = Array.from({ length: G }, (_, k) => (k - G / 2) / G);
  const errorRate = Array.from({ length: G * G }, (_, c) => errorAt(Math.floor(c / G), c % G));
  return { gridSize: G, frequencies, epsilon: 4, images: 10, errorRate, cleanErrorRate: 0.1 };
}

describe('sensitivityBands', () => {
  it('matches an integer-lattice computation of the band means, maxima and counts', () => {
    const err = (i: number, j: number) => ((i * 7 + j * 13) % 17) / 17;
    const { bands } = sensitivityBands(map(err));
    // Independent: cell (i, j) sits at (a, b) = (i − 8, j − 8) sixteenths of a cycle/pixel;
    // |f| < 1/8, 1/4, 1/2 ⇔ a² + b² < 4, 16, 64.
    const expected = [4, 16, 64, Infinity].map(() => ({ cells: 0, sum: 0, max: 0 }));
    for (let i = 0; i < G; i++)
      for (let j = 0; j < G; j++) {
        const d2 = (i - 8) ** 2 + (j - 8) ** 2;
        const b = d2 < 4 ? 0 : d2 < 16 ? 1 : d2 < 64 ? 2 : 3;
        expected[b].cells++;
        expected[b].sum += err(i, j);
        expected[b].max = Math.max(expected[b].max, err(i, j));
      }
    expect(bands.map((b) => [b.from, b.to])).toEqual([
      [0, 0.125],
      [0.125, 0.25],
      [0.25, 0.5],
      [0.5, null],
    ]);
    // 9 lattice points with a² + b² < 4 (the DC cell and its 8 neighbours); 256 in all.
    expect(bands[0].cells).toBe(9);
    expect(bands.reduce((n, b) => n + b.cells, 0)).toBe(G * G);
    bands.forEach((b, k) => {
      expect(b.cells).toBe(expected[k].cells);
      expect(b.meanError).toBeCloseTo(expected[k].sum / expected[k].cells, 12);
      expect(b.maxError).toBe(expected[k].max);
    });
  });
  it('names the worst cell and its frequency', () => {
    const { worst } = sensitivityBands(map((i, j) => (i === 3 && j === 12 ? 0.9 : 0.2)));
    expect(worst).toEqual({ u: -5 / 16, v: 4 / 16, radius: Math.hypot(5, 4) / 16, errorRate: 0.9 });
  });
  it('gives null means for a band without cells', () => {
    const { bands } = sensitivityBands(
      map(() => 0.5),
      [0.01, 0.02],
    );
    expect(bands[1]).toEqual({ from: 0.01, to: 0.02, cells: 0, meanError: null, maxError: null });
    expect(bands[0].cells).toBe(1);
    expect(bands[0].meanError).toBe(0.5);
  });
  it('rejects a map whose error rates do not fill its grid, and bad edges', () => {
    const m = map(() => 0);
    expect(() => sensitivityBands({ ...m, errorRate: m.errorRate.slice(1) })).toThrow(
      /needs 16 frequencies and 256 error rates, got 16 and 255/,
    );
    expect(() => sensitivityBands(m, [0.25, 0.125])).toThrow(/strictly ascending, got 0.25, 0.125/);
    expect(() => sensitivityBands(m, [0, 0.125])).toThrow(/positive/);
  });
});
