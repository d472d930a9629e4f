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

describe('α slider keys', () => {
  it('jumps to the next/previous paper tick from any α, Home/End to the ends', async () => {
    const { alphaKeyTarget, ALPHA_SLIDER_STEP } = await import('../../src/ui/lib/alphaKeys');
    expect(alphaKeyTarget(0.3, 'ArrowRight')).toBe(0.375);
    expect(alphaKeyTarget(0.3, 'ArrowLeft')).toBe(0.25);
    expect(alphaKeyTarget(0.25, 'ArrowUp')).toBe(0.375);
    expect(alphaKeyTarget(0.25, 'PageDown')).toBe(0.125);
    expect(alphaKeyTarget(1, 'ArrowRight')).toBe(1);
    expect(alphaKeyTarget(0, 'ArrowLeft')).toBe(0);
    expect(alphaKeyTarget(0.6, 'Home')).toBe(0);
    expect(alphaKeyTarget(0.6, 'End')).toBe(1);
    expect(alphaKeyTarget(0.6, 'a')).toBeNull();
    expect(Math.abs(0.3 / ALPHA_SLIDER_STEP - Math.round(0.3 / ALPHA_SLIDER_STEP))).toBeLessThan(1e-9); // 0.3 lies on the slider grid
  });
});
