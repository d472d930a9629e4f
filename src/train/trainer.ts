/**
 * The training loop (docs/architecture.md §6): SGD with Nesterov momentum, weight decay on kernels, one-cycle or
 * warm-up + cosine LR, label smoothing, BatchNorm in training mode, device-side running metrics
 * read back every `readbackEvery` steps with `await data()`, pause/resume/stop at step
 * boundaries, divergence detection, per-epoch evaluation (optionally flip-TTA). DOM-free.
 * Events are plain objects ({@link TrainEvent}); no exception escapes {@link Trainer.run}.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchSource } from './batch';
import { lossDivergence, testDivergence } from './divergence';
import { evaluate } from './evaluate';
import { describeTrainingFailure } from './failure';
import type { EvalMetrics, TrainConfig, TrainEvent } from './protocol';
import { learningRateAt } from './schedule';
import { disposeOptimizer, sgdStep, trainableParams } from './sgd';
import { StepMeter } from './step-meter';
import { yieldToEventLoop } from './yield';

export type { Batch, BatchSource } from './batch';
export { evaluate } from './evaluate';
export { sgdStep, trainableParams } from './sgd';

/** What a trainer needs. */
export interface TrainerOptions {
  runId: string;
  config: TrainConfig;
  /** Returns LOGITS [N, K] for images [N, 32, 32, 3]. */
  model: tf.LayersModel;
  train: BatchSource;
  /** Test batches in a fixed order, no augmentation. */
  test: BatchSource;
  onEvent: (e: TrainEvent) => void;
  /** Number of classes K (default 10). */
  numClasses?: number;
  /** Clock in ms (default performance.now). */
  now?: () => number;
}

/** Life cycle of a trainer. */
export type TrainerState = 'idle' | 'running' | 'paused' | 'stopping' | 'finished';

/**
 * Trains one model on one config. Create, call {@link run} once; drive it with
 * {@link pause}/{@link resume}/{@link stop} from elsewhere (they act at the next step boundary).
 */
export class Trainer {
  private stateValue: TrainerState = 'idle';
  private resumeWaiter: (() => void) | null = null;
  /** Set by abort(): the run ends with this message at the next step boundary. */
  private abortMessage: string | null = null;
  private readonly now: () => number;
  private readonly numClasses: number;

  /** @param opts model, data, config and the event sink (see {@link TrainerOptions}). */
  constructor(private readonly opts: TrainerOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.numClasses = opts.numClasses ?? 10;
  }

  /** Current state. */
  get state(): TrainerState {
    return this.stateValue;
  }

  /** Pauses at the next step boundary (no-op unless running). */
  pause(): void {
    if (this.stateValue !== 'running') return;
    this.stateValue = 'paused';
    this.emit({ type: 'state', runId: this.opts.runId, state: 'paused' });
  }

  /** Resumes a paused run. */
  resume(): void {
    if (this.stateValue !== 'paused') return;
    this.stateValue = 'running';
    this.emit({ type: 'state', runId: this.opts.runId, state: 'running' });
    this.resumeWaiter?.();
    this.resumeWaiter = null;
  }

  /**
   * Ends the run at the next step boundary with an 'error' event carrying `message` (no final
   * evaluation: the device may be gone, e.g. a lost WebGPU device). Wakes a paused run.
   */
  abort(message: string): void {
    if (this.stateValue === 'finished' || this.abortMessage !== null) return;
    this.abortMessage = message;
    this.resumeWaiter?.();
    this.resumeWaiter = null;
  }

  /** Stops at the next step boundary; the final evaluation still runs. */
  stop(): void {
    if (this.stateValue !== 'running' && this.stateValue !== 'paused') return;
    this.stateValue = 'stopping';
    this.emit({ type: 'state', runId: this.opts.runId, state: 'stopping' });
    this.resumeWaiter?.();
    this.resumeWaiter = null;
  }

  private emit(e: TrainEvent): void {
    try {
      this.opts.onEvent(e);
    } catch {
      // A failing listener must not kill the run.
    }
  }

  /** @throws Error with the abort message once abort() was called. */
  private throwIfAborted(): void {
    if (this.abortMessage !== null) throw new Error(this.abortMessage);
  }

  /** True once stop() was called (a method, so TypeScript does not narrow the state across awaits). */
  private isStopping(): boolean {
    return this.stateValue === 'stopping';
  }

  /** Waits while paused; returns the ms spent paused. */
  private async waitWhilePaused(): Promise<number> {
    if (this.stateValue !== 'paused' || this.abortMessage !== null) return 0;
    const t0 = this.now();
    await new Promise<void>((resolve) => {
      this.resumeWaiter = resolve;
    });
    return this.now() - t0;
  }

  /**
   * Runs the whole schedule. Emits 'state' running, 'step' every readbackEvery steps (and after
   * step 1), 'epoch' after each full epoch, then 'done' (reason 'diverged' with a hint when the
   * loss explodes or the model ends at chance); or 'error' on failure.
   * Never throws.
   */
  async run(): Promise<void> {
    const { runId } = this.opts;
    let step = 0;
    let optimizer: tf.MomentumOptimizer | null = null;
    let meter: StepMeter | null = null;
    try {
      if (this.stateValue !== 'idle') throw new Error('a Trainer runs only once');
      const { config: c, model, train, test } = this.opts;
      const t0 = this.now();
      let pausedMs = 0;
      let firstStepMs = 0;
      this.stateValue = 'running';
      this.emit({ type: 'state', runId, state: 'running' });

      const stepsPerEpoch = train.numBatches;
      const totalSteps = Math.min(c.maxSteps ?? Infinity, c.epochs * stepsPerEpoch);
      if (totalSteps < 1) throw new Error('the training split yields no batch (check trainLimit and batchSize)');
      optimizer = tf.train.momentum(learningRateAt(c.schedule, c.learningRate, 0, totalSteps), c.momentum, true);
      const { vars, decayed } = trainableParams(model);
      meter = new StepMeter(this.now);
      let lastTest: EvalMetrics | null = null;
      const elapsed = () => this.now() - t0 - pausedMs;
      let lr = 0;
      let diverged: string | null = null;

      outer: for (let epoch = 0; epoch < c.epochs; epoch++) {
        if (step >= totalSteps || this.isStopping()) break;
        let stepsThisEpoch = 0;
        for (const batch of train.epoch(epoch)) {
          if (this.abortMessage !== null || step >= totalSteps || this.isStopping()) {
            tf.dispose([batch.xs, batch.labels]);
            this.throwIfAborted();
            break outer;
          }
          // One step: learning rate of this step, SGD update, device-side metrics.
          lr = learningRateAt(c.schedule, c.learningRate, step, totalSteps);
          optimizer.setLearningRate(lr);
          const [lossSum, correct] = sgdStep(model, vars, decayed, optimizer, batch, c, this.numClasses);
          tf.dispose([batch.xs, batch.labels]);
          meter.add(lossSum, correct, batch.size);
          step++;
          stepsThisEpoch++;

          if (step === 1 || step % c.readbackEvery === 0 || step === totalSteps || stepsThisEpoch === stepsPerEpoch) {
            const r = await meter.read();
            if (step === 1) firstStepMs = r.at - t0;
            diverged = lossDivergence(r.meanLoss, step, lr, c.momentum, this.numClasses);
            if (diverged) break outer;
            meter.commit();
            this.emit({
              type: 'step',
              runId,
              step,
              epoch,
              loss: r.meanLoss,
              accuracy: r.accuracy,
              learningRate: lr,
              imagesPerSecond: r.imagesPerSecond,
              elapsedMs: elapsed(),
            });
          }
          await yieldToEventLoop();
          const paused = await this.waitWhilePaused();
          pausedMs += paused;
          meter.paused(paused);
        }
        if (stepsThisEpoch === stepsPerEpoch && meter.hasEpochImages) {
          lastTest = await evaluate(model, test, c.flipTTA, this.numClasses);
          this.emit({
            type: 'epoch',
            runId,
            epoch,
            step,
            ...meter.takeEpoch(),
            test: lastTest,
            imagesPerSecond: meter.imagesPerSecond,
            elapsedMs: elapsed(),
          });
          pausedMs += await this.waitWhilePaused();
          meter.restartClock();
        }
      }
      this.throwIfAborted();
      const stopped = this.isStopping();
      // A run cut by maxSteps or stop mid-epoch gets a fresh evaluation.
      const finalTest =
        lastTest && step % stepsPerEpoch === 0 && !stopped && !diverged
          ? lastTest
          : await evaluate(model, test, c.flipTTA, this.numClasses);
      diverged ??= stopped ? null : testDivergence(finalTest, step, lr, c.momentum, this.numClasses);
      this.emit({
        type: 'done',
        runId,
        reason: diverged ? 'diverged' : stopped ? 'stopped' : 'completed',
        ...(diverged ? { message: diverged } : {}),
        step,
        test: finalTest,
        imagesPerSecond: meter.imagesPerSecond,
        elapsedMs: elapsed(),
        firstStepMs,
      });
    } catch (e) {
      const raw = e instanceof Error ? e.message : String(e);
      const { depth, batchSize } = this.opts.config;
      this.emit({
        type: 'error',
        runId,
        step,
        message: `Training failed at step ${step}: ${describeTrainingFailure(raw, { depth, batchSize })}`,
      });
    } finally {
      this.stateValue = 'finished';
      meter?.dispose();
      if (optimizer) disposeOptimizer(optimizer);
    }
  }
}
