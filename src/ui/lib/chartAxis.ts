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

/** Percent tick with a no-break space (recharts wraps tick text at spaces); '' for a non-finite value. */
export const formatPercentTick = (v: number): string => (Number.isFinite(v) ? `${Math.round(v)}\u00a0%` : '');

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

/**
 * Props of the title of a y axis: `value` turned by −90°, centred on its own x near the outer
 * edge of the axis box, so it keeps clear of tick text that ends at the inner edge (give the axis
 * a width of tick text + about 24 px).
 */
export function yAxisLabel(value: string) {
  return { value, angle: -90, position: 'insideLeft' as const, offset: 4, fill: MUTED, style: { textAnchor: 'middle' as const } };
}
