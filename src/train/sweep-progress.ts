/**
 * Progress bars of `npm run sweep` on stderr (cli-progress): one bar per job slot ("step k / N",
 * loss, img/s, ETA of that run) and one for the queue (runs done, total ETA of the sweep from the
 * measured step times, src/train/run-queue.ts). Node-only.
 */
import cliProgress from 'cli-progress';
import { formatDuration } from './duration';
import type { TrainEvent } from './protocol';
import type { QueueEta, RunningItem } from './run-queue';
import type { SweepJob, SweepObserver } from './sweep-runner';
import { longSweepWarning, PROBE_STEPS } from './sweep-warning';

/** A MultiBar bound to a sweep of `total` runs on `slots` slots; pass `observer` to the runner. */
export class SweepProgress {
  private readonly multi: cliProgress.MultiBar;
  private readonly queueBar: cliProgress.SingleBar;
  private readonly bars = new Map<number, cliProgress.SingleBar>();
  private readonly t0 = Date.now();
  /** Whether the long-sweep warning was checked (once, after the probe steps). */
  private warned = false;

  /** @param total runs in the sweep (this shard). */
  constructor(total: number) {
    this.multi = new cliProgress.MultiBar(
      {
        format: '{label} [{bar}] {value}/{total} | {info}',
        stream: process.stderr,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 30_000,
      },
      cliProgress.Presets.shades_classic,
    );
    this.queueBar = this.multi.create(total, 0, { label: 'sweep runs    ', info: 'total ETA ?' });
  }

  /** Callbacks for {@link runSweepJobs}. */
  readonly observer: SweepObserver = {
    onStart: (run: RunningItem<SweepJob>) => {
      const label = `job ${run.slot + 1} α=${run.payload.config.alpha} seed ${run.payload.config.seed}`;
      let bar = this.bars.get(run.slot);
      if (!bar) {
        bar = this.multi.create(run.totalSteps, 0, { label, info: 'starting' });
        this.bars.set(run.slot, bar);
      } else bar.start(run.totalSteps, 0, { label, info: 'starting' });
    },
    onEvent: (run: RunningItem<SweepJob>, e: TrainEvent, eta: QueueEta) => {
      const bar = this.bars.get(run.slot);
      if (!bar || (e.type !== 'step' && e.type !== 'epoch')) return;
      const left = eta.running.get(run.id) ?? null;
      const what =
        e.type === 'step'
          ? `loss ${e.loss.toFixed(3)} | ${e.imagesPerSecond.toFixed(0)} img/s`
          : `epoch ${e.epoch + 1}: test top-1 ${(100 * e.test.top1).toFixed(2)}%`;
      bar.update(e.step, { info: `${what} | elapsed ${formatDuration(e.elapsedMs)} | ETA ${formatDuration(left)}` });
      if (!this.warned && e.type === 'step') {
        const warning = longSweepWarning(e.step, Date.now() - this.t0, eta.totalMs, eta.msPerStep);
        // Decided once, at the first step past the probe with an estimate.
        this.warned = e.step >= PROBE_STEPS && eta.totalMs !== null;
        if (warning) this.multi.log(`${warning}\n`);
      }
      this.queueBar.update({
        info: `elapsed ${formatDuration(Date.now() - this.t0)} | total ETA ${formatDuration(eta.totalMs)}`,
      });
    },
    onFinish: (_run, _record, eta: QueueEta, done: number) => {
      this.queueBar.update(done, {
        info: `elapsed ${formatDuration(Date.now() - this.t0)} | total ETA ${formatDuration(eta.totalMs)}`,
      });
    },
  };

  /** Stops every bar. */
  stop(): void {
    this.multi.stop();
  }
}
