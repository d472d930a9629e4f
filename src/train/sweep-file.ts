/**
 * The sweep JSON (`npm run sweep -- --out sweep.json`), its merge from shards and its printed
 * table. DOM-free and tfjs-free. The file holds `runs[]` (each with `alpha`, `seed`, `test` = the
 * final test metrics, the config, cost, epochs and timing) and `summary[]` (per α: `alpha`, `n`,
 * `meanTop1`, `ciLow`, `ciHigh`, `meanImagesPerSecond`, `macs`; see src/train/sweep-summary.ts).
 */
import type { BackendName, EvalMetrics, TrainConfig } from './protocol';
import type { RunRecord } from './run-record';
import { planGrid, type Shard } from './sweep-plan';
import { summarizeSweep, sweepVerdicts, type SweepSummaryRow } from './sweep-summary';

/** Value of SweepFile.format. */
export const SWEEP_FORMAT = 'octconv-lab-sweep';

/** One run of a sweep: the run record with its α, its seed and its final test metrics as `test`. */
export interface SweepRun extends Omit<RunRecord, 'final'> {
  alpha: number;
  seed: number;
  /** Final test metrics, null when the run failed. */
  test: EvalMetrics | null;
}

/** The whole sweep (or one shard of it). */
export interface SweepFile {
  format: typeof SWEEP_FORMAT;
  version: 1;
  backend: BackendName;
  /** The recipe every run shares (its alpha and seed are those of the first cell). */
  base: TrainConfig;
  alphas: number[];
  seeds: number[];
  /** The share of the grid this file holds; null for a whole (or merged) sweep. */
  shard: Shard | null;
  /** In grid order (α-major, then seed). */
  runs: SweepRun[];
  summary: SweepSummaryRow[];
  /** false while a sweep is still running (the file is rewritten after each finished run). */
  complete?: boolean;
}

/** A RunRecord as a {@link SweepRun}. */
export function toSweepRun(record: RunRecord): SweepRun {
  const { final, ...rest } = record;
  return { alpha: record.config.alpha, seed: record.config.seed, test: final, ...rest };
}

/** The summary rows of sweep runs (failed runs left out). */
function summarize(runs: readonly SweepRun[]): SweepSummaryRow[] {
  return summarizeSweep(
    runs.map((r) => ({ alpha: r.alpha, seed: r.seed, test: r.test, imagesPerSecond: r.imagesPerSecond, macs: r.cost.macs })),
  );
}

/** Grid position of each (α, seed), for sorting runs into grid order. */
function gridOrder(alphas: readonly number[], seeds: readonly number[]): (r: SweepRun) => number {
  const pos = new Map(planGrid(alphas, seeds).map((t) => [`${t.alpha}/${t.seed}`, t.index]));
  return (r) => pos.get(`${r.alpha}/${r.seed}`) ?? Number.MAX_SAFE_INTEGER;
}

/** Builds the file of a finished sweep or shard; runs are sorted into grid order. */
export function buildSweepFile(opts: {
  backend: BackendName;
  base: TrainConfig;
  alphas: number[];
  seeds: number[];
  shard: Shard | null;
  records: RunRecord[];
}): SweepFile {
  const order = gridOrder(opts.alphas, opts.seeds);
  const runs = opts.records.map(toSweepRun).sort((a, b) => order(a) - order(b));
  return {
    format: SWEEP_FORMAT,
    version: 1,
    backend: opts.backend,
    base: { ...opts.base, alpha: opts.alphas[0], seed: opts.seeds[0] },
    alphas: opts.alphas,
    seeds: opts.seeds,
    shard: opts.shard,
    runs,
    summary: summarize(runs),
  };
}

/** The recipe without α and seed, for comparing shards. */
function recipeKey(c: TrainConfig): string {
  const { alpha: _a, seed: _s, ...rest } = c;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * Checks that parsed JSON is a sweep file. @throws Error naming `name` and what is wrong.
 */
export function checkSweepFile(value: unknown, name: string): SweepFile {
  const f = value as Partial<SweepFile> | null;
  if (!f || typeof f !== 'object' || f.format !== SWEEP_FORMAT)
    throw new Error(`${name} is not a sweep file (no "format": "${SWEEP_FORMAT}")`);
  if (f.version !== 1) throw new Error(`${name}: unsupported sweep file version ${String(f.version)} (this lab reads version 1)`);
  if (!Array.isArray(f.runs) || !Array.isArray(f.alphas) || !Array.isArray(f.seeds) || !f.base)
    throw new Error(`${name}: runs, alphas, seeds or base missing`);
  return f as SweepFile;
}

/** Result of {@link mergeSweepFiles}: the merged sweep and the grid cells no file held. */
export interface MergeResult {
  file: SweepFile;
  missing: Array<{ alpha: number; seed: number }>;
}

/**
 * Merges shards (or any sweep files of one grid) into one sweep: runs in grid order, summary
 * recomputed over all of them.
 * @throws Error when the files differ in recipe, α list, seed list or backend, or two files hold
 *   the same (α, seed).
 */
export function mergeSweepFiles(files: ReadonlyArray<{ name: string; file: SweepFile }>): MergeResult {
  if (files.length === 0) throw new Error('--merge needs at least one sweep file');
  const [first] = files;
  const seen = new Map<string, string>();
  const runs: SweepRun[] = [];
  for (const { name, file } of files) {
    const differs = (what: string, a: unknown, b: unknown) =>
      new Error(`${name} is from another sweep than ${first.name}: its ${what} ${JSON.stringify(b)} ≠ ${JSON.stringify(a)}`);
    if (recipeKey(file.base) !== recipeKey(first.file.base))
      throw differs('recipe', recipeKey(first.file.base), recipeKey(file.base));
    if (JSON.stringify(file.alphas) !== JSON.stringify(first.file.alphas))
      throw differs('α list', first.file.alphas, file.alphas);
    if (JSON.stringify(file.seeds) !== JSON.stringify(first.file.seeds)) throw differs('seed list', first.file.seeds, file.seeds);
    if (file.backend !== first.file.backend) throw differs('backend', first.file.backend, file.backend);
    for (const r of file.runs) {
      const key = `${r.alpha}/${r.seed}`;
      const other = seen.get(key);
      if (other !== undefined) throw new Error(`α=${r.alpha}, seed ${r.seed} is in both ${other} and ${name}`);
      seen.set(key, name);
      runs.push(r);
    }
  }
  const { alphas, seeds } = first.file;
  const order = gridOrder(alphas, seeds);
  runs.sort((a, b) => order(a) - order(b));
  const missing = planGrid(alphas, seeds)
    .filter((t) => !seen.has(`${t.alpha}/${t.seed}`))
    .map(({ alpha, seed }) => ({ alpha, seed }));
  return {
    file: { ...first.file, shard: null, runs, summary: summarize(runs) },
    missing,
  };
}

/** Pads cells into a Markdown-style table. */
function renderTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * The printed sweep table, one row per α: n, params, MMACs (and % of α = 0), mean top-1 with its
 * 95 % interval (t over seeds, or Wilson for one run), the seeds' top-1 values, img/s, minutes
 * (mean per run); then the verdict of each pair of α values and any failed run.
 */
export function formatSweepTable(file: SweepFile): string {
  const rows = file.summary.map((s) => {
    const runs = file.runs.filter((r) => r.alpha === s.alpha && r.test);
    const r0 = runs[0];
    const pct = (v: number) => (100 * v).toFixed(2);
    return [
      s.alpha.toFixed(3),
      String(s.n),
      (r0.cost.params / 1e6).toFixed(3),
      (s.macs / 1e6).toFixed(1),
      `${((100 * s.macs) / r0.cost.vanillaMacs).toFixed(0)}%`,
      `${pct(s.meanTop1)} ± ${(50 * (s.ciHigh - s.ciLow)).toFixed(2)}`,
      `[${pct(s.ciLow)}, ${pct(s.ciHigh)}]${s.method === 'wilson' ? ' W' : ''}`,
      runs.map((r) => pct(r.test!.top1)).join(' '),
      s.meanImagesPerSecond.toFixed(1),
      (runs.reduce((a, r) => a + r.elapsedMs, 0) / runs.length / 60000).toFixed(2),
    ];
  });
  const head = [
    'α',
    'n',
    'params (M)',
    'MMACs',
    'MACs vs α=0',
    'top-1 % (mean ± half-width)',
    '95 % interval',
    'top-1 % per seed',
    'img/s',
    'min/run',
  ];
  const notes = [
    'Interval: Student t over seeds' +
      (file.summary.some((s) => s.method === 'wilson')
        ? '; W = one run, Wilson interval over the test images (seed noise not counted)'
        : '') +
      '.',
    ...sweepVerdicts(
      file.runs.map((r) => ({
        alpha: r.alpha,
        seed: r.seed,
        test: r.test,
        imagesPerSecond: r.imagesPerSecond,
        macs: r.cost.macs,
      })),
    ).map((v) => v.text),
    ...file.runs.filter((r) => !r.test).map((r) => `α=${r.alpha}, seed ${r.seed}: ${r.reason}${r.error ? `: ${r.error}` : ''}`),
  ];
  return `${renderTable(head, rows)}\n${notes.join('\n')}`;
}
