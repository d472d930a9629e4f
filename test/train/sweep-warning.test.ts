/** The CLI's long-sweep warning: only past the probe steps, only over the limit, with the measured figures. */
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/train/duration';
import { LONG_SWEEP_MS, longSweepWarning, PROBE_STEPS } from '../../src/train/sweep-warning';

describe('longSweepWarning', () => {
  it('waits for the probe steps and an estimate', () => {
    expect(longSweepWarning(PROBE_STEPS - 1, 1000, 3_600_000, 400)).toBeNull();
    expect(longSweepWarning(PROBE_STEPS, 1000, null, null)).toBeNull();
  });
  it('is silent up to the limit, and states total and step time beyond it', () => {
    expect(longSweepWarning(PROBE_STEPS, 60_000, LONG_SWEEP_MS - 60_000, 400)).toBeNull();
    const w = longSweepWarning(PROBE_STEPS, 60_000, LONG_SWEEP_MS, 420);
    // 1 min elapsed + 10 min left = 11 min in all.
    expect(w).toBe(
      'warning: at the measured 0.42 s/step this sweep will take about 11 min 00 s (over 10 min 00 s); ' +
        'press Ctrl-C now to stop, or lower --max-steps, --seeds or the α list, or add --jobs',
    );
    expect(longSweepWarning(PROBE_STEPS, 0, 61_000, 100, 60_000)).toMatch(/about 1 min 01 s \(over 1 min 00 s\)/);
  });
  it('formats durations', () => {
    expect([formatDuration(null), formatDuration(42_000), formatDuration(185_000), formatDuration(3_720_000)]).toEqual([
      '?',
      '42 s',
      '3 min 05 s',
      '1 h 02 min',
    ]);
  });
});
