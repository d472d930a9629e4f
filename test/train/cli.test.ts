/**
 * The train/sweep CLIs fail fast with exit code 1 and a one-line reason on bad input.
 * (Argument parsing itself is covered in units.test.ts; these spawn the real scripts.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `tsx scripts/<name>.ts …args` and returns its exit code and stderr. */
function run(name: 'train' | 'sweep', args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npx', ['tsx', `scripts/${name}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout };
}

describe('CLI errors', () => {
  it('unknown flag and out-of-range values', () => {
    const a = run('train', ['--depht', '20']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^error: unknown flag --depht/);
    const b = run('sweep', ['--alphas', '0,2']);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe('error: --alphas values must be in [0, 1] (got 2)');
  });

  it('missing data names the `npm run data` command; an unavailable backend names the available ones', () => {
    const a = run('train', ['--max-steps', '1'], { CIFAR10_DIR: '/nonexistent/cifar10' });
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/^error: CIFAR-10 folder \/nonexistent\/cifar10 does not exist: .*npm run data/);
    const b = run('train', ['--backend', 'webgl']);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^error: Backend 'webgl' is unavailable \(.*\); available: wasm, cpu$/);
  });
});
