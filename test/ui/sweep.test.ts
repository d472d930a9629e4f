import { describe, expect, it } from 'vitest';
import { parseAlphaList, planSweep } from '../../src/ui/lib/sweepQueue';
import type { TrainConfig } from '../../src/train/protocol';

const base = { depth: 8, alpha: 0.25, batchSize: 64 } as TrainConfig;

describe('α sweep', () => {
  it('plans one config per distinct α, keeping the rest of the recipe', () => {
    const plan = planSweep(base, [0, 0.5, 0, 0.125]);
    expect(plan.map((c) => c.alpha)).toEqual([0, 0.5, 0.125]);
    expect(plan.every((c) => c.depth === 8 && c.batchSize === 64)).toBe(true);
  });
  it('rejects empty and out-of-range lists', () => {
    expect(() => planSweep(base, [])).toThrow(/at least one α/);
    expect(() => planSweep(base, [0.5, 2])).toThrow(/must be in \[0, 1\] \(got 2\)/);
  });
  it('parses user text', () => {
    expect(parseAlphaList('0, .125 0.25;1')).toEqual([0, 0.125, 0.25, 1]);
    expect(() => parseAlphaList('0, x')).toThrow(/"x" is not an α/);
    expect(() => parseAlphaList('  ')).toThrow(/at least one α/);
  });
});
