/**
 * A run as the page keeps it (plain data, persisted in IndexedDB), and the pure reducer that
 * folds the worker's TrainEvents into it (src/train/protocol.ts). DOM-free.
 */
import { CIFAR10_TRAIN_COUNT, stepsPerEpoch } from '../../train/face';
import type { BackendName, EvalMetrics, TrainConfig, TrainEvent } from '../../train/protocol';
import type { CostTotals } from '../../octconv/types';

/** Life cycle of a run on the page. */
export type RunStatus =
  'queued' | 'running' | 'paused' | 'stopping' | 'completed' | 'stopped' | 'diverged' | 'error' | 'interrupted';

/** One point of the live curves. Train metrics at readbacks, test metrics at epoch ends. */
export interface CurvePoint {
  step: number;
  /** Fractional epoch: step / steps per epoch. */
  epoch: number;
  /** Wall-clock time since the run started (s). */
  timeS: number;
  trainLoss?: number;
  trainAccuracy?: number;
  testLoss?: number;
  testTop1?: number;
}

/**
 * A run of the session (or of an earlier one, restored from IndexedDB). The CLI's JSON record of a
 * run is another shape (src/train/run-record.ts): same config and metrics, other life cycle.
 */
export interface RunRecord {
  id: string;
  /**
   * Stable run number shown everywhere ("run #3"), assigned at creation and never reused by the
   * page session; deleting other runs does not change it. 0 only in records stored before numbers
   * existed, until {@link numberRuns} fills them in on load.
   */
  number: number;
  /** Creation time (ms since the epoch). */
  createdAt: number;
  config: TrainConfig;
  status: RunStatus;
  backend: BackendName | null;
  /** Cost of the model for one image (params, MACs, activations) and the vanilla net's. */
  cost: (CostTotals & { vanilla: CostTotals }) | null;
  /** Steps in one epoch as the trainer counts them ({@link stepsPerEpoch}); for the epoch axis. */
  stepsPerEpoch: number;
  points: CurvePoint[];
  step: number;
  /** Last test evaluation (per epoch and at the end). */
  test: EvalMetrics | null;
  imagesPerSecond: number | null;
  elapsedMs: number | null;
  firstStepMs: number | null;
  message: string | null;
  /** Shown in the charts. */
  visible: boolean;
  /** Sweep this run belongs to, if any. */
  sweepId: string | null;
}

export { stepsPerEpoch };

/**
 * Give every run without a number (records stored before numbers existed) the next free numbers,
 * in creation order; numbered runs keep theirs. Returns a new array, same order as the input.
 */
export function numberRuns(runs: RunRecord[]): RunRecord[] {
  let next = runs.reduce((m, r) => Math.max(m, r.number || 0), 0) + 1;
  const missing = runs.filter((r) => !r.number).sort((a, b) => a.createdAt - b.createdAt);
  const given = new Map(missing.map((r) => [r.id, next++]));
  return runs.map((r) => (given.has(r.id) ? { ...r, number: given.get(r.id) as number } : r));
}

/**
 * A new queued run for a config.
 * @param number the stable run number (see {@link RunRecord.number}).
 * @param trainCount training images available (default 50,000); trainLimit caps it.
 */
export function createRun(
  id: string,
  config: TrainConfig,
  createdAt: number,
  trainCount = CIFAR10_TRAIN_COUNT,
  sweepId: string | null = null,
  number = 0,
): RunRecord {
  return {
    id,
    number,
    createdAt,
    config,
    status: 'queued',
    backend: null,
    cost: null,
    stepsPerEpoch: stepsPerEpoch(config.trainLimit, config.batchSize, trainCount),
    points: [],
    step: 0,
    test: null,
    imagesPerSecond: null,
    elapsedMs: null,
    firstStepMs: null,
    message: null,
    visible: true,
    sweepId,
  };
}

/** True when the run will not change any more. */
export function isFinished(run: RunRecord): boolean {
  return (
    run.status === 'completed' ||
    run.status === 'stopped' ||
    run.status === 'diverged' ||
    run.status === 'error' ||
    run.status === 'interrupted'
  );
}

/**
 * Fold one TrainEvent into a run (returns a new object; events of other runs return `run`).
 * step → a train point; epoch → a test point and the test metrics; state → status;
 * done → final metrics and status 'completed'/'stopped'/'diverged' (with its hint as the message);
 * error → status 'error' with the message.
 */
export function applyTrainEvent(run: RunRecord, e: TrainEvent): RunRecord {
  if (e.runId !== run.id) return run;
  const at = (step: number, elapsedMs: number) => ({
    step,
    epoch: step / run.stepsPerEpoch,
    timeS: elapsedMs / 1000,
  });
  switch (e.type) {
    case 'step':
      return {
        ...run,
        status: run.status === 'queued' ? 'running' : run.status,
        step: e.step,
        imagesPerSecond: e.imagesPerSecond,
        elapsedMs: e.elapsedMs,
        points: [...run.points, { ...at(e.step, e.elapsedMs), trainLoss: e.loss, trainAccuracy: e.accuracy }],
      };
    case 'epoch':
      return {
        ...run,
        step: e.step,
        test: e.test,
        imagesPerSecond: e.imagesPerSecond,
        elapsedMs: e.elapsedMs,
        points: [...run.points, { ...at(e.step, e.elapsedMs), testLoss: e.test.loss, testTop1: e.test.top1 }],
      };
    case 'state':
      return { ...run, status: e.state };
    case 'done': {
      const last = run.points[run.points.length - 1];
      const hasFinalPoint = last !== undefined && last.step === e.step && last.testTop1 !== undefined;
      return {
        ...run,
        status: e.reason,
        message: e.message ?? run.message,
        step: e.step,
        test: e.test,
        imagesPerSecond: e.imagesPerSecond,
        elapsedMs: e.elapsedMs,
        firstStepMs: e.firstStepMs,
        points: hasFinalPoint
          ? run.points
          : [...run.points, { ...at(e.step, e.elapsedMs), testLoss: e.test.loss, testTop1: e.test.top1 }],
      };
    }
    case 'error':
      return { ...run, status: 'error', step: e.step, message: e.message };
  }
}
