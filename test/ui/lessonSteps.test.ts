import { describe, expect, it } from 'vitest';
import { LESSON_STEPS } from '../../src/ui/lesson/lessonSteps';
import { LAB_SCHEMA, type NumberSpec } from '../../src/ui/state/labSchema';
import { parseLabUrl } from '../../src/ui/state/labUrl';

describe('the guided lesson', () => {
  it('has 4–6 steps of one sentence each', () => {
    expect(LESSON_STEPS.length).toBeGreaterThanOrEqual(4);
    expect(LESSON_STEPS.length).toBeLessThanOrEqual(6);
    for (const s of LESSON_STEPS) {
      expect(s.text).toMatch(/[.!?]$/);
      // One sentence: no sentence end before the last character.
      expect(s.text.slice(0, -1)).not.toMatch(/[.!?]\s+[A-Z]/);
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.panels.length).toBeGreaterThan(0);
      for (const id of s.panels) expect(id).toMatch(/^[a-z]+-h$/);
    }
  });

  it('the URL parameter lesson takes 0 (none) … the last step, and nothing beyond', () => {
    expect((LAB_SCHEMA.lesson as NumberSpec).range.max).toBe(LESSON_STEPS.length);
    expect(parseLabUrl('?lesson=1').state.lesson).toBe(1);
    expect(parseLabUrl(`?lesson=${LESSON_STEPS.length}`).notices).toEqual([]);
    const over = parseLabUrl(`?lesson=${LESSON_STEPS.length + 1}`);
    expect(over.state.lesson).toBe(0);
    expect(over.notices[0]).toMatch(/^lesson=.* is out of range/);
  });
});
