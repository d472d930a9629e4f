/**
 * Final weights of the session's finished runs, kept in the worker so that any finished run can
 * be inspected after later runs replaced the current model. Weights are kept as the tfjs files
 * (model.json + weights.bin, src/train/model-io.ts): plain memory, no tensors. A run is rebuilt
 * into a tfjs model only when inspected; the last {@link RUN_MODEL_CACHE_SIZE} rebuilt models stay
 * (so a side-by-side comparison of two runs does not rebuild on every refresh) and are disposed
 * when evicted, forgotten or on {@link RunModels.dispose}.
 */
import type * as tf from '@tensorflow/tfjs';
import { createOctaveProbe, type OctaveProbe } from '../octconv/index';
import type { ChannelStats, Cifar10Split } from '../data/types';
import { inspectImage } from './inspect';
import { modelFromFiles } from './model-io';
import type { InspectOptions, InspectResult, SavedModelFiles } from './protocol';

/** Rebuilt run models kept at once (two: a run and the run it is compared with). */
export const RUN_MODEL_CACHE_SIZE = 2;

/** A rebuilt run model and its octave probe. */
export interface RunModel {
  model: tf.LayersModel;
  probe: OctaveProbe;
}

/** See the file comment. */
export class RunModels {
  private readonly weights = new Map<string, SavedModelFiles>();
  /** Rebuilt models, least recently used first. */
  private readonly built = new Map<string, Promise<RunModel>>();
  /** Inspections, one after another: a rebuilt model is never evicted while one reads it. */
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * Keeps (or replaces) the final weights of run `runId`.
   * @throws Error when the id is empty or `files` is not { modelJson: string, weights: ArrayBuffer }.
   */
  keep(runId: string, files: SavedModelFiles): void {
    if (typeof runId !== 'string' || !runId || typeof files?.modelJson !== 'string' || !(files.weights instanceof ArrayBuffer)) {
      throw new Error('keepRunWeights needs a run id and { modelJson: string, weights: ArrayBuffer }');
    }
    this.drop(runId);
    this.weights.set(runId, files);
  }

  /** The kept weights of a run, or null. */
  get(runId: string): SavedModelFiles | null {
    return this.weights.get(runId) ?? null;
  }

  /** A copy of a run's kept weights (safe to transfer), or null. */
  copy(runId: string): SavedModelFiles | null {
    const files = this.weights.get(runId);
    return files ? { modelJson: files.modelJson, weights: files.weights.slice(0) } : null;
  }

  /**
   * inspectImage (src/train/inspect.ts) of run `runId`'s final model for test image `imageIndex`;
   * calls run one after another.
   * @throws Error as {@link model} and inspectImage.
   */
  inspect(
    runId: string,
    test: Cifar10Split,
    stats: ChannelStats,
    imageIndex: number,
    options?: InspectOptions,
  ): Promise<InspectResult> {
    const job = async () => {
      const { model, probe } = await this.model(runId);
      return inspectImage(model, probe, test, stats, imageIndex, options);
    };
    const next = this.chain.then(job, job);
    this.chain = next.catch(() => {});
    return next;
  }

  /** Ids of the runs with kept weights. */
  ids(): string[] {
    return [...this.weights.keys()];
  }

  /** Bytes of all kept weights and model.json texts (UTF-16 length × 2 for the text). */
  bytes(): number {
    let n = 0;
    for (const f of this.weights.values()) n += f.weights.byteLength + 2 * f.modelJson.length;
    return n;
  }

  /**
   * The tfjs model of run `runId`, rebuilt from its kept weights (cached, see the file comment).
   * @throws Error `no final weights kept for run …` when none are kept; model-io's errors when
   *   the files do not load.
   */
  async model(runId: string): Promise<RunModel> {
    const cached = this.built.get(runId);
    if (cached) {
      this.built.delete(runId);
      this.built.set(runId, cached);
      return cached;
    }
    const files = this.weights.get(runId);
    if (!files)
      throw new Error(
        `no final weights kept for run ${runId}: only finished runs of this session (or kept ones) can be inspected`,
      );
    const pending = modelFromFiles(files).then((model) => ({ model, probe: createOctaveProbe(model) }));
    this.built.set(runId, pending);
    pending.catch(() => this.built.delete(runId));
    while (this.built.size > RUN_MODEL_CACHE_SIZE) this.evict(this.built.keys().next().value as string);
    return pending;
  }

  /** Forgets runs' weights and disposes their rebuilt models (unknown ids are ignored). */
  forget(runIds: readonly string[]): void {
    for (const id of runIds) {
      this.drop(id);
      this.weights.delete(id);
    }
  }

  /** Disposes every rebuilt model (the kept weights stay). */
  dispose(): void {
    for (const id of [...this.built.keys()]) this.evict(id);
  }

  private drop(runId: string): void {
    if (this.built.has(runId)) this.evict(runId);
  }

  private evict(runId: string): void {
    const pending = this.built.get(runId);
    this.built.delete(runId);
    void pending?.then(
      (m) => {
        m.probe.dispose();
        m.model.dispose();
      },
      () => {},
    );
  }
}
