/**
 * `npm run data` never destroys what the user put somewhere (issue 14, items 3–4): a target folder
 * with foreign files or a plain file at the target path is refused untouched, and a `--from`
 * source that does not exist is an error even when the target is already valid.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installCifar10 } from '../../src/data/install';
import { syntheticFiles } from '../data/fixtures';

const tmp = mkdtempSync(path.join(tmpdir(), 'cifar-guard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const RECORDS = 3;

/** A folder of synthetic .bin files usable as --from. */
function sourceFolder(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const f of syntheticFiles(RECORDS)) writeFileSync(path.join(dir, f.name), f.bytes);
  return dir;
}

describe('install target guard', () => {
  it('refuses a target folder holding a foreign file and leaves it as it was', async () => {
    const from = sourceFolder('src1');
    const outDir = path.join(tmp, 'mine');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'notes.txt'), 'keep me');
    await expect(installCifar10({ outDir, from, recordsPerFile: RECORDS })).rejects.toThrow(
      /holds files that are not CIFAR-10 \(notes\.txt\).*choose an empty or new folder/,
    );
    expect(readdirSync(outDir)).toEqual(['notes.txt']);
    expect(readFileSync(path.join(outDir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses a plain file at the target path', async () => {
    const from = sourceFolder('src2');
    const outDir = path.join(tmp, 'a-file');
    writeFileSync(outDir, 'not a folder');
    await expect(installCifar10({ outDir, from, recordsPerFile: RECORDS })).rejects.toThrow(/is a file, not a folder/);
    expect(readFileSync(outDir, 'utf8')).toBe('not a folder');
  });

  it('replaces a target holding only our own (stale) files', async () => {
    const from = sourceFolder('src3');
    const outDir = path.join(tmp, 'stale');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'test_batch.bin'), 'stale');
    writeFileSync(path.join(outDir, 'manifest.json'), '{');
    const r = await installCifar10({ outDir, from, recordsPerFile: RECORDS });
    expect(r.status).toBe('installed');
    expect(readdirSync(outDir)).toHaveLength(8);
  });

  it('a --from that does not exist is an error even when the target is valid', async () => {
    const from = sourceFolder('src4');
    const outDir = path.join(tmp, 'valid');
    await installCifar10({ outDir, from, recordsPerFile: RECORDS });
    const typo = path.join(tmp, 'srcc4');
    await expect(installCifar10({ outDir, from: typo, recordsPerFile: RECORDS })).rejects.toThrow(
      `CIFAR-10 folder or archive ${typo} (--from) does not exist`,
    );
  });
});

describe('source folder faults', () => {
  it('a folder in place of a .bin is named, not EISDIR', async () => {
    const from = sourceFolder('src5');
    rmSync(path.join(from, 'data_batch_3.bin'));
    mkdirSync(path.join(from, 'data_batch_3.bin'));
    await expect(installCifar10({ outDir: path.join(tmp, 'out5'), from, recordsPerFile: RECORDS })).rejects.toThrow(
      `CIFAR-10 folder ${from}: data_batch_3.bin is a folder, not a file`,
    );
  });
});
