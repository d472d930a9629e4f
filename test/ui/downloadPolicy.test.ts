/** When the data panel asks before downloading CIFAR-10 (src/ui/lib/downloadPolicy.ts). */
import { describe, expect, it } from 'vitest';
import { ASK_ABOVE_BYTES, askReason, shouldAskBeforeDownload } from '../../src/ui/lib/downloadPolicy';

const CIFAR = 6 * 30_730_000 + 61; // the seven official files, bytes
const missing = { cached: false, downloadBytes: CIFAR };

describe('shouldAskBeforeDownload', () => {
  it('asks on a phone, a touch screen, save-data, a cellular or a 2g/3g connection', () => {
    for (const env of [
      { smallScreen: true },
      { coarsePointer: true },
      { saveData: true },
      { type: 'cellular' },
      { effectiveType: '3g' },
      { effectiveType: 'slow-2g' },
    ]) {
      expect(shouldAskBeforeDownload(missing, env), JSON.stringify(env)).toBe(true);
    }
  });

  it('does not ask on a desktop on a fast connection, nor for a cached copy, nor for a small download', () => {
    expect(shouldAskBeforeDownload(missing, { effectiveType: '4g', type: 'wifi', smallScreen: false })).toBe(false);
    expect(shouldAskBeforeDownload(missing, {})).toBe(false);
    expect(shouldAskBeforeDownload({ cached: true, downloadBytes: CIFAR }, { saveData: true, smallScreen: true })).toBe(false);
    expect(shouldAskBeforeDownload({ cached: false, downloadBytes: ASK_ABOVE_BYTES }, { smallScreen: true })).toBe(false);
    expect(shouldAskBeforeDownload({ cached: false, downloadBytes: ASK_ABOVE_BYTES + 1 }, { smallScreen: true })).toBe(true);
  });

  it('asks when the size is unknown (no manifest) and a reason applies', () => {
    expect(shouldAskBeforeDownload({ cached: false, downloadBytes: null }, { smallScreen: true })).toBe(true);
    expect(shouldAskBeforeDownload({ cached: false, downloadBytes: null }, {})).toBe(false);
  });
});

describe('askReason', () => {
  it('names the connection before the screen', () => {
    expect(askReason({ saveData: true, smallScreen: true })).toBe('your browser asks to save data');
    expect(askReason({ effectiveType: '2g' })).toBe('your connection is slow (2g)');
    expect(askReason({ effectiveType: '4g', coarsePointer: true })).toBe('this looks like a phone or a small screen');
    expect(askReason({ effectiveType: '4g' })).toBe('');
  });
});
