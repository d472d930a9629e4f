/**
 * How much larger chart text is than at the page's normal size (1 normally; the presenter
 * mode's 24 px over the 15 px body = 1.6). Charts scale the room they leave for ticks and axis
 * labels by it (recharts lays out axis widths in px, so the CSS font size alone would clip them).
 * One page-wide value, set by the page (useChartScaleFor) and read by every chart.
 */
import { useEffect, useSyncExternalStore } from 'react';

/** Chart text scale in presenter mode: 24 px type over the 15 px body. */
export const PRESENTER_CHART_SCALE = 24 / 15;

let current = 1;
const listeners = new Set<() => void>();

/** Sets the page's chart text scale while the calling component is mounted (the page calls it once). */
export function useChartScaleFor(scale: number): void {
  useEffect(() => {
    current = scale;
    listeners.forEach((fn) => fn());
  }, [scale]);
}

/** The current chart text scale; `px(n)` rounds n × scale (axis widths, margins, offsets in px). */
export function useChartScale(): { scale: number; px(n: number): number } {
  const scale = useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    () => current,
    () => 1, // server rendering (tests): normal size
  );
  return { scale, px: (n: number) => Math.round(n * scale) };
}
