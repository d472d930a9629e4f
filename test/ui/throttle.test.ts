import { describe, expect, it } from 'vitest';
import { createThrottle, type ThrottleClock } from '../../src/ui/lib/throttle';
import { CHART_MAX_REDRAWS_PER_SECOND, CHART_REDRAW_INTERVAL_MS } from '../../src/ui/lib/cadence';

/** A manual clock: timers fire when `advance` passes their due time. */
function manualClock() {
  let t = 0;
  let timers: { due: number; fn: () => void; live: boolean }[] = [];
  const clock: ThrottleClock = {
    now: () => t,
    schedule(fn, ms) {
      const timer = { due: t + ms, fn, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const next = timers.filter((x) => x.live && x.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      t = next.due;
      next.live = false;
      next.fn();
    }
    t = end;
    timers = timers.filter((x) => x.live);
  };
  return { clock, advance };
}

describe('createThrottle', () => {
  it('caps a 1 kHz event stream at the chart redraw rate and draws the last state', () => {
    const { clock, advance } = manualClock();
    let runs = 0;
    const th = createThrottle(() => runs++, CHART_REDRAW_INTERVAL_MS, clock);
    for (let ms = 0; ms < 2000; ms++) {
      th.call();
      advance(1);
    }
    advance(1000);
    // 2 s of events at ≤ 4/s: first call at t=0, then one run every 250 ms up to 2000 → 9 runs.
    expect(CHART_MAX_REDRAWS_PER_SECOND).toBe(4);
    expect(runs).toBe(9);
  });

  it('runs the first call at once and collapses calls inside the interval into one trailing run', () => {
    const { clock, advance } = manualClock();
    const times: number[] = [];
    const th = createThrottle(() => times.push(clock.now()), 100, clock);
    th.call();
    advance(10);
    th.call();
    th.call();
    advance(200);
    expect(times).toEqual([0, 100]);
  });

  it('flush runs a pending call now; cancel drops it', () => {
    const { clock, advance } = manualClock();
    let runs = 0;
    const th = createThrottle(() => runs++, 100, clock);
    th.call();
    th.call();
    th.flush();
    expect(runs).toBe(2);
    th.call();
    th.cancel();
    advance(500);
    expect(runs).toBe(2);
  });

  it('rejects a non-positive interval', () => {
    expect(() => createThrottle(() => {}, 0)).toThrow(/intervalMs must be a positive number/);
  });
});
