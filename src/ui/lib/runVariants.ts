/**
 * Runs that share an α but differ in another setting (depth, learning rate, seed, …) share a
 * colour (colour = α), so they get a variant index — a line style and a marker — and a label
 * naming what differs among the runs of that α (e.g. "R20, lr 0.1" vs "R8, lr 0.05"). DOM-free.
 */
import type { TrainConfig } from '../../train/protocol';
import { differingLabels } from './runStats';

/** Settings that never tell two runs of one α apart (α is the colour; readback is cadence). */
const NOT_VARIANT: ReadonlySet<keyof TrainConfig> = new Set(['alpha', 'readbackEvery']);

/** Variant of one run among the runs of its α. */
export interface RunVariant {
  /** 0 for the first setting seen at this α, 1 for the next distinct one, …; 0 when alone. */
  index: number;
  /** What differs from the other runs of the same α ("seed 2", "R20, lr 0.1"); "" when none. */
  label: string;
}

/**
 * Variant of each run (by id): runs are grouped by α; within a group, the config fields that
 * take more than one value (α and readbackEvery excepted) name each run's variant, and each
 * distinct label gets the next index in order of first appearance. Runs identical in all those
 * fields share a variant.
 */
export function runVariants(runs: readonly { id: string; config: TrainConfig }[]): Map<string, RunVariant> {
  const byAlpha = new Map<number, { id: string; config: TrainConfig }[]>();
  for (const r of runs) byAlpha.set(r.config.alpha, [...(byAlpha.get(r.config.alpha) ?? []), r]);
  const out = new Map<string, RunVariant>();
  for (const group of byAlpha.values()) {
    const labels = differingLabels(
      group.map((r) => r.config),
      NOT_VARIANT,
    );
    const order: string[] = [];
    group.forEach((r, i) => {
      if (!order.includes(labels[i])) order.push(labels[i]);
      out.set(r.id, { index: order.indexOf(labels[i]), label: labels[i] });
    });
  }
  return out;
}

/** Line dash patterns of the variants (SVG strokeDasharray; '' = solid), cycled past the end. */
export const VARIANT_DASHES: readonly string[] = ['', '10 3 2 3', '2 3', '14 4 2 4 2 4'];
/** Marker shapes of the variants (recharts Scatter shapes), cycled past the end. */
export const VARIANT_MARKERS = ['circle', 'square', 'triangle', 'star', 'cross', 'wye'] as const;
/** Marker glyphs matching {@link VARIANT_MARKERS}, for legends written in text. */
export const VARIANT_GLYPHS: readonly string[] = ['●', '■', '▲', '★', '✚', 'Y'];

/** Dash pattern of variant `index` (cycled). */
export function variantDash(index: number): string {
  return VARIANT_DASHES[index % VARIANT_DASHES.length];
}

/** Marker shape of variant `index` (cycled). */
export function variantMarker(index: number): (typeof VARIANT_MARKERS)[number] {
  return VARIANT_MARKERS[index % VARIANT_MARKERS.length];
}
