/**
 * A batches.meta.txt with ten wrong lines (an HTML page, duplicates) is refused, not turned into
 * class labels (issue 14, item 12).
 */
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../src/data/index';
import { parseMetaFile } from '../../src/data/parse';

const HTML = [
  '<!DOCTYPE html>',
  '<html lang="en">',
  '<head>',
  '<meta charset="utf-8">',
  '<title>404</title>',
  '</head>',
  '<body>',
  '<h1>Not found</h1>',
  '</body>',
  '</html>',
].join('\n');

describe('parseMetaFile', () => {
  it('the official names (with a trailing empty line and CRs) are read', () => {
    expect(parseMetaFile(CLASS_NAMES.join('\r\n') + '\n\n', 'batches.meta.txt')).toEqual([...CLASS_NAMES]);
  });
  it('ten lines of HTML are refused, naming the line', () => {
    expect(() => parseMetaFile(HTML, 'batches.meta.txt')).toThrow(
      "batches.meta.txt: line 1 \"<!DOCTYPE html>\" is not a class name (letters, digits, spaces, '_' or '-', at most 40 characters): is this the CIFAR-10 batches.meta.txt?",
    );
  });
  it('repeated names are refused', () => {
    const names = [...CLASS_NAMES.slice(0, 9), 'cat'];
    expect(() => parseMetaFile(names.join('\n'), 'm.txt')).toThrow('m.txt: class name "cat" appears twice (lines 4 and 10)');
  });
  it('a very long line is refused', () => {
    const names = [...CLASS_NAMES.slice(0, 9), 'x'.repeat(41)];
    expect(() => parseMetaFile(names.join('\n'), 'm.txt')).toThrow(/line 10 "x{40}…" is not a class name/);
  });
});
