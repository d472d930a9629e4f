/**
 * `npm run data` logic (src/data/install.ts) and CLI: download from a local HTTP server with MD5
 * check, --from archive/folder, idempotence, atomic writes, one-line failures with exit code 1.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInstalled, installCifar10 } from '../../src/data/install';
import { NAMES, syntheticFiles, tarGz } from './fixtures';
import { serve } from './server';

const tmp = mkdtempSync(path.join(tmpdir(), 'cifar-install-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RECORDS = 3;
const files = syntheticFiles(RECORDS);
const archive = tarGz(files);
const md5 = createHash('md5').update(archive).digest('hex');
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('installCifar10', () => {
  it('downloads, verifies the MD5, unpacks the seven files + manifest, then leaves a valid target alone', async () => {
    const server = await serve({ '/cifar-10-binary.tar.gz': archive });
    const outDir = path.join(tmp, 'dl');
    const lines: string[] = [];
    const progress: number[] = [];
    try {
      const result = await installCifar10({
        outDir,
        url: `${server.base}/cifar-10-binary.tar.gz`,
        md5,
        recordsPerFile: RECORDS,
        log: (l) => lines.push(l),
        onDownload: (loaded, total) => {
          expect(total).toBe(archive.length);
          progress.push(loaded);
        },
      });
      expect(result.status).toBe('installed');
      expect(progress[progress.length - 1]).toBe(archive.length);
      expect(readdirSync(outDir).sort()).toEqual([...NAMES, 'manifest.json'].sort());
      for (const f of files) expect(new Uint8Array(readFileSync(path.join(outDir, f.name)))).toEqual(f.bytes);
      const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
      expect(manifest.files).toEqual(files.map((f) => ({ name: f.name, size: f.bytes.length, sha256: sha256(f.bytes) })));
      expect(lines.some((l) => l.startsWith('MD5 verified'))).toBe(true);

      const again = await installCifar10({
        outDir,
        url: `${server.base}/cifar-10-binary.tar.gz`,
        md5,
        log: (l) => lines.push(l),
      });
      expect(again.status).toBe('already-valid');
      expect(lines[lines.length - 1]).toMatch(/is already valid .*nothing to do/);
      expect(server.requests).toHaveLength(1); // no second download
    } finally {
      await server.close();
    }
  });

  it('rejects a wrong MD5, a 404 and a cut connection, writing nothing', async () => {
    const server = await serve({ '/a.tar.gz': archive });
    const cut = await serve({ '/a.tar.gz': archive }, { cutAfter: 100 });
    const outDir = path.join(tmp, 'bad');
    try {
      await expect(installCifar10({ outDir, url: `${server.base}/a.tar.gz`, recordsPerFile: RECORDS })).rejects.toThrow(
        `${server.base}/a.tar.gz: MD5 ${md5} does not match the official cifar-10-binary.tar.gz (c32a1d4ab5d03f1284b67883e8d87530)`,
      );
      await expect(installCifar10({ outDir, url: `${server.base}/missing.tar.gz`, md5 })).rejects.toThrow(
        `download of ${server.base}/missing.tar.gz failed: HTTP 404`,
      );
      await expect(installCifar10({ outDir, url: `${cut.base}/a.tar.gz`, md5 })).rejects.toThrow(
        /download of .* (broke off|is incomplete)/,
      );
      expect(existsSync(outDir)).toBe(false);
      expect(readdirSync(tmp).filter((n) => n.startsWith('bad'))).toEqual([]); // no partial folder left
    } finally {
      await Promise.all([server.close(), cut.close()]);
    }
  });

  it('takes --from a folder (validated by parsing) and replaces an invalid target atomically', async () => {
    const src = path.join(tmp, 'src');
    mkdirSync(src);
    for (const f of files) writeFileSync(path.join(src, f.name), f.bytes);
    const outDir = path.join(tmp, 'from-folder');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'manifest.json'), '{ broken');
    const result = await installCifar10({ outDir, from: src, recordsPerFile: RECORDS });
    expect(result.status).toBe('installed');
    expect(checkInstalled(outDir).ok).toBe(true);
    // A corrupted file makes the target invalid again.
    writeFileSync(path.join(outDir, 'test_batch.bin'), files[0].bytes);
    expect(checkInstalled(outDir)).toEqual({
      ok: false,
      reason: `${path.join(outDir, 'test_batch.bin')} does not match its sha256`,
    });
  });

  it('keeps the old target when the new source is bad (label ≥ 10)', async () => {
    const src = path.join(tmp, 'src-bad');
    mkdirSync(src);
    for (const f of files) writeFileSync(path.join(src, f.name), f.bytes);
    const bad = Uint8Array.from(files[2].bytes);
    bad[2 * 3073] = 11;
    writeFileSync(path.join(src, 'data_batch_3.bin'), bad);
    const outDir = path.join(tmp, 'keep');
    await expect(installCifar10({ outDir, from: src, recordsPerFile: RECORDS })).rejects.toThrow(
      `${path.join(src, 'data_batch_3.bin')}: record 2 (byte offset 6,146) has label 11; labels must be 0–9`,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('takes --from a local archive (MD5-checked) and rejects a non-gzip one', async () => {
    const file = path.join(tmp, 'local.tar.gz');
    writeFileSync(file, archive);
    const outDir = path.join(tmp, 'from-archive');
    expect((await installCifar10({ outDir, from: file, md5, recordsPerFile: RECORDS })).status).toBe('installed');
    const text = path.join(tmp, 'fake.tar.gz');
    writeFileSync(text, 'hello, this is not gzip');
    await expect(installCifar10({ outDir: path.join(tmp, 'x'), from: text })).rejects.toThrow(
      `${text}: not a gzip file (starts with 68 65 6c 6c; a .tar.gz starts with 1f 8b)`,
    );
  });
});

describe('npm run data (CLI)', () => {
  const run = promisify(execFile);
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/data.ts', ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, CIFAR10_DIR: '', ...env },
    });

  it('exits 1 with a one-line reason on a missing folder; installs and then reports already valid', async () => {
    const missing = path.join(tmp, 'no-such-folder');
    const err = await cli(['--from', missing, '--out', path.join(tmp, 'cli')]).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    const stderr = (err as { stderr: string }).stderr;
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^npm run data: error: CIFAR-10 folder or archive .*no-such-folder \(--from\) does not exist: run `npm run data`/,
    );

    const src = path.join(tmp, 'cli-src');
    mkdirSync(src);
    for (const f of files) writeFileSync(path.join(src, f.name), f.bytes);
    const out = path.join(tmp, 'cli');
    // CIFAR10_DIR is used when --from is absent.
    const first = await cli(['--out', out, '--records', String(RECORDS)], { CIFAR10_DIR: src });
    expect(first.stdout).toMatch(/data: wrote /);
    const second = await cli(['--out', out, '--records', String(RECORDS)], { CIFAR10_DIR: src });
    expect(second.stdout).toMatch(/is already valid/);
  });
});
