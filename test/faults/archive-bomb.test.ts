/**
 * A gzip bomb is refused as "too large" as soon as the output passes the limit (issue 14,
 * item 11), instead of failing with "Invalid typed array length".
 */
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractCifar10Archive } from '../../src/data/archive';
import { NAMES, syntheticFiles, tarGz } from '../data/fixtures';

describe('extractCifar10Archive size limit', () => {
  it('16 MiB of zeros (16 kB gzipped) with a 4 MiB limit is too large', () => {
    const bomb = gzipSync(new Uint8Array(16 << 20), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => extractCifar10Archive(bomb, 'bomb.tar.gz', 4 << 20)).toThrow(
      'bomb.tar.gz is too large: it unpacks to more than 4 MiB (the CIFAR-10 archive unpacks to about 185 MB); it is not the CIFAR-10 archive',
    );
  });
  it('a normal archive under the limit unpacks to the same bytes', () => {
    const files = syntheticFiles(3);
    const members = extractCifar10Archive(tarGz(files), 'ok.tar.gz', 4 << 20);
    expect([...members.keys()].sort()).toEqual([...NAMES].sort());
    for (const f of files) expect(members.get(f.name)).toEqual(f.bytes);
  });
  it('a truncated archive is still called truncated', () => {
    const gz = tarGz(syntheticFiles(3));
    expect(() => extractCifar10Archive(gz.slice(0, gz.length >> 1), 'cut.tar.gz')).toThrow(
      /cut\.tar\.gz: the gzip stream is truncated or corrupt/,
    );
  });
});
