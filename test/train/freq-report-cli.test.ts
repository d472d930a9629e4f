/**
 * `npm run freq-report` end to end on real CIFAR-10 (spawns the scripts): a tiny model trained
 * and saved by `npm run train`, reported with --jobs 2 (two processes, parts merged) and with
 * --jobs 1 (one process) — the two JSON reports are equal in every figure; bad --jobs and a
 * missing model folder and a bad --grid (before any work) fail with a one-line reason and exit
 * code 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'freq-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `tsx scripts/<name>.ts …args`: exit code, stderr, stdout. */
function run(name: 'train' | 'freq-report', args: string[]) {
  const r = spawnSync('npx', ['tsx', `scripts/${name}.ts`, ...args], { encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout };
}

describe('npm run freq-report', () => {
  it('--jobs 2 and --jobs 1 give the same report; bad input fails with a reason', () => {
    const model = join(dir, 'model');
    const train = ['--depth', '8', '--alpha', '0.5', '--batch', '32', '--train-limit', '256', '--test-limit', '64'];
    const trained = run('train', [...train, '--max-steps', '4', '--save-model', model]);
    expect(trained.code, trained.stderr).toBe(0);
    const common = ['--model', model, '--images', '30', '--sensitivity-images', '10', '--grid', '4'];
    const reports = [2, 1].map((jobs) => {
      const out = join(dir, `report-${jobs}.json`);
      const r = run('freq-report', [...common, '--jobs', String(jobs), '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(jobs > 1 ? 'backend wasm, 2 processes' : 'backend wasm\n');
      expect(r.stdout).toContain('whole output → mean');
      const json = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
      expect(json.jobs).toBe(jobs);
      return json;
    });
    for (const key of ['top1', 'images', 'lowPass', 'highPass', 'ablation', 'sensitivity'])
      expect(reports[0][key]).toEqual(reports[1][key]);
    expect(reports[0].images).toBe(30);

    const bad = run('freq-report', [...common, '--jobs', '0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: --jobs /);
    const grid = run('freq-report', ['--model', model, '--grid', '5']);
    expect(grid.code).toBe(1);
    expect(grid.stderr).toBe('error: --grid must be an even divisor of 32 (e.g. 8, 16, 32), got 5');
    const missing = run('freq-report', ['--model', join(dir, 'none'), '--jobs', '2']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read .*none\/model\.json \(expected a folder written by npm run train/);
  });
});
