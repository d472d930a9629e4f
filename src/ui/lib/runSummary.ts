/**
 * One-line summaries of a run for the status line and the octave views. DOM-free.
 */
import type { RunRecord } from './runs';
import { t } from '../i18n';

/** Percent with one decimal, e.g. 0.3142 → "31.4 %". */
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** Messages of a wasm/WebGL allocation failure (the model or batch did not fit in memory). */
const OUT_OF_MEMORY = /memory access out of bounds|Aborted\(|out of memory/i;

/**
 * A hint for a training error message, or null: an out-of-memory failure gets
 * "the model ran out of memory: lower the batch size or choose a smaller depth".
 */
export function errorHint(message: string | null): string | null {
  return message && OUT_OF_MEMORY.test(message) ? t('summary.outOfMemory') : null;
}

/**
 * The status line after a run ends, e.g. "Run #2 completed: top-1 31.4 %, top-5 80.0 % (12.3 s)."
 * `number` is the run's stable number (RunRecord.number). Stopped runs name the step they
 * stopped at; failed runs give the worker's message. Null for a run that has not ended.
 */
export function finishedRunSummary(run: RunRecord, number: number): string | null {
  const time = run.elapsedMs !== null ? t('summary.time', { seconds: (run.elapsedMs / 1000).toFixed(1) }) : '';
  const metrics = `${run.test ? t('summary.metrics', { top1: pct(run.test.top1), top5: pct(run.test.top5) }) : t('summary.noMetrics')}${time}`;
  switch (run.status) {
    case 'completed':
      return t('summary.completed', { number, metrics });
    case 'stopped':
      return t('summary.stopped', { number, step: run.step, metrics });
    case 'diverged':
      return t('summary.diverged', { number, message: run.message ?? t('summary.lossExploded'), metrics });
    case 'error': {
      const hint = errorHint(run.message);
      return `${t('summary.failed', { number, step: run.step, message: run.message ?? t('summary.unknownError') })}${hint ? t('summary.hint', { hint }) : ''}`;
    }
    case 'interrupted':
      return t('summary.interrupted', { number });
    default:
      return null;
  }
}
