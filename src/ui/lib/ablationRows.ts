/**
 * Rows of the branch-ablation view: which top-1 belongs to which bar. A layer with only one
 * branch (α_out = 0: no low branch; α_out = 1: no high branch) has its whole output replaced
 * when that branch is, so its value is a "whole output → mean" bar, not a branch bar. DOM-free.
 */
import type { AblationResult } from '../../frequency/types';

/** One bar group: top-1 values in [0, 1], null where the bar does not apply. */
export interface AblationRow {
  /** Layer name, or null for the row of all octave layers that have both branches. */
  layer: string | null;
  /** α_in, α_out of the layer; null for the all-layers row. */
  alphaIn: number | null;
  alphaOut: number | null;
  /** Unablated top-1 (the same for every row). */
  none: number;
  /** Low branch → mean, in a layer that also has a high branch. */
  dropLow: number | null;
  /** High branch → mean, in a layer that also has a low branch. */
  dropHigh: number | null;
  /** The layer's only branch → mean: its whole output replaced. */
  dropWhole: number | null;
}

/**
 * The all-layers row, then one row per octave layer in network order (paper §3.1: α_out is the
 * low-frequency share of the layer's output channels).
 */
export function ablationRows(a: AblationResult): AblationRow[] {
  const all: AblationRow = {
    layer: null,
    alphaIn: null,
    alphaOut: null,
    none: a.top1,
    dropLow: a.dropLow,
    dropHigh: a.dropHigh,
    dropWhole: null,
  };
  return [
    all,
    ...a.perLayer.map((l) => {
      const both = l.dropLow !== null && l.dropHigh !== null;
      return {
        layer: l.layer,
        alphaIn: l.alphaIn,
        alphaOut: l.alphaOut,
        none: a.top1,
        dropLow: both ? l.dropLow : null,
        dropHigh: both ? l.dropHigh : null,
        dropWhole: both ? null : (l.dropLow ?? l.dropHigh),
      };
    }),
  ];
}
