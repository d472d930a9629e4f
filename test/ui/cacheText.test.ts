/** The data panel's cache sentences (src/ui/lib/cacheText.ts). */
import { describe, expect, it } from 'vitest';
import { cacheSentence, persistSentence, storageSentence } from '../../src/ui/lib/cacheText';

describe('cache sentences', () => {
  it('states cached / not cached with the reason and the storage figures', () => {
    const figures = { usageBytes: 185 * 1024 * 1024, quotaBytes: 10 * 1024 ** 3 };
    expect(cacheSentence({ state: 'stored', ms: 1234, ...figures })).toBe(
      'Cached in this browser for the next visit (written in 1.2 s). Site storage: 185.0 MiB of 10.0 GiB.',
    );
    expect(cacheSentence({ state: 'hit', ms: 870 })).toBe('Cached in this browser (read in 0.9 s).');
    expect(
      cacheSentence({ state: 'not-stored', reason: "the browser's storage quota for this site is exhausted", ...figures }),
    ).toBe(
      "Not cached: the browser's storage quota for this site is exhausted. The next visit downloads it again. Site storage: 185.0 MiB of 10.0 GiB.",
    );
    expect(storageSentence({ usageBytes: 5 })).toBe('');
  });
  it('says what persist() answered', () => {
    expect(persistSentence('granted')).toMatch(/^Persistent storage: granted/);
    expect(persistSentence('refused')).toMatch(/refused by the browser/);
    expect(persistSentence('unknown')).toBe('');
  });
});
