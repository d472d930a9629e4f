/**
 * The runs table's columns, as plain data, and its CSV / JSON export (DOM-free).
 */
import { toCsv, type CsvCell } from './csv';
import type { RunRecord } from './runs';
import type { RecipeSummary } from './runStats';

/** Header of the runs table export (units in the names: _pct = percent, _s = seconds). */
export const RUN_COLUMNS = [
  'run',
  'id',
  'alpha',
  'depth',
  'width',
  'params',
  'mmacs',
  'mmacs_pct_vanilla',
  'activation_elements',
  'activation_pct_vanilla',
  'top1_pct',
  'top5_pct',
  'images_per_s',
  'time_s',
  'backend',
  'status',
  'epochs',
  'batch_size',
  'learning_rate',
  'seed',
  'train_limit',
  'test_limit',
  'max_steps',
  'steps',
] as const;

/** Round to `digits` decimals (null/undefined stay empty): 10.611400000000373 → 10.61 for 2. */
function round(v: number | null | undefined, digits: number): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  return Number(v.toFixed(digits));
}

/**
 * One run as a row of {@link RUN_COLUMNS}: percentages in % (2 decimals), MMACs with 3 decimals,
 * times in s (2 decimals), images/s with 1; limits empty when not set.
 */
export function runToRow(r: RunRecord): CsvCell[] {
  const c = r.cost;
  const pct = (v: number | null | undefined) => round(v === null || v === undefined ? v : v * 100, 2);
  return [
    r.number,
    r.id,
    round(r.config.alpha, 4),
    r.config.depth,
    r.config.widthMultiplier,
    c?.params,
    round(c ? c.macs / 1e6 : null, 3),
    pct(c ? c.macs / c.vanilla.macs : null),
    c?.activationElements,
    pct(c ? c.activationElements / c.vanilla.activationElements : null),
    pct(r.test?.top1),
    pct(r.test?.top5),
    round(r.imagesPerSecond, 1),
    round(r.elapsedMs === null ? null : r.elapsedMs / 1000, 2),
    r.backend,
    r.status,
    r.config.epochs,
    r.config.batchSize,
    r.config.learningRate,
    r.config.seed,
    r.config.trainLimit,
    r.config.testLimit,
    r.config.maxSteps,
    r.step,
  ];
}

/** The runs as CSV (one row per run, {@link RUN_COLUMNS}). */
export function runsToCsv(runs: RunRecord[]): string {
  return toCsv([...RUN_COLUMNS], runs.map(runToRow));
}

/**
 * The runs as pretty JSON: config, cost, final metrics and curves of each run, and `summary[]`
 * (per recipe and α: alpha, n, seeds, meanTop1, ciLow, ciHigh, method, meanImagesPerSecond, macs —
 * the fields of `npm run sweep`'s summary) when given.
 */
export function runsToJson(runs: RunRecord[], summaries: RecipeSummary[] = []): string {
  const summary = summaries.flatMap((s) => s.rows.map((r) => ({ recipe: s.label, ...r })));
  return JSON.stringify({ format: 'octconv-lab-runs', version: 1, runs, summary }, null, 2);
}

/** Header of the summary export (fractions as %, 2 decimals). */
export const SUMMARY_COLUMNS = [
  'recipe',
  'alpha',
  'n',
  'seeds',
  'top1_mean_pct',
  'top1_ci95_low_pct',
  'top1_ci95_high_pct',
  'interval',
  'images_per_s',
  'mmacs',
] as const;

/** The per-α summary as CSV ({@link SUMMARY_COLUMNS}); interval = 't' (over seeds) or 'wilson' (one run). */
export function summaryToCsv(summaries: RecipeSummary[]): string {
  const pct = (v: number) => round(v * 100, 2);
  return toCsv(
    [...SUMMARY_COLUMNS],
    summaries.flatMap((s) =>
      s.rows.map((r) => [
        s.label,
        round(r.alpha, 4),
        r.n,
        r.seeds.join(' '),
        pct(r.meanTop1),
        pct(r.ciLow),
        pct(r.ciHigh),
        r.method,
        round(r.meanImagesPerSecond, 1),
        round(r.macs / 1e6, 3),
      ]),
    ),
  );
}
