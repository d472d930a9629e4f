import { describe, expect, it } from 'vitest';
import { networkAlpha } from '../../src/ui/lib/modelLabel';

describe('networkAlpha', () => {
  it('is the largest α_out: the plain stem and last stage do not hide the octave layers', () => {
    expect(networkAlpha([{ alphaOut: 0 }, { alphaOut: 0.5 }, { alphaOut: 0.5 }, { alphaOut: 0 }])).toBe(0.5);
    expect(networkAlpha([{ alphaOut: 0 }, { alphaOut: 0.25 }, { alphaOut: 0 }])).toBe(0.25);
  });
  it('is 0 for a vanilla network and null without octave layers', () => {
    expect(networkAlpha([{ alphaOut: 0 }, { alphaOut: 0 }])).toBe(0);
    expect(networkAlpha([])).toBeNull();
  });
});
