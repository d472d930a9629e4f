/**
 * A queue of training runs over a fixed number of slots (Web Workers in the page, child processes
 * in the CLI), with progress and the time estimates the page shows. Pure: no timers, no I/O; the
 * caller starts what {@link RunQueue.assign} hands out and reports back.
 */

/** A run waiting for, or holding, a slot. */
export interface QueuedItem<T> {
  id: string;
  payload: T;
  /** Planned training steps. */
  totalSteps: number;
}

/** A run holding a slot, with its latest progress. */
export interface RunningItem<T> extends QueuedItem<T> {
  slot: number;
  step: number;
  /** Training time so far (ms), as the trainer measures it. */
  elapsedMs: number;
}

/** Time estimates (ms); null where no step time has been measured yet. */
export interface QueueEta {
  /** Per running run: remaining training time at its own measured ms/step. */
  running: Map<string, number | null>;
  /** Until the whole queue is done, if every slot keeps running at the measured speed. */
  totalMs: number | null;
  /** ms per step used for runs that have not started (mean of the measured ones). */
  msPerStep: number | null;
}

/** Measured ms per step of a running run, or null before its first readback. */
function msPerStep(r: RunningItem<unknown>): number | null {
  return r.step > 0 && r.elapsedMs > 0 ? r.elapsedMs / r.step : null;
}

/** See the file comment. */
export class RunQueue<T> {
  private readonly waiting: QueuedItem<T>[] = [];
  private readonly active = new Map<string, RunningItem<T>>();
  /** ms/step of finished runs (the estimate for runs not started yet). */
  private readonly finishedRates: number[] = [];

  /** @param slots how many runs may run at once (≥ 1). @throws Error otherwise. */
  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error(`a run queue needs ≥ 1 slot (got ${slots})`);
  }

  /** Runs waiting, in order. */
  get queued(): readonly QueuedItem<T>[] {
    return this.waiting;
  }

  /** Runs holding a slot, by slot. */
  get running(): RunningItem<T>[] {
    return [...this.active.values()].sort((a, b) => a.slot - b.slot);
  }

  /** True when nothing waits and nothing runs. */
  get idle(): boolean {
    return this.waiting.length === 0 && this.active.size === 0;
  }

  /** Appends runs. @throws Error on an id already queued or running. */
  enqueue(items: readonly QueuedItem<T>[]): void {
    for (const it of items) {
      if (this.active.has(it.id) || this.waiting.some((w) => w.id === it.id))
        throw new Error(`run ${it.id} is already in the queue`);
      this.waiting.push({ ...it });
    }
  }

  /**
   * Hands the next waiting runs to free slots (lowest slot first); `freeSlots` limits which slots
   * may be used (e.g. those whose worker is ready). Returns what the caller must now start.
   */
  assign(freeSlots?: readonly number[]): RunningItem<T>[] {
    const busy = new Set([...this.active.values()].map((r) => r.slot));
    const candidates = (freeSlots ?? Array.from({ length: this.slots }, (_, i) => i)).filter(
      (s) => s >= 0 && s < this.slots && !busy.has(s),
    );
    const out: RunningItem<T>[] = [];
    for (const slot of candidates) {
      const next = this.waiting.shift();
      if (!next) break;
      const run: RunningItem<T> = { ...next, slot, step: 0, elapsedMs: 0 };
      this.active.set(run.id, run);
      out.push(run);
    }
    return out;
  }

  /** Records a running run's progress (ignored for unknown ids). */
  progress(id: string, step: number, elapsedMs: number): void {
    const r = this.active.get(id);
    if (r) Object.assign(r, { step, elapsedMs });
  }

  /** Frees a run's slot (ignored for unknown ids); its ms/step feeds the estimates. */
  finish(id: string): void {
    const r = this.active.get(id);
    if (!r) return;
    const rate = msPerStep(r);
    if (rate !== null) this.finishedRates.push(rate);
    this.active.delete(id);
  }

  /** Drops waiting runs (all when `ids` is omitted); returns the dropped ids. */
  drop(ids?: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (!ids || ids.includes(this.waiting[i].id)) out.unshift(...this.waiting.splice(i, 1).map((w) => w.id));
    }
    return out;
  }

  /**
   * Estimates: each running run's remaining time at its own ms/step; the queue's total by list
   * scheduling — each waiting run, in order, goes to the slot that frees first and takes
   * totalSteps × (mean measured ms/step).
   */
  eta(): QueueEta {
    const running = new Map<string, number | null>();
    const rates: number[] = [...this.finishedRates];
    for (const r of this.active.values()) {
      const rate = msPerStep(r);
      if (rate !== null) rates.push(rate);
      running.set(r.id, rate === null ? null : Math.max(0, r.totalSteps - r.step) * rate);
    }
    const mean = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
    if (mean === null) return { running, totalMs: this.idle ? 0 : null, msPerStep: null };
    const free = Array.from({ length: this.slots }, () => 0);
    for (const r of this.active.values()) free[r.slot] = running.get(r.id) ?? r.totalSteps * mean;
    for (const w of this.waiting) {
      const k = free.indexOf(Math.min(...free));
      free[k] += w.totalSteps * mean;
    }
    return { running, totalMs: Math.max(...free), msPerStep: mean };
  }
}
