/**
 * A finished run's kept final weights made the worker's current model again: after a reload the
 * worker holds no model, but the runs' final weights are kept (src/ui/hooks/useRunWeights.ts), so
 * the experiments that need the worker's model (the frequency panel) can run on any kept run.
 * DOM-free.
 */
import type { LabWorkerApi } from '../../train/protocol';
import type { OctaveLayerInfo } from '../../octconv/types';
import type { ModelStamp } from '../components/InspectSection';
import { t } from '../i18n';
import { formatAlpha } from './formatAlpha';
import { isFinished, type RunRecord } from './runs';

/** Name of the model a finished run leaves in the worker, e.g. "run #2 (α=0.5) completed, step 50". */
export function finishedModelLabel(run: RunRecord): string {
  return t('page.finishedModel', {
    number: run.number,
    alpha: formatAlpha(run.config.alpha),
    status: t(`status.${run.status}`),
    step: run.step,
  });
}

/**
 * The finished runs whose final weights are kept (`available`: in the main worker or in this
 * browser's store), newest (highest run number) first; runs still queued or training are left out.
 */
export function keptRunChoices(runs: readonly RunRecord[], available: ReadonlySet<string>): RunRecord[] {
  return runs.filter((r) => isFinished(r) && available.has(r.id)).sort((a, b) => b.number - a.number);
}

/**
 * The model stamp once run `run`'s kept weights are the worker's model: a new version (so the
 * views refresh), the label "<finished model label> — kept weights" (its own name, so results
 * are kept apart from a model trained in this session), and the run's α.
 */
export function keptRunStamp(run: RunRecord, previous: ModelStamp | null): ModelStamp {
  return {
    version: (previous?.version ?? 0) + 1,
    label: t('kept.modelLabel', { model: finishedModelLabel(run) }),
    loaded: true,
    alpha: run.config.alpha,
  };
}

/**
 * Loads run `runId`'s kept final weights as the worker's current model: `ensure` puts them into
 * the worker (from this browser's store after a reload), `runWeights` hands a copy back, and
 * `loadModel` validates it and makes it current.
 * @returns the model's octave layers.
 * @throws Error when no weights are kept for the run, or as loadModel (bad files, a run or a
 *   frequency job in progress); the worker's current model is then kept.
 */
export async function loadKeptRun(
  api: Pick<LabWorkerApi, 'runWeights' | 'loadModel'>,
  ensure: (runId: string) => Promise<void>,
  runId: string,
): Promise<OctaveLayerInfo[]> {
  await ensure(runId);
  const files = await api.runWeights(runId);
  if (!files) throw new Error(`the worker holds no final weights of run ${runId}`);
  return api.loadModel(files);
}
