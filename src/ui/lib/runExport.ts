/**
 * The runs table's columns, as plain data, and its CSV / JSON export (DOM-free).
 */
import { toCsv, type CsvCell } from './csv';
import type { RunRecord } from './runs';

/** Header of the runs table export (units in the names). */
export const RUN_COLUMNS = [
  'id', 'alpha', 'depth', 'width', 'params', 'mmacs', 'mmacs_pct_vanilla', 'activation_elements',
  'activation_pct_vanilla', 'top1', 'top5', 'images_per_s', 'time_s', 'backend', 'status', 'epochs',
  'batch', 'learning_rate', 'seed', 'steps',
] as const;

/** One run as a row of {@link RUN_COLUMNS} (ratios in [0, 1], times in s, MACs in millions). */
export function runToRow(r: RunRecord): CsvCell[] {
  const c = r.cost;
  return [
    r.id,
    r.config.alpha,
    r.config.depth,
    r.config.widthMultiplier,
    c?.params,
    c ? c.macs / 1e6 : null,
    c ? c.macs / c.vanilla.macs : null,
    c?.activationElements,
    c ? c.activationElements / c.vanilla.activationElements : null,
    r.test?.top1,
    r.test?.top5,
    r.imagesPerSecond,
    r.elapsedMs === null ? null : r.elapsedMs / 1000,
    r.backend,
    r.status,
    r.config.epochs,
    r.config.batchSize,
    r.config.learningRate,
    r.config.seed,
    r.step,
  ];
}

/** The runs as CSV (one row per run, {@link RUN_COLUMNS}). */
export function runsToCsv(runs: RunRecord[]): string {
  return toCsv([...RUN_COLUMNS], runs.map(runToRow));
}

/** The runs as pretty JSON: config, cost, final metrics and curves of each run. */
export function runsToJson(runs: RunRecord[]): string {
  return JSON.stringify({ format: 'octconv-lab-runs', version: 1, runs }, null, 2);
}
