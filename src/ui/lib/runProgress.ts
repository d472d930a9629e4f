/**
 * Progress and time estimates of the page's runs: planned steps, "step k / N", each running
 * run's ETA from its measured step time, the queue's total ETA (src/train/run-queue.ts) and the
 * time a planned sweep will take at the speed measured so far. DOM-free.
 */
import type { TrainConfig } from '../../train/protocol';
import { RunQueue, formatDuration, type QueueEta } from '../../train/face';
import type { RunRecord } from './runs';

/** A sweep expected to take longer than this says so before it starts (ms). */
export const LONG_SWEEP_MS = 10 * 60_000;

/** Training steps a run will take: min(maxSteps, epochs × steps per epoch). */
export function plannedStepsOf(run: Pick<RunRecord, 'config' | 'stepsPerEpoch'>): number {
  return Math.min(run.config.maxSteps ?? Infinity, run.config.epochs * run.stepsPerEpoch);
}

/**
 * ETAs of the running runs and of the whole queue on `slots` parallel workers, from the runs'
 * measured ms/step (running runs in creation order take the slots).
 */
export function queueEtaOf(runs: readonly RunRecord[], slots: number): QueueEta {
  const q = new RunQueue<null>(Math.max(1, slots));
  const running = runs.filter((r) => r.status === 'running' || r.status === 'paused' || r.status === 'stopping');
  const waiting = runs.filter((r) => r.status === 'queued');
  q.enqueue(running.map((r) => ({ id: r.id, payload: null, totalSteps: plannedStepsOf(r) })));
  q.assign();
  for (const r of running) q.progress(r.id, r.step, r.elapsedMs ?? 0);
  q.enqueue(waiting.map((r) => ({ id: r.id, payload: null, totalSteps: plannedStepsOf(r) })));
  return q.eta();
}

/** "1 h 02 min", "3 min 05 s", "42 s" (null ⇒ "…": not measured yet); src/train/duration.ts. */
export const formatDurationMs = (ms: number | null): string => formatDuration(ms, '…');

/**
 * Multiply-adds per ms the device sustained in training (images/s × MACs per image / 1000),
 * averaged over runs with a measured speed; runs of the same model and batch as `like` are
 * preferred (α and depth change the speed per MAC). null when nothing was measured.
 */
export function measuredMacsPerMs(runs: readonly RunRecord[], like: TrainConfig): number | null {
  const measured = runs.filter((r) => r.imagesPerSecond && r.cost && r.step > 0);
  const same = measured.filter(
    (r) =>
      r.config.depth === like.depth &&
      r.config.widthMultiplier === like.widthMultiplier &&
      r.config.batchSize === like.batchSize &&
      r.config.block === like.block,
  );
  const use = same.length ? same : measured;
  if (!use.length) return null;
  return use.reduce((a, r) => a + (r.imagesPerSecond! * r.cost!.macs) / 1000, 0) / use.length;
}

/**
 * Wall time of training `configs` (steps × batch × MACs per image / measured MACs per ms), spread
 * over `slots` parallel workers by list scheduling; evaluation time is not counted.
 * null when no speed was measured yet.
 */
export function estimateSweepMs(
  configs: ReadonlyArray<{ steps: number; batchSize: number; macs: number }>,
  macsPerMs: number | null,
  slots: number,
): number | null {
  if (macsPerMs === null || !(macsPerMs > 0)) return null;
  const free = Array.from({ length: Math.max(1, slots) }, () => 0);
  for (const c of configs) {
    const k = free.indexOf(Math.min(...free));
    free[k] += (c.steps * c.batchSize * c.macs) / macsPerMs;
  }
  return Math.max(...free);
}
