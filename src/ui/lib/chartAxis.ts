/**
 * The look shared by the numeric axes of the lab's charts (recharts props as plain objects):
 * round ticks from ./niceTicks, muted tick and label text, ticks with at most 3 significant digits.
 * DOM-free.
 */
import type { NiceAxis } from './niceTicks';

/** Colour of tick and axis-label text. */
const MUTED = 'var(--muted)';

/** Axis tick text: at most 3 significant digits ('' for a non-finite value). */
export const formatTick = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '');

/**
 * Props of a numeric recharts axis: the domain and ticks of `axis` (recharts' 'auto' domain
 * without one), muted tick text, and `tickFormatter` (default {@link formatTick}).
 */
export function numberAxis(axis: NiceAxis | undefined, tickFormatter: (v: number) => string = formatTick) {
  return {
    type: 'number' as const,
    domain: axis?.domain ?? (['auto', 'auto'] as const),
    ticks: axis?.ticks,
    tickFormatter,
    tick: { fill: MUTED },
  };
}

/** Props of the label under an x axis: `value`, inside the bottom margin, `offset` px from the axis. */
export function xAxisLabel(value: string, offset: number) {
  return { value, position: 'insideBottom' as const, offset, fill: MUTED };
}
