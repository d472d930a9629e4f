import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from '../../src/ui/lib/csv';
import { formatBytes, formatPercent, octaveMacsRatio, octaveMemoryRatio } from '../../src/ui/lib/costMath';

describe('CSV', () => {
  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('x\ny')).toBe('"x\ny"');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(Number.NaN)).toBe('');
    expect(escapeCsvCell(0.125)).toBe('0.125');
  });
  it('writes a header and rows with CRLF and checks row lengths', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, true],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,true\r\n');
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/row 0 has 1 cells, the header has 2/);
  });
});

describe('paper cost formulas', () => {
  it('matches paper Table 1 (82/67/44/30/26/25 %)', () => {
    const table: [number, number][] = [
      [0.125, 0.82],
      [0.25, 0.67],
      [0.5, 0.44],
      [0.75, 0.3],
      [0.875, 0.26],
      [1, 0.25],
    ];
    for (const [a, pct] of table) expect(Math.abs(octaveMacsRatio(a) - pct)).toBeLessThan(0.006);
    expect(octaveMacsRatio(0)).toBe(1);
  });
  it('memory 1 − ¾α: 62.5 % at α = .5', () => {
    expect(octaveMemoryRatio(0.5)).toBe(0.625);
    expect(() => octaveMemoryRatio(1.5)).toThrow(/alpha must be a number in \[0, 1\], got 1.5/);
  });
  it('formats', () => {
    expect(formatPercent(0.671875)).toBe('67.2 %');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
    expect(formatBytes(-1)).toBe('—');
  });
});
