/**
 * CLI output files (issue 14, item 5): bad output paths fail before any data is loaded or any
 * step runs; JSON is written atomically; an interrupted sweep keeps its finished runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/train/output-files';

const tmp = mkdtempSync(path.join(tmpdir(), 'cli-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a CLI with a data folder that does not exist: an output check must fail first. */
function runNoData(name: 'train' | 'sweep', args: string[]) {
  const r = spawnSync('npx', ['tsx', `scripts/${name}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CIFAR10_DIR: '/nonexistent/cifar10' },
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr.trim() };
}

describe('output paths are checked before training', () => {
  it('train --out into a missing folder', () => {
    const r = runNoData('train', ['--out', '/no/dir/x.json']);
    expect(r).toEqual({ code: 1, stderr: 'error: --out /no/dir/x.json: folder /no/dir does not exist' });
  });
  it('train --save-model naming an existing file', () => {
    const file = path.join(tmp, 'model-file');
    writeFileSync(file, 'mine');
    const r = runNoData('train', ['--save-model', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: --save-model ${file} is a file; give a folder (model.json + weights.bin are written into it)`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
  it('sweep --out naming a folder', () => {
    const r = runNoData('sweep', ['--out', tmp]);
    expect(r).toEqual({ code: 1, stderr: `error: --out ${tmp} is a folder, not a file` });
  });
});

describe('writeFileAtomic', () => {
  it('a write that fails half-way (disk full) leaves the previous file intact and no temp file', () => {
    const file = path.join(tmp, 'run.json');
    writeFileSync(file, '{"previous":true}');
    const fs = {
      writeFileSync: (f: string, d: string | Uint8Array) => {
        writeFileSync(f, String(d).slice(0, 5)); // a partial write, then the disk is full
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      renameSync: () => {
        throw new Error('not reached');
      },
      rmSync: (f: string, o: { force: boolean }) => rmSync(f, o),
    };
    expect(() => writeFileAtomic(file, '{"next":1}', fs)).toThrow(
      `could not write ${file}: ENOSPC: no space left on device, write`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ previous: true });
    expect(existsSync(`${file}.tmp-${process.pid}`)).toBe(false);
  });
  it('replaces the content on success', () => {
    const file = path.join(tmp, 'ok.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('sweep interrupted during run 2', () => {
  it('keeps the finished run 1 in --out', async () => {
    const out = path.join(tmp, 'sweep.json');
    const child = spawn(
      'npx',
      [
        'tsx',
        'scripts/sweep.ts',
        '--alphas',
        '0,0.5',
        '--max-steps',
        '200',
        '--batch',
        '8',
        '--train-limit',
        '3200',
        '--test-limit',
        '50',
        '--readback-every',
        '1',
        '--out',
        out,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Run 2 starts as soon as run 1's record is written.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (existsSync(out)) {
          clearInterval(timer);
          resolve();
        }
        if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`sweep ended early: ${stderr}`));
        }
      }, 50);
    });
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).not.toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    expect(saved.complete).toBe(false);
    expect(saved.runs).toHaveLength(1);
    expect(saved.runs[0].config.alpha).toBe(0);
    expect(saved.runs[0].reason).toBe('completed');
    expect(saved.runs[0].steps).toBe(200);
  });
});
