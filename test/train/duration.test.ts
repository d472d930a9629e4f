/** One duration format for the CLI bars and the page (src/train/duration.ts). */
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/train/duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [59_400, '59 s'],
    [59_600, '1 min 00 s'],
    [185_000, '3 min 05 s'],
    [3_599_400, '59 min 59 s'],
    [3_599_600, '1 h 00 min'],
    [3_723_000, '1 h 02 min'],
    [26 * 3_600_000 + 5 * 60_000, '26 h 05 min'],
  ])('%d ms ⇒ %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
  it('nothing measured: "?" or the caller\'s mark', () => {
    expect(formatDuration(null)).toBe('?');
    expect(formatDuration(Number.NaN)).toBe('?');
    expect(formatDuration(Infinity, '…')).toBe('…');
  });
});
