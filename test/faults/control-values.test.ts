/**
 * Invalid control values are refused, never replaced silently (issue 14 item 9): a typed
 * learning rate 100 or batch 0 is an error naming the field and the allowed range, which blocks
 * Train; a bad α list in the sweep box is an error with no run count.
 */
import { describe, expect, it } from 'vitest';
import { checkNumberField, invalidFieldsReason } from '../../src/ui/lib/fieldCheck';
import { checkAlphaList } from '../../src/ui/lib/sweepQueue';
import { LAB_SCHEMA, type NumberSpec } from '../../src/ui/state/labSchema';
import { TRAIN_CONFIG_RANGES } from '../../src/train/index';

const spec = (k: keyof typeof LAB_SCHEMA) => LAB_SCHEMA[k] as NumberSpec;

describe('number controls', () => {
  it('learning rate 100 and batch 0 are refused with the range and the typed value', () => {
    const lr = TRAIN_CONFIG_RANGES.learningRate;
    expect(checkNumberField('100', spec('learningRate'))).toEqual({
      ok: false,
      error: `must be > ${lr.min} and ≤ ${lr.max} (got 100)`,
    });
    expect(checkNumberField('0', spec('learningRate'))).toEqual({ ok: false, error: `must be > 0 and ≤ ${lr.max} (got 0)` });
    const b = TRAIN_CONFIG_RANGES.batchSize;
    expect(checkNumberField('0', spec('batchSize'))).toEqual({ ok: false, error: `must be ≥ ${b.min} and ≤ ${b.max} (got 0)` });
    expect(checkNumberField('12.5', spec('batchSize'))).toEqual({ ok: false, error: 'must be a whole number (got 12.5)' });
    expect(checkNumberField('1e', spec('batchSize'))).toEqual({ ok: false, error: 'enter a number (got "1e")' });
    expect(checkNumberField('', spec('batchSize'))).toEqual({ ok: false, error: 'enter a number' });
  });
  it('valid values and an empty optional field pass through', () => {
    expect(checkNumberField(' 0.05 ', spec('learningRate'))).toEqual({ ok: true, value: 0.05 });
    expect(checkNumberField('1024', spec('batchSize'))).toEqual({ ok: true, value: 1024 });
    expect(checkNumberField('', spec('maxSteps'))).toEqual({ ok: true, value: null });
  });
  it('the Train block names every bad field', () => {
    expect(invalidFieldsReason({})).toBeNull();
    const r = invalidFieldsReason({ 'Learning rate': 'must be > 0 and ≤ 10 (got 100)', Batch: 'must be ≥ 1 and ≤ 1024 (got 0)' });
    expect(r).toBe('Fix Learning rate: must be > 0 and ≤ 10 (got 100); Batch: must be ≥ 1 and ≤ 1024 (got 0) — then train.');
  });
});

describe('sweep box', () => {
  it('a bad entry is an error, not a run count', () => {
    expect(checkAlphaList('0, 0.5, 2')).toEqual({ ok: false, error: '"2" is not an α in [0, 1]' });
    expect(checkAlphaList('0, abc, 1')).toEqual({ ok: false, error: '"abc" is not an α in [0, 1]' });
    expect(checkAlphaList(' , ')).toEqual({ ok: false, error: 'Enter at least one α value, e.g. 0, 0.25, 0.5' });
  });
  it('a good list gives its distinct values and the duplicates dropped', () => {
    expect(checkAlphaList('0, .5 0;0.25')).toEqual({ ok: true, alphas: [0, 0.5, 0.25], duplicates: 1 });
  });
});
