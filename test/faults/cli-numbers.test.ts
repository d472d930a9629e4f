/**
 * Numeric CLI values are read strictly (issue 14, items 11–12): '0x14' is not 20, '' is not 0,
 * and `bench --batch 0` names the flag instead of dividing by zero.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseTrainArgs } from '../../src/train/cli-args';
import { parseCliNumber } from '../../src/train/cli-number';

describe('parseCliNumber', () => {
  it('accepts decimal notation and returns the same value as Number()', () => {
    for (const raw of ['128', '0.25', '.5', '1e-3', '-2', '+3', '1E2']) expect(parseCliNumber('x', raw)).toBe(Number(raw));
  });
  it.each(['0x14', '0b101', '0o7', 'Infinity', '', ' ', ' 12', '12abc', '1,5', 'NaN', '1e'])('refuses %j', (raw) => {
    expect(() => parseCliNumber('depth', raw)).toThrow(`--depth needs a number in decimal notation (got '${raw}')`);
  });
  it('checks bounds and names them', () => {
    expect(() => parseCliNumber('batch', '0', { integer: true, min: 1 })).toThrow('--batch must be an integer ≥ 1 (got 0)');
    expect(() => parseCliNumber('alphas', '1.5', { min: 0, max: 1 })).toThrow('--alphas must be a number ≥ 0 and ≤ 1 (got 1.5)');
    expect(() => parseCliNumber('reps', '2.5', { integer: true, min: 1 })).toThrow('--reps must be an integer ≥ 1 (got 2.5)');
    expect(() => parseCliNumber('jobs', '65', { integer: true, min: 1, max: 64 })).toThrow(
      '--jobs must be an integer from 1 to 64 (got 65)',
    );
    expect(() => parseCliNumber('cutoff', '0', { greaterThan: 0 })).toThrow('--cutoff must be a number > 0 (got 0)');
    expect(parseCliNumber('cutoff', '1e-9', { greaterThan: 0 })).toBe(1e-9);
  });
});

describe('CLI entry points', () => {
  it('train refuses --depth 0x14 (Number() would read it as 20)', () => {
    expect(Number('0x14')).toBe(20);
    expect(() => parseTrainArgs(['--depth', '0x14'])).toThrow("--depth needs a number in decimal notation (got '0x14')");
  });
  it('bench --batch 0 exits 1 naming the flag, before any work', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/bench.ts', '--batch', '0'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('bench: --batch must be an integer ≥ 1 (got 0)');
  });
  it('data --records 0x3 exits 1 naming the flag', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/data.ts', '--records', '0x3', '--out', '/nonexistent-target'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("npm run data: error: --records needs a number in decimal notation (got '0x3')");
  });
});
