/**
 * The training loop (DESIGN §6): SGD with Nesterov momentum, weight decay on kernels, one-cycle or
 * warm-up + cosine LR, label smoothing, BatchNorm in training mode, device-side running metrics
 * read back every `readbackEvery` steps with `await data()`, pause/resume/stop at step
 * boundaries, divergence detection, per-epoch evaluation (optionally flip-TTA). DOM-free.
 * Events are plain objects ({@link TrainEvent}); no exception escapes {@link Trainer.run}.
 */
import * as tf from '@tensorflow/tfjs';
import { lossDivergence, testDivergence } from './divergence';
import { describeTrainingFailure } from './failure';
import { EvalAccumulator, logProbabilities } from './metrics';
import type { EvalMetrics, TrainConfig, TrainEvent } from './protocol';
import { learningRateAt } from './schedule';

/** One batch: images NHWC float32 [N, 32, 32, 3] (normalised), labels int32 [N]. */
export interface Batch {
  xs: tf.Tensor4D;
  labels: tf.Tensor1D;
  size: number;
}

/** A source of batches (src/data's createBatchStream). The trainer disposes each batch. */
export interface BatchSource {
  numBatches: number;
  epoch(e: number): Generator<Batch>;
}

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

/** Pending resolvers of {@link yieldToEventLoop} when it uses a MessageChannel. */
const yieldQueue: Array<() => void> = [];
let yieldChannel: MessageChannel | null = null;

/**
 * Yields to the event loop so pause/stop messages are handled between steps: setImmediate in
 * Node, else a MessageChannel (no 4 ms clamping of nested timers in browsers/workers).
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') return void setImmediate(resolve);
    if (typeof MessageChannel !== 'function') return void setTimeout(resolve, 0);
    if (!yieldChannel) {
      yieldChannel = new MessageChannel();
      yieldChannel.port1.onmessage = () => yieldQueue.shift()?.();
    }
    yieldQueue.push(resolve);
    yieldChannel.port2.postMessage(0);
  });
}

/**
 * Evaluates `model` on every batch of `test`: loss (cross-entropy without smoothing), top-1,
 * top-5, per-class accuracy, confusion matrix. With `flipTTA` the softmax of each image and of
 * its horizontal mirror (NHWC axis 2) are averaged. One readback at the end; no tensors leak.
 */
export async function evaluate(
  model: tf.LayersModel,
  test: BatchSource,
  flipTTA: boolean,
  numClasses = 10,
): Promise<EvalMetrics> {
  const acc = new EvalAccumulator(numClasses);
  try {
    for (const batch of test.epoch(0)) {
      try {
        const logProbs = tf.tidy(() => {
          const logits = model.apply(batch.xs, { training: false }) as tf.Tensor2D;
          const flipped = flipTTA
            ? (model.apply(tf.reverse(batch.xs, 2), { training: false }) as tf.Tensor2D)
            : undefined;
          return logProbabilities(logits, flipped);
        });
        acc.add(logProbs, batch.labels);
        logProbs.dispose();
      } finally {
        tf.dispose([batch.xs, batch.labels]);
      }
    }
    return await acc.result();
  } finally {
    acc.dispose();
  }
}

/**
 * One SGD step on `batch` (BatchNorm in training mode): softmax cross-entropy with label
 * smoothing on the logits [N, K], gradients of the trainable variables, weight decay added to the
 * gradients of conv/dense kernels (g ← g + wd·w, as SGD's weight_decay), then the Nesterov
 * momentum update. Returns device scalars: the summed loss (mean × N) and the correct count.
 */
export function sgdStep(
  model: tf.LayersModel,
  vars: tf.Variable[],
  decayed: ReadonlySet<string>,
  optimizer: tf.MomentumOptimizer,
  batch: Batch,
  c: TrainConfig,
  numClasses: number,
): [tf.Scalar, tf.Scalar] {
  return tf.tidy(() => {
    let correct: tf.Scalar | null = null;
    const labels = tf.cast(batch.labels, 'int32');
    const { value, grads } = tf.variableGrads(() => {
      const logits = model.apply(batch.xs, { training: true }) as tf.Tensor2D;
      // Kept out of the tape's tidy; it is not on the loss path, so it gets no gradient.
      correct = tf.keep(tf.sum<tf.Tensor>(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'))) as tf.Scalar;
      const onehot = tf.oneHot(labels, numClasses);
      return tf.losses.softmaxCrossEntropy(onehot, logits, undefined, c.labelSmoothing) as unknown as tf.Scalar;
    }, vars);
    const named = vars.map((v) => {
      const g = grads[v.name];
      return { name: v.name, tensor: decayed.has(v.name) && c.weightDecay > 0 ? tf.add(g, tf.mul(v, c.weightDecay)) : g };
    });
    optimizer.applyGradients(named);
    return [tf.mul(value, batch.size) as tf.Scalar, correct as unknown as tf.Scalar];
  });
}

/**
 * The variables SGD updates and the names of those that get weight decay (conv/dense kernels:
 * rank ≥ 2; not BatchNorm γ/β or biases).
 */
export function trainableParams(model: tf.LayersModel): { vars: tf.Variable[]; decayed: ReadonlySet<string> } {
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return { vars, decayed: new Set(vars.filter((v) => v.shape.length >= 2).map((v) => v.name)) };
}

/** Disposes a MomentumOptimizer fully (TFJS-NOTES bug 4: its dispose() leaves the lr scalar). */
function disposeOptimizer(opt: tf.MomentumOptimizer): void {
  opt.dispose();
  (opt as unknown as { c?: tf.Tensor }).c?.dispose();
}

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
    let lossAcc: tf.Scalar | null = null;
    let correctAcc: tf.Scalar | null = null;
    try {
      if (this.stateValue !== 'idle') throw new Error('a Trainer runs only once');
      const { config: c, model, train, test } = this.opts;
      const t0 = this.now();
      let pausedMs = 0;
      let trainMs = 0; // wall time in training steps (excludes evaluation and pauses)
      let trainImages = 0;
      let firstStepMs = 0;
      this.stateValue = 'running';
      this.emit({ type: 'state', runId, state: 'running' });

      const stepsPerEpoch = train.numBatches;
      const totalSteps = Math.min(c.maxSteps ?? Infinity, c.epochs * stepsPerEpoch);
      if (totalSteps < 1) throw new Error('the training split yields no batch (check trainLimit and batchSize)');
      optimizer = tf.train.momentum(learningRateAt(c.schedule, c.learningRate, 0, totalSteps), c.momentum, true);
      const { vars, decayed } = trainableParams(model);
      lossAcc = tf.scalar(0);
      correctAcc = tf.scalar(0);
      let windowImages = 0;
      let windowStart = this.now();
      let epochLoss = 0;
      let epochCorrect = 0;
      let epochImages = 0;
      let lastTest: EvalMetrics | null = null;
      const elapsed = () => this.now() - t0 - pausedMs;
      let lr = 0;
      let diverged: string | null = null;

      outer: for (let epoch = 0; epoch < c.epochs; epoch++) {
        if (step >= totalSteps || this.isStopping()) break;
        let stepsThisEpoch = 0;
        for (const batch of train.epoch(epoch)) {
          if (this.abortMessage !== null) tf.dispose([batch.xs, batch.labels]);
          this.throwIfAborted();
          if (step >= totalSteps || this.isStopping()) {
            tf.dispose([batch.xs, batch.labels]);
            break outer;
          }
          lr = learningRateAt(c.schedule, c.learningRate, step, totalSteps);
          optimizer.setLearningRate(lr);
          const [lossSum, correct] = sgdStep(model, vars, decayed, optimizer, batch, c, this.numClasses);
          tf.dispose([batch.xs, batch.labels]);
          const nextLoss = tf.add(lossAcc, lossSum) as tf.Scalar;
          const nextCorrect = tf.add(correctAcc, correct) as tf.Scalar;
          tf.dispose([lossAcc, correctAcc, lossSum, correct]);
          lossAcc = nextLoss;
          correctAcc = nextCorrect;
          step++;
          stepsThisEpoch++;
          windowImages += batch.size;

          const endOfEpoch = stepsThisEpoch === stepsPerEpoch;
          if (step === 1 || step % c.readbackEvery === 0 || step === totalSteps || endOfEpoch) {
            const [l, a] = await Promise.all([lossAcc.data(), correctAcc.data()]);
            const tEnd = this.now();
            if (step === 1) firstStepMs = tEnd - t0;
            trainMs += tEnd - windowStart;
            trainImages += windowImages;
            const meanLoss = l[0] / windowImages;
            diverged = lossDivergence(meanLoss, step, lr, c.momentum, this.numClasses);
            if (diverged) break outer;
            epochLoss += l[0];
            epochCorrect += a[0];
            epochImages += windowImages;
            this.emit({
              type: 'step',
              runId,
              step,
              epoch,
              loss: meanLoss,
              accuracy: a[0] / windowImages,
              learningRate: lr,
              imagesPerSecond: (windowImages / Math.max(1e-9, tEnd - windowStart)) * 1000,
              elapsedMs: elapsed(),
            });
            tf.dispose([lossAcc, correctAcc]);
            lossAcc = tf.scalar(0);
            correctAcc = tf.scalar(0);
            windowImages = 0;
          }
          await yieldToEventLoop();
          const paused = await this.waitWhilePaused();
          pausedMs += paused;
          windowStart = windowImages === 0 ? this.now() : windowStart + paused;
        }
        if (stepsThisEpoch === stepsPerEpoch && epochImages > 0) {
          lastTest = await evaluate(model, test, c.flipTTA, this.numClasses);
          this.emit({
            type: 'epoch',
            runId,
            epoch,
            step,
            trainLoss: epochLoss / epochImages,
            trainAccuracy: epochCorrect / epochImages,
            test: lastTest,
            imagesPerSecond: (trainImages / Math.max(1e-9, trainMs)) * 1000,
            elapsedMs: elapsed(),
          });
          epochLoss = epochCorrect = epochImages = 0;
          pausedMs += await this.waitWhilePaused();
          windowStart = this.now();
        }
      }
      this.throwIfAborted();
      const stopped = this.isStopping();
      // A run cut by maxSteps or stop mid-epoch gets a fresh evaluation.
      const finalTest = lastTest && step % stepsPerEpoch === 0 && !stopped && !diverged ? lastTest : await evaluate(model, test, c.flipTTA, this.numClasses);
      diverged ??= stopped ? null : testDivergence(finalTest, step, lr, c.momentum, this.numClasses);
      this.emit({
        type: 'done',
        runId,
        reason: diverged ? 'diverged' : stopped ? 'stopped' : 'completed',
        ...(diverged ? { message: diverged } : {}),
        step,
        test: finalTest,
        imagesPerSecond: (trainImages / Math.max(1e-9, trainMs)) * 1000,
        elapsedMs: elapsed(),
        firstStepMs,
      });
    } catch (e) {
      const raw = e instanceof Error ? e.message : String(e);
      const { depth, batchSize } = this.opts.config;
      this.emit({ type: 'error', runId, step, message: `Training failed at step ${step}: ${describeTrainingFailure(raw, { depth, batchSize })}` });
    } finally {
      this.stateValue = 'finished';
      tf.dispose([lossAcc, correctAcc].filter((t): t is tf.Scalar => t !== null));
      if (optimizer) disposeOptimizer(optimizer);
    }
  }
}
