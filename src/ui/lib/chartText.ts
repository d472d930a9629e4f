/**
 * Text alternatives of the lab's charts (pure, unit-tested): for each visible run the latest train
 * and test value of a metric, as table rows and as one summary sentence, so a screen reader gets
 * what the curves show (the charts themselves are images with this text as their name).
 */
import type { CurvePoint, RunRecord } from './runs';
import { t } from '../i18n';

/** A metric the live charts plot. */
export type CurveMetric = 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testTop1';

/** One run's row of a chart's text table. */
export interface LatestRow {
  /** The run's legend name, e.g. "#2 α=.5 R8". */
  run: string;
  /** Latest train value as shown (loss to 4 decimals, accuracy in % to 1 decimal), or '—'. */
  train: string;
  /** Latest test value as shown, or '—' (no evaluation yet). */
  test: string;
  /** The step of the latest point, e.g. "step 200". */
  at: string;
}

/** The last point of `points` that has `metric`, or undefined. */
function lastWith(points: CurvePoint[], metric: CurveMetric): CurvePoint | undefined {
  for (let i = points.length - 1; i >= 0; i--) if (points[i][metric] !== undefined) return points[i];
  return undefined;
}

/**
 * Latest values of `train` and `test` for each run (values × 100 with a % sign when `percent`).
 * @param label names a run (the charts' legend names).
 */
export function latestRows(
  runs: RunRecord[],
  train: CurveMetric,
  test: CurveMetric,
  percent: boolean,
  label: (r: RunRecord) => string,
): LatestRow[] {
  const show = (v: number | undefined) => (v === undefined ? '—' : percent ? `${(v * 100).toFixed(1)} %` : v.toFixed(4));
  return runs.map((r) => {
    const tr = lastWith(r.points, train);
    const te = lastWith(r.points, test);
    const last = r.points[r.points.length - 1];
    return {
      run: label(r),
      train: show(tr?.[train]),
      test: show(te?.[test]),
      at: last ? t('chart.step', { step: last.step }) : '—',
    };
  });
}

/** One sentence over the rows in the current language, e.g. "Loss, latest values: #1 α=0 R8 train 1.2345, test 1.3000 at step 200." */
export function summarySentence(title: string, rows: LatestRow[]): string {
  if (rows.length === 0) return t('chart.noRuns', { title });
  const parts = rows.map((r) => t('chart.row', { run: r.run, train: r.train, test: r.test, at: r.at }));
  return t('chart.latest', { title, parts: parts.join('; ') });
}
