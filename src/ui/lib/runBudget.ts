/**
 * Memory and time of a training config estimated from the cost model before it starts (issue 14
 * item 10), so that an impossible config (Oct-ResNet-152 bottleneck at batch 1024) is refused
 * with the figures instead of hanging at "Run running." with no step. DOM-free.
 *
 * Memory: every activation of the forward pass is kept for the backward pass, and the backward
 * pass holds a gradient of the same size, so one step needs about
 * 2 × activationElements (per image) × batch × 4 bytes (float32). Weights and optimiser state are
 * small beside that and left out. Time: a training step costs about 3× the forward multiply-adds
 * (forward + the two backward convolutions per layer).
 */
import type { TrainConfig } from '../../train/protocol';
import { formatBytes } from './costMath';
import { isFinished, stepsPerEpoch, type RunRecord } from './runs';
import { t } from '../i18n';

/** Above this estimated memory per step a run is refused (bytes): 4 GiB, the most a WASM heap can address. */
export const STEP_MEMORY_REFUSE_BYTES = 4 * 2 ** 30;
/** Above this estimated memory per step the page warns (bytes): 1 GiB. */
export const STEP_MEMORY_WARN_BYTES = 2 ** 30;
/** Above this estimated time per step the page warns (s): Stop and the curves act only between steps. */
export const STEP_TIME_WARN_S = 10;
/**
 * Training throughput assumed when no run of this page measured one (multiply-adds per second):
 * about 8 G, Oct-ResNet-20 at batch 32 in ~475 ms per step on 2-thread WASM in Chromium
 * (3 × 40.6 M × 32 MACs / 0.475 s).
 */
export const ASSUMED_TRAIN_MACS_PER_S = 8e9;

/** What {@link estimateRunBudget} needs of a config. */
export interface BudgetInput {
  /** Activation elements of one image's forward pass (cost model). */
  activationElements: number;
  /** Multiply-adds of one image's forward pass (cost model). */
  macs: number;
  batchSize: number;
  /** Steps the run will take. */
  steps: number;
  /** Measured training multiply-adds per second on this backend, if a run measured it. */
  macsPerSecond?: number | null;
}

/** The estimate and what the page does with it. */
export interface RunBudget {
  /** Estimated memory of one training step (bytes). */
  stepBytes: number;
  /** Estimated time of one step (s) and of the whole run (s). */
  stepSeconds: number;
  runSeconds: number;
  /** Whether the time comes from a measured throughput or the stated assumption. */
  measured: boolean;
  /** 'refuse' blocks Train, 'warn' shows `message`, 'ok' shows nothing. */
  level: 'ok' | 'warn' | 'refuse';
  /** The sentence shown (null when ok). */
  message: string | null;
}

/** Formats seconds as "0.4 s", "12 s", "3.5 min", "2.1 h". */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/**
 * Estimates memory and time of a run and decides whether to refuse or warn.
 * @throws Error when a figure is not finite or negative, or batchSize/steps are not positive.
 */
export function estimateRunBudget(input: BudgetInput): RunBudget {
  const { activationElements, macs, batchSize, steps } = input;
  for (const [k, v] of Object.entries({ activationElements, macs })) {
    if (!Number.isFinite(v) || v < 0) throw new Error(`estimateRunBudget: ${k} must be a finite number ≥ 0, got ${v}`);
  }
  if (!(batchSize >= 1) || !(steps >= 1))
    throw new Error(`estimateRunBudget: batchSize and steps must be ≥ 1, got ${batchSize}, ${steps}`);
  const stepBytes = 2 * activationElements * batchSize * 4;
  const measured = typeof input.macsPerSecond === 'number' && input.macsPerSecond > 0;
  const rate = measured ? (input.macsPerSecond as number) : ASSUMED_TRAIN_MACS_PER_S;
  const stepSeconds = (3 * macs * batchSize) / rate;
  const runSeconds = stepSeconds * steps;
  const figures = t('budget.figures', {
    bytes: formatBytes(stepBytes),
    step: formatSeconds(stepSeconds),
    run: formatSeconds(runSeconds),
    assumed: measured ? '' : t('budget.assumed'),
  });
  if (stepBytes > STEP_MEMORY_REFUSE_BYTES) {
    return {
      stepBytes,
      stepSeconds,
      runSeconds,
      measured,
      level: 'refuse',
      message: t('budget.refuse', { figures, limit: formatBytes(STEP_MEMORY_REFUSE_BYTES) }),
    };
  }
  if (stepBytes > STEP_MEMORY_WARN_BYTES || stepSeconds > STEP_TIME_WARN_S) {
    return {
      stepBytes,
      stepSeconds,
      runSeconds,
      measured,
      level: 'warn',
      message: t('budget.warn', { figures }),
    };
  }
  return { stepBytes, stepSeconds, runSeconds, measured, level: 'ok', message: null };
}

/**
 * Training multiply-adds per second measured by the latest finished run of this page on
 * `backend` (3 × forward MACs per image × images/s), or null when none measured it.
 */
export function measuredMacsPerSecond(runs: readonly RunRecord[], backend: string | null): number | null {
  const r = [...runs]
    .reverse()
    .find((x) => x.backend === backend && x.cost && x.imagesPerSecond && x.imagesPerSecond > 0 && isFinished(x));
  return r && r.cost && r.imagesPerSecond ? 3 * r.cost.macs * r.imagesPerSecond : null;
}

/** Steps a run of `config` takes: epochs × steps per epoch, capped by maxSteps. */
export function plannedRunSteps(
  config: Pick<TrainConfig, 'epochs' | 'batchSize' | 'trainLimit' | 'maxSteps'>,
  trainCount: number,
): number {
  const all = config.epochs * stepsPerEpoch(config.trainLimit, config.batchSize, trainCount);
  return Math.max(1, Math.min(all, config.maxSteps ?? all));
}
