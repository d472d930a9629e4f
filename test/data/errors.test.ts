/**
 * Each bad input gets a specific error naming the file and what is wrong (issue 3), and good
 * synthetic inputs parse to the hand-derived values.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleCifar10, extractCifar10Archive, parseBatchFile, parseMetaFile } from '../../src/data';
import { loadCifar10FromDir } from '../../src/data/node';
import { META_TEXT, NAMES, syntheticBatch, syntheticFiles, tarGz } from './fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cifar-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseBatchFile', () => {
  it('decodes planar R,G,B records into NHWC (hand-derived pixels)', () => {
    const split = parseBatchFile(syntheticBatch(3, 4), 'x.bin');
    expect(split.count).toBe(3);
    expect(Array.from(split.labels)).toEqual([4, 5, 6]);
    // record 2, pixel (y=1, x=3) → plane offset p = 35; value (2·7 + c·50 + 35 + 4) % 256.
    const at = (2 * 1024 + 35) * 3;
    expect(Array.from(split.images.subarray(at, at + 3))).toEqual([53, 103, 153]);
  });

  it('rejects an empty file', () => {
    expect(() => parseBatchFile(new Uint8Array(0), 'data_batch_2.bin')).toThrow(/data_batch_2\.bin: the file is empty/);
  });

  it('rejects a truncated file (size not a multiple of 3,073)', () => {
    const cut = syntheticBatch(4, 0).subarray(0, 3 * 3073 + 100);
    expect(() => parseBatchFile(cut, 'data_batch_4.bin')).toThrow(
      'data_batch_4.bin: size 9,319 bytes is not a multiple of 3,073 (3 whole records + 100 bytes): the file is truncated',
    );
  });

  it('rejects a label byte ≥ 10 with the record index', () => {
    const bytes = syntheticBatch(5, 0);
    bytes[3 * 3073] = 10;
    expect(() => parseBatchFile(bytes, 'test_batch.bin')).toThrow(
      'test_batch.bin: record 3 (byte offset 9,219) has label 10; labels must be 0–9',
    );
  });
});

describe('parseMetaFile', () => {
  it('ignores empty lines and CR', () => {
    expect(parseMetaFile(META_TEXT.replace(/\n/g, '\r\n'), 'm')).toHaveLength(10);
    expect(parseMetaFile(META_TEXT, 'm')[9]).toBe('truck');
  });
  it('rejects ≠ 10 names', () => {
    expect(() => parseMetaFile('airplane\nautomobile\n\n', 'batches.meta.txt')).toThrow(
      'batches.meta.txt: expected 10 class names (one a line), found 2 (airplane, automobile)',
    );
    expect(() => parseMetaFile(`${META_TEXT}kangaroo\n`, 'batches.meta.txt')).toThrow(/found 11/);
  });
});

describe('assembleCifar10', () => {
  it('concatenates the five train batches in order and takes test_batch as test', () => {
    const ds = assembleCifar10(syntheticFiles(4), { recordsPerFile: 4 });
    expect(ds.train.count).toBe(20);
    expect(ds.test.count).toBe(4);
    // train record 5 = record 1 of data_batch_2 (salt 1): label 2, R at pixel 0 = 1·7 + 0 + 0 + 1 = 8.
    expect(ds.train.labels[5]).toBe(2);
    expect(ds.train.images[5 * 3072]).toBe(8);
    // test record 0 = salt 5: label 5, B at pixel 0 = 100 + 5.
    expect(ds.test.labels[0]).toBe(5);
    expect(ds.test.images[2]).toBe(105);
  });

  it('accepts the archive and gives the same dataset as the loose files', () => {
    const loose = assembleCifar10(syntheticFiles(4), { recordsPerFile: 4 });
    const packed = assembleCifar10([{ name: 'cifar-10-binary.tar.gz', bytes: tarGz(syntheticFiles(4)) }], { recordsPerFile: 4 });
    expect(packed.train.images).toEqual(loose.train.images);
    expect(packed.test.labels).toEqual(loose.test.labels);
  });

  it('reports a file that holds fewer records than the official 10,000 as truncated', () => {
    expect(() => assembleCifar10(syntheticFiles(4))).toThrow(
      'data_batch_1.bin: 4 records (12,292 bytes), expected 10,000 (30,730,000 bytes): the file is truncated',
    );
  });

  it('names missing members', () => {
    const files = syntheticFiles(2).filter((f) => f.name !== 'data_batch_3.bin' && f.name !== 'batches.meta.txt');
    expect(() => assembleCifar10(files, { recordsPerFile: 2 })).toThrow(/^missing data_batch_3\.bin, batches\.meta\.txt \(got /);
    expect(() => assembleCifar10([], { recordsPerFile: 2 })).toThrow(/^no files given/);
  });

  it('rejects the same file given twice (same name, or same bytes under another name)', () => {
    const files = syntheticFiles(2);
    expect(() => assembleCifar10([...files, files[2]], { recordsPerFile: 2 })).toThrow(
      'data_batch_3.bin was given twice: give each file once',
    );
    const renamed = files.map((f) => (f.name === 'data_batch_4.bin' ? { ...f, bytes: files[0].bytes } : f));
    expect(() => assembleCifar10(renamed, { recordsPerFile: 2 })).toThrow(
      'data_batch_4.bin has the same bytes as data_batch_1.bin',
    );
    const both = [...files, { name: 'cifar-10-binary.tar.gz', bytes: tarGz(files) }];
    expect(() => assembleCifar10(both, { recordsPerFile: 2 })).toThrow(
      /data_batch_1\.bin was given twice \(data_batch_1\.bin and cifar-10-binary\.tar\.gz:data_batch_1\.bin\)/,
    );
  });

  it('names the file for a bad label inside the archive', () => {
    const files = syntheticFiles(2);
    files[5].bytes[3073] = 200;
    expect(() => assembleCifar10([{ name: 'c.tar.gz', bytes: tarGz(files) }], { recordsPerFile: 2 })).toThrow(
      'c.tar.gz:test_batch.bin: record 1 (byte offset 3,073) has label 200',
    );
  });
});

describe('extractCifar10Archive', () => {
  it('finds the seven members by base name and skips others', () => {
    const files = [...syntheticFiles(1), { name: 'readme.html', bytes: new Uint8Array([60]) }];
    const members = extractCifar10Archive(tarGz(files), 'a.tar.gz');
    expect([...members.keys()].sort()).toEqual([...NAMES].sort());
    expect(members.get('data_batch_2.bin')).toEqual(files[1].bytes);
  });

  it('rejects a non-gzip file', () => {
    const zip = new Uint8Array(64);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    expect(() => extractCifar10Archive(zip, 'cifar-10-binary.tar.gz')).toThrow(
      'cifar-10-binary.tar.gz: not a gzip file (starts with 50 4b 03 04; a .tar.gz starts with 1f 8b)',
    );
  });

  it('rejects a tarball without the expected members', () => {
    const gz = tarGz(syntheticFiles(1).filter((f) => f.name !== 'test_batch.bin'));
    expect(() => extractCifar10Archive(gz, 'x.tar.gz')).toThrow(/^x\.tar\.gz: the archive lacks test_batch\.bin \(it holds /);
  });

  it('rejects a truncated archive', () => {
    const gz = tarGz(syntheticFiles(3));
    expect(() => extractCifar10Archive(gz.subarray(0, Math.floor(gz.length / 2)), 'x.tar.gz')).toThrow(
      /^x\.tar\.gz: the gzip stream is truncated or corrupt/,
    );
  });
});

describe('loadCifar10FromDir', () => {
  it('names a missing folder and the exact command', async () => {
    const dir = path.join(tmp, 'nope');
    await expect(loadCifar10FromDir(dir)).rejects.toThrow(
      `CIFAR-10 folder ${dir} does not exist: run \`npm run data\` (downloads the official archive) or \`npm run data -- --from PATH\``,
    );
  });

  it('names an empty folder', async () => {
    const dir = path.join(tmp, 'empty');
    mkdirSync(dir);
    await expect(loadCifar10FromDir(dir)).rejects.toThrow(
      /^CIFAR-10 folder .*empty is empty or holds none of the dataset files .*npm run data/,
    );
  });

  it('names missing files of a partial folder', async () => {
    const dir = path.join(tmp, 'partial');
    mkdirSync(dir);
    for (const f of syntheticFiles(2).slice(0, 4)) writeFileSync(path.join(dir, f.name), f.bytes);
    await expect(loadCifar10FromDir(dir)).rejects.toThrow(
      /lacks data_batch_5\.bin, test_batch\.bin, batches\.meta\.txt: run `npm run data`/,
    );
  });

  it('loads loose files or an archive from a folder', async () => {
    const loose = path.join(tmp, 'loose');
    const packed = path.join(tmp, 'packed');
    mkdirSync(loose);
    mkdirSync(packed);
    for (const f of syntheticFiles(3)) writeFileSync(path.join(loose, f.name), f.bytes);
    writeFileSync(path.join(packed, 'cifar-10-binary.tar.gz'), tarGz(syntheticFiles(3)));
    const a = await loadCifar10FromDir(loose, { recordsPerFile: 3 });
    const b = await loadCifar10FromDir(packed, { recordsPerFile: 3 });
    expect(a.train.count).toBe(15);
    expect(b.train.images).toEqual(a.train.images);
    expect(b.classNames).toEqual(a.classNames);
  });
});
