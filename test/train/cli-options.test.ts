/**
 * The shared option parser of every script (src/train/cli-options.ts): strict `parseArgs`, one
 * specific error per kind of bad input, numbers through parseCliNumber, help from the table.
 */
import { describe, expect, it } from 'vitest';
import { formatHelp, parseCli, type CliTable } from '../../src/train/cli-options';

const TABLE = {
  depth: { type: 'number', bounds: { integer: true, min: 1 }, default: 20, help: 'depth' },
  alphas: { type: 'numbers', bounds: { min: 0, max: 1 }, default: [0, 0.5], help: 'α values' },
  lr: { type: 'number', bounds: { greaterThan: 0 }, help: 'learning rate' },
  out: { type: 'string', arg: 'FILE', help: 'output file' },
  mode: { type: 'string', choices: ['fast', 'slow'], default: 'fast', help: 'mode' },
  tta: { type: 'boolean', help: 'flip TTA' },
} as const satisfies CliTable;

describe('parseCli', () => {
  it('reads every form and applies the defaults', () => {
    const a = parseCli(['--depth', '8', '--alphas=0.25,1', '--out', 'x.json', '--mode=slow', '--tta'], TABLE);
    expect(a).toEqual({
      help: false,
      values: { depth: 8, alphas: [0.25, 1], out: 'x.json', mode: 'slow', tta: true },
    });
    expect(parseCli([], TABLE).values).toEqual({ depth: 20, alphas: [0, 0.5], mode: 'fast' });
    expect(parseCli(['--no-tta'], TABLE).values.tta).toBe(false);
    expect(parseCli(['--tta', 'false', '--depth', '3'], TABLE).values).toMatchObject({ tta: false, depth: 3 });
    expect(parseCli(['--tta=true'], TABLE).values.tta).toBe(true);
    expect(parseCli(['--lr=-2e-3'], { lr: { type: 'number', help: 'lr' } }).values.lr).toBe(-0.002);
  });

  it('the defaults of one parse are not shared with the next', () => {
    const first = parseCli([], TABLE).values.alphas;
    first.push(9);
    expect(parseCli([], TABLE).values.alphas).toEqual([0, 0.5]);
  });

  it('--help or -h anywhere answers help and checks nothing else', () => {
    expect(parseCli(['--bogus', '-h'], TABLE)).toEqual({ help: true, values: { depth: 20, alphas: [0, 0.5], mode: 'fast' } });
    expect(parseCli(['--depth', 'x', '--help'], TABLE).help).toBe(true);
  });

  it.each([
    [['--depht', '20'], /^unknown flag --depht \(known: --help --depth --alphas --lr --out --mode --tta\)$/],
    [['-x'], /^unknown flag -x /],
    [['--no-depth'], /^unknown flag --no-depth /],
    [['--out'], /^--out needs a value$/],
    [['--out', '--depth', '3'], /^--out needs a value$/],
    [['--lr', '-1'], /^--lr needs a value \(write --lr=-1 for a value that starts with -\)$/],
    [['20'], /^unexpected argument '20' \(flags start with --\)$/],
    [['--', 'x'], /^unexpected argument 'x'/],
    [['--depth', '2', '--depth=3'], /^--depth given twice$/],
    [['--tta', '--no-tta'], /^--tta given twice$/],
    [['--tta=yes'], /^--tta takes true or false \(got 'yes'\)$/],
    [['--mode', 'medium'], /^--mode must be one of fast, slow \(got 'medium'\)$/],
    [['--depth', '0x14'], /^--depth needs a number in decimal notation \(got '0x14'\)$/],
    [['--depth', '0'], /^--depth must be an integer ≥ 1 \(got 0\)$/],
    [['--alphas', '0,,1'], /^--alphas needs a number in decimal notation \(got ''\)$/],
    [['--alphas', '0,1.5'], /^--alphas must be a number ≥ 0 and ≤ 1 \(got 1.5\)$/],
    [['--lr=0'], /^--lr must be a number > 0 \(got 0\)$/],
  ])('%j ⇒ %s', (argv, msg) => {
    expect(() => parseCli(argv, TABLE)).toThrow(msg);
  });
});

describe('formatHelp', () => {
  it('lists every option of the table with its placeholder and default, then --help', () => {
    const lines = formatHelp('usage: x [flags]', TABLE).split('\n');
    expect(lines[0]).toBe('usage: x [flags]');
    expect(lines.slice(1).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['--depth N', 'depth (default 20)'],
      ['--alphas A,B,…', 'α values (default 0,0.5)'],
      ['--lr N', 'learning rate'],
      ['--out FILE', 'output file'],
      ['--mode fast|slow', 'mode (default fast)'],
      ['--tta', 'flip TTA'],
      ['--help, -h', 'print this help'],
    ]);
  });
});
