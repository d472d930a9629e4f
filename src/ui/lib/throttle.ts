/**
 * A trailing-edge throttle with an injectable clock (DOM-free, unit-tested in Node).
 * Used to cap chart redraws at {@link CHART_REDRAW_INTERVAL_MS} while events stream in.
 */

/** Clock and timer used by {@link createThrottle}; defaults to performance.now/setTimeout. */
export interface ThrottleClock {
  /** Current time (ms). */
  now(): number;
  /** Call `fn` after `ms` milliseconds; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
}

/** The default clock: `performance.now()` and `setTimeout`. */
export const SYSTEM_CLOCK: ThrottleClock = {
  now: () => performance.now(),
  schedule: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** A throttled function: `call()` requests a run, `flush()` runs a pending call now, `cancel()` drops it. */
export interface Throttled {
  call(): void;
  flush(): void;
  cancel(): void;
}

/**
 * Wrap `fn` so that it runs at most once per `intervalMs`: the first call runs at once, calls
 * within the interval collapse into one trailing run at the interval's end (so the last state is
 * always drawn).
 * @param fn the work (e.g. a React state bump that redraws the charts).
 * @param intervalMs minimum spacing between runs (ms), > 0.
 * @throws Error when intervalMs is not a positive finite number.
 */
export function createThrottle(fn: () => void, intervalMs: number, clock: ThrottleClock = SYSTEM_CLOCK): Throttled {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new Error(`createThrottle: intervalMs must be a positive number of milliseconds, got ${intervalMs}`);
  }
  let last = -Infinity;
  let cancelTimer: (() => void) | null = null;
  const run = () => {
    cancelTimer = null;
    last = clock.now();
    fn();
  };
  return {
    call() {
      if (cancelTimer) return; // a trailing run is already scheduled
      const wait = last + intervalMs - clock.now();
      if (wait <= 0) run();
      else cancelTimer = clock.schedule(run, wait);
    },
    flush() {
      if (!cancelTimer) return;
      cancelTimer();
      run();
    },
    cancel() {
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
