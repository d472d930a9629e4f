/**
 * The page's runs as α comparisons with uncertainty: finished runs grouped by recipe (every
 * setting but α and seed), each group summarised per α (mean test top-1 and 95 % interval,
 * src/train/sweep-summary.ts) with the plain-language verdicts, and a label naming what differs
 * between recipes. DOM-free.
 */
import type { TrainConfig } from '../../train/protocol';
import { summarizeSweep, sweepVerdicts, type SummaryInput, type SweepSummaryRow, type Verdict } from '../../train/face';
import type { RunRecord } from './runs';
import { shortModelName } from './modelLabel';
import { t } from '../i18n';

/** One recipe: its runs' summary per α and the verdicts between its α values. */
export interface RecipeSummary {
  key: string;
  /** What sets this recipe apart from the others shown ("" when there is only one). */
  label: string;
  rows: SweepSummaryRow[];
  verdicts: Verdict[];
}

/** Settings that do not define the recipe (α and seed are the sweep's axes; readback is cadence). */
const NOT_RECIPE: ReadonlySet<keyof TrainConfig> = new Set(['alpha', 'seed', 'readbackEvery']);

/** Fields named by a short prefix in variant labels ('seed 2'); the prefix is catalogue key variant.<field>. */
const SHORT: ReadonlySet<keyof TrainConfig> = new Set([
  'seed',
  'batchSize',
  'learningRate',
  'epochs',
  'maxSteps',
  'trainLimit',
  'testLimit',
  'weightDecay',
  'labelSmoothing',
] as const);

/** The recipe of a config as a stable key. */
export function recipeKey(c: TrainConfig): string {
  const entries = Object.entries(c)
    .filter(([k]) => !NOT_RECIPE.has(k as keyof TrainConfig))
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/** Runs with final metrics (completed or stopped with an evaluation). */
export function finishedWithTest(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => r.test && r.cost && (r.status === 'completed' || r.status === 'stopped'));
}

/** Fields named together by the model label ({@link shortModelName}). */
const MODEL_FIELDS: ReadonlySet<keyof TrainConfig> = new Set(['architecture', 'depth', 'widthMultiplier']);

/**
 * For each config, the settings (besides those in `ignore`: by default α, seed and readback) in
 * which it differs from the others, e.g. "R20, lr 0.1" or "MBv1×1"; the model fields
 * (architecture, depth, width) are named as one model label. "" for every config when none differ.
 */
export function differingLabels(configs: readonly TrainConfig[], ignore: ReadonlySet<keyof TrainConfig> = NOT_RECIPE): string[] {
  const keys = new Set(configs.flatMap((c) => Object.keys(c) as (keyof TrainConfig)[]));
  const fields = [...keys].filter((f) => !ignore.has(f) && new Set(configs.map((c) => JSON.stringify(c[f] ?? null))).size > 1);
  const model = fields.some((f) => MODEL_FIELDS.has(f));
  const rest = fields.filter((f) => !MODEL_FIELDS.has(f));
  return configs.map((c) =>
    [
      ...(model ? [shortModelName(c)] : []),
      ...rest.map((f) => `${SHORT.has(f) ? t(`variant.${f as 'seed'}`) : `${f} `}${c[f] ?? t('variant.all')}`),
    ].join(', '),
  );
}

/** The runs as inputs of the sweep summary. */
function toInputs(runs: readonly RunRecord[]): SummaryInput[] {
  return runs.map((r) => ({
    alpha: r.config.alpha,
    seed: r.config.seed,
    test: r.test,
    imagesPerSecond: r.imagesPerSecond ?? 0,
    macs: r.cost!.macs,
  }));
}

/**
 * Finished runs grouped by recipe (in order of first appearance), each summarised per α. Two runs
 * of one recipe, α and seed count once (the later one), so a repeated run is not counted twice.
 */
export function summarizeRuns(runs: readonly RunRecord[]): RecipeSummary[] {
  const groups = new Map<string, Map<string, RunRecord>>();
  for (const r of finishedWithTest(runs)) {
    const key = recipeKey(r.config);
    const g = groups.get(key) ?? new Map<string, RunRecord>();
    g.set(`${r.config.alpha}/${r.config.seed}`, r);
    groups.set(key, g);
  }
  const list = [...groups.entries()].map(([key, g]) => ({ key, runs: [...g.values()] }));
  const labels = differingLabels(list.map((g) => g.runs[0].config));
  return list.map((g, i) => {
    const inputs = toInputs(g.runs);
    return { key: g.key, label: labels[i], rows: summarizeSweep(inputs), verdicts: sweepVerdicts(inputs) };
  });
}
