import { describe, expect, it } from 'vitest';
import { defaultLabState } from '../../src/ui/state/labSchema';
import { parseLabUrl } from '../../src/ui/state/labUrl';
import { LECTURE_HIDEABLE, lectureLink } from '../../src/ui/state/lectureLink';
import { LAB_SCHEMA } from '../../src/ui/state/labSchema';

describe('lectureLink', () => {
  it('keeps the state, hides the chosen and the already hidden controls, and parses back', () => {
    const state = { ...defaultLabState(), alpha: 0.5, batchSize: 64, augment: false, flipTTA: true, presenter: true };
    const link = lectureLink('https://lab.example/octconv/?alpha=0.1#runs', state, ['seed'], ['alpha', 'augment']);
    expect(link).toBe(
      'https://lab.example/octconv/?alpha=0.5&batchSize=64&augment=0&flipTTA=1&presenter=1&alpha_hide=1&seed_hide=1&augment_hide=1',
    );
    const back = parseLabUrl(new URL(link).search);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(state);
    expect([...back.hidden].sort()).toEqual(['alpha', 'augment', 'seed']);
  });

  it('the default state with nothing hidden is the bare page', () => {
    expect(lectureLink('http://127.0.0.1:5173/', defaultLabState(), [], [])).toBe('http://127.0.0.1:5173/');
  });

  it('offers only controls the schema knows', () => {
    for (const c of LECTURE_HIDEABLE) expect(LAB_SCHEMA[c.name]).toBeDefined();
  });
});
