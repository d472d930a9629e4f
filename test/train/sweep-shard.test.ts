/**
 * Sharding a sweep across processes: the Kubernetes Indexed Job and Slurm array examples under
 * deploy/ run a tiny sweep's shards as separate processes (each reading its index from the
 * scheduler's variable), `--merge` joins them, and the result equals the unsharded sweep run
 * with `--jobs 2` for the same seeds (runs are seeded, so the metrics match exactly).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { SweepFile } from '../../src/train/sweep-file';

const ROOT = path.resolve(__dirname, '../..');
const TINY = '--alphas 0,0.5 --seeds 2 --width 0.25 --train-limit 128 --batch 32 --max-steps 2 --test-limit 100';

/** Runs a command in the repository root; resolves with its exit code and output. */
function exec(cmd: string, args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const p = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code, out }));
  });
}

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as SweepFile;

/** What must not depend on how the sweep was split: identities, metrics, summary (not timings). */
function comparable(f: SweepFile) {
  return {
    alphas: f.alphas,
    seeds: f.seeds,
    base: f.base,
    runs: f.runs.map((r) => ({ alpha: r.alpha, seed: r.seed, steps: r.steps, reason: r.reason, test: r.test, cost: r.cost })),
    summary: f.summary.map(({ meanImagesPerSecond: _ips, ...rest }) => rest),
  };
}

describe('sharded sweep (deploy/ examples)', () => {
  it('the Kubernetes and Slurm examples declare their arrays and the shard script they run', () => {
    const job = parseYaml(readFileSync(path.join(ROOT, 'deploy/kubernetes/sweep-indexed-job.yaml'), 'utf8'));
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    const c = job.spec.template.spec.containers[0];
    const env = Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(Number(env.SHARD_COUNT)).toBe(job.spec.completions);
    expect(c.command).toEqual(['sh', 'deploy/run-shard.sh']);
    const sbatch = readFileSync(path.join(ROOT, 'deploy/slurm/sweep-array.sbatch'), 'utf8');
    expect(sbatch).toMatch(/^#SBATCH --array=0-3$/m);
    expect(sbatch).toMatch(/deploy\/run-shard\.sh/);
  });

  it('shards run as separate processes and merge into the unsharded sweep', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sweep-shard-'));
    const job = parseYaml(readFileSync(path.join(ROOT, 'deploy/kubernetes/sweep-indexed-job.yaml'), 'utf8'));
    const [cmd, ...cmdArgs] = job.spec.template.spec.containers[0].command as string[];
    const shared = {
      SWEEP_ARGS: TINY,
      SWEEP_OUT_DIR: dir,
      SHARD_COUNT: undefined,
      JOB_COMPLETION_INDEX: undefined,
      SLURM_ARRAY_TASK_ID: undefined,
    };
    const [full, k8s, slurm] = await Promise.all([
      exec('npx', ['tsx', 'scripts/sweep.ts', ...TINY.split(' '), '--jobs', '2', '--out', path.join(dir, 'full.json')]),
      // Pod 0 of an Indexed Job with 2 completions…
      exec(cmd, cmdArgs, { ...shared, SHARD_COUNT: '2', JOB_COMPLETION_INDEX: '0' }),
      // …and task 1 of a Slurm array of 2.
      exec('bash', ['deploy/slurm/sweep-array.sbatch'], {
        ...shared,
        SLURM_ARRAY_TASK_ID: '1',
        SLURM_ARRAY_TASK_COUNT: '2',
        SLURM_SUBMIT_DIR: ROOT,
      }),
    ]);
    expect(full.code, full.out).toBe(0);
    expect(k8s.code, k8s.out).toBe(0);
    expect(slurm.code, slurm.out).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['full.json', 'shard-0-of-2.json', 'shard-1-of-2.json']);
    const s0 = read(path.join(dir, 'shard-0-of-2.json'));
    expect(s0.shard).toEqual({ index: 0, count: 2 });
    expect(s0.runs.map((r) => [r.alpha, r.seed])).toEqual([
      [0, 1],
      [0.5, 1],
    ]);

    const merged = await exec('npx', [
      'tsx',
      'scripts/sweep.ts',
      '--merge',
      path.join(dir, 'shard-1-of-2.json'),
      path.join(dir, 'shard-0-of-2.json'),
      '--out',
      path.join(dir, 'all.json'),
    ]);
    expect(merged.code, merged.out).toBe(0);
    expect(merged.out).not.toMatch(/missing/);
    const all = read(path.join(dir, 'all.json'));
    expect(all.shard).toBeNull();
    expect(comparable(all)).toEqual(comparable(read(path.join(dir, 'full.json'))));
    expect(all.summary.map((s) => s.n)).toEqual([2, 2]);

    // A shard merged with itself is refused, naming the run held twice; nothing is written.
    const twice = await exec('npx', [
      'tsx',
      'scripts/sweep.ts',
      '--merge',
      path.join(dir, 'shard-0-of-2.json'),
      path.join(dir, 'shard-0-of-2.json'),
      '--out',
      path.join(dir, 'bad.json'),
    ]);
    expect(twice.code).toBe(1);
    expect(twice.out).toMatch(/error: α=0, seed 1 is in both .*shard-0-of-2\.json and .*shard-0-of-2\.json/);
    expect(readdirSync(dir)).not.toContain('bad.json');
  });
});
