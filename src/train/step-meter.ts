/**
 * Running training metrics of a {@link Trainer}: the summed loss and correct count stay on the
 * device between readbacks (one `await data()` every few steps, docs/architecture.md §6), and the
 * wall time spent in training steps (pauses and evaluations excluded) gives images/s.
 */
import * as tf from '@tensorflow/tfjs';

/** What one readback window measured. */
export interface WindowReading {
  /** Mean train loss over the window's images. */
  meanLoss: number;
  /** Train top-1 over the window, in [0, 1]. */
  accuracy: number;
  /** Images per second over the window's training time. */
  imagesPerSecond: number;
  /** Clock (ms) when the readback finished. */
  at: number;
}

/** See the file comment. Call {@link dispose} when the run ends. */
export class StepMeter {
  private loss: tf.Scalar = tf.scalar(0);
  private correct: tf.Scalar = tf.scalar(0);
  private windowImages = 0;
  private windowStart: number;
  private pending: { loss: number; correct: number; images: number } | null = null;
  private trainMs = 0;
  private trainImages = 0;
  private epochLoss = 0;
  private epochCorrect = 0;
  private epochImages = 0;

  /** @param now the clock in ms. */
  constructor(private readonly now: () => number) {
    this.windowStart = now();
  }

  /** Adds one step's device scalars (summed loss, correct count; both disposed here) for `images` images. */
  add(lossSum: tf.Scalar, correct: tf.Scalar, images: number): void {
    const nextLoss = tf.add(this.loss, lossSum) as tf.Scalar;
    const nextCorrect = tf.add(this.correct, correct) as tf.Scalar;
    tf.dispose([this.loss, this.correct, lossSum, correct]);
    this.loss = nextLoss;
    this.correct = nextCorrect;
    this.windowImages += images;
  }

  /** Reads the window back from the device and counts its time as training time. */
  async read(): Promise<WindowReading> {
    const [l, a] = await Promise.all([this.loss.data(), this.correct.data()]);
    const at = this.now();
    const ms = at - this.windowStart;
    this.trainMs += ms;
    this.trainImages += this.windowImages;
    this.pending = { loss: l[0], correct: a[0], images: this.windowImages };
    return {
      meanLoss: l[0] / this.windowImages,
      accuracy: a[0] / this.windowImages,
      imagesPerSecond: (this.windowImages / Math.max(1e-9, ms)) * 1000,
      at,
    };
  }

  /** Adds the last read window to the epoch's sums and starts a new window on the device. */
  commit(): void {
    if (this.pending) {
      this.epochLoss += this.pending.loss;
      this.epochCorrect += this.pending.correct;
      this.epochImages += this.pending.images;
      this.pending = null;
    }
    tf.dispose([this.loss, this.correct]);
    this.loss = tf.scalar(0);
    this.correct = tf.scalar(0);
    this.windowImages = 0;
  }

  /** A pause of `ms` ended: it does not count as training time. */
  paused(ms: number): void {
    this.windowStart = this.windowImages === 0 ? this.now() : this.windowStart + ms;
  }

  /** Restarts the window clock (after an evaluation). */
  restartClock(): void {
    this.windowStart = this.now();
  }

  /** True when the epoch has read-back images. */
  get hasEpochImages(): boolean {
    return this.epochImages > 0;
  }

  /** The epoch's mean train loss and top-1, then resets the epoch sums. */
  takeEpoch(): { trainLoss: number; trainAccuracy: number } {
    const r = { trainLoss: this.epochLoss / this.epochImages, trainAccuracy: this.epochCorrect / this.epochImages };
    this.epochLoss = this.epochCorrect = this.epochImages = 0;
    return r;
  }

  /** Images per second over all training time so far. */
  get imagesPerSecond(): number {
    return (this.trainImages / Math.max(1e-9, this.trainMs)) * 1000;
  }

  /** Frees the device scalars. */
  dispose(): void {
    tf.dispose([this.loss, this.correct]);
  }
}
