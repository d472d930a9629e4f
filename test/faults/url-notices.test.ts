/**
 * A hostile URL cannot flood the page with notices (issue 14, item 13), and malformed escapes
 * never throw (item 6, the lab's own parser).
 */
import { describe, expect, it } from 'vitest';
import { MAX_URL_NOTICES, parseLabUrl } from '../../src/ui/state/labUrl';

describe('URL notices', () => {
  it('1,300 unknown parameters give a capped list with a summary line', () => {
    const search = '?' + Array.from({ length: 1300 }, (_, i) => `p${i}=1`).join('&');
    const { notices } = parseLabUrl(search);
    expect(notices).toHaveLength(MAX_URL_NOTICES + 1);
    expect(notices[0]).toBe('Unknown parameter "p0" ignored.');
    expect(notices[MAX_URL_NOTICES]).toBe(`…and ${1300 - MAX_URL_NOTICES} more problems in the URL (1300 in all), each ignored.`);
  });
  it('a few problems are all listed', () => {
    expect(parseLabUrl('?a=1&alpha=7').notices).toHaveLength(2);
  });
  it('malformed escapes and tfjsflags are reported, not thrown', () => {
    expect(parseLabUrl('?x=%').notices).toEqual(['x="%" must be one of step, epoch, time; using the default step.']);
    expect(parseLabUrl('?q=%E0%A4%A').notices).toEqual(['Unknown parameter "q" ignored.']);
    expect(parseLabUrl('?tfjsflags=DEBUG:true').notices).toEqual(['Unknown parameter "tfjsflags" ignored.']);
  });
});
