/**
 * Collects a run's events into the JSON record the CLI writes (`--out run.json`) and the sweep
 * table reads: the config, the backend, one record per epoch and the final metrics.
 */
import type { BackendName, EpochMetrics, EvalMetrics, TrainConfig, TrainEvent } from './protocol';

/** One finished epoch. */
export type EpochRecord = EpochMetrics;

/**
 * A whole run, as written to JSON (`--out`, sweep files). Not the page's run (src/ui/lib/runs.ts,
 * also named RunRecord): that one is a live, persisted UI state (status, curve points, run number,
 * visibility) with the full cost totals; this one is the CLI's file format (epochs, final metrics).
 */
export interface RunRecord {
  runId: string;
  config: TrainConfig;
  backend: BackendName;
  /** Params and MACs (multiply-adds, one image) of the model, from countCost. */
  cost: { params: number; macs: number; vanillaMacs: number };
  epochs: EpochRecord[];
  /** Final test metrics ('done'), or null when the run failed. */
  final: EvalMetrics | null;
  reason: 'completed' | 'stopped' | 'diverged' | 'error' | 'running';
  error?: string;
  steps: number;
  /** Training throughput (images/s, evaluation excluded). */
  imagesPerSecond: number;
  elapsedMs: number;
  firstStepMs: number;
}

/** Builds a RunRecord from events; pass {@link RunRecorder.onEvent} as the trainer's sink. */
export class RunRecorder {
  readonly record: RunRecord;

  /** @param base identity, config, backend and cost of the run. */
  constructor(base: Pick<RunRecord, 'runId' | 'config' | 'backend' | 'cost'>) {
    this.record = {
      ...base,
      epochs: [],
      final: null,
      reason: 'running',
      steps: 0,
      imagesPerSecond: 0,
      elapsedMs: 0,
      firstStepMs: 0,
    };
  }

  /** Folds one event into the record. */
  readonly onEvent = (e: TrainEvent): void => {
    const r = this.record;
    if (e.type === 'step') r.steps = e.step;
    else if (e.type === 'epoch') {
      const { type: _t, runId: _r, ...rest } = e;
      r.epochs.push(rest);
    } else if (e.type === 'done') {
      Object.assign(r, {
        final: e.test,
        reason: e.reason,
        ...(e.message ? { error: e.message } : {}),
        steps: e.step,
        imagesPerSecond: e.imagesPerSecond,
        elapsedMs: e.elapsedMs,
        firstStepMs: e.firstStepMs,
      });
    } else if (e.type === 'error') {
      Object.assign(r, { reason: 'error', error: e.message, steps: e.step });
    }
  };
}
