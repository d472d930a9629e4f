/**
 * One colour scale for two runs shown side by side: per branch (high, low), the union of both
 * runs' value ranges of the chosen layer's feature maps, and of their log-magnitude spectra, so
 * equal colours mean equal values in both columns. Plain TypeScript, no DOM.
 */
import type { LayerActivations } from '../../train/protocol';
import { valueRange, type ValueRange } from './render';

/** Shared ranges per branch: feature maps and spectra; null where neither run has that branch. */
export interface SharedScale {
  maps: { high: ValueRange | null; low: ValueRange | null };
  spectra: { high: ValueRange | null; low: ValueRange | null };
}

/** Union of ranges (null entries skipped); null when none. */
export function unionRange(ranges: readonly (ValueRange | null)[]): ValueRange | null {
  const real = ranges.filter((r): r is ValueRange => r !== null);
  if (!real.length) return null;
  return { min: Math.min(...real.map((r) => r.min)), max: Math.max(...real.map((r) => r.max)) };
}

/**
 * The shared scale of one layer across runs (`undefined` = that run lacks the layer): for each
 * branch, the union of the runs' map ranges (all channels, non-finite values skipped, as
 * {@link valueRange}) and of their spectra's log(1+|F|) ranges.
 */
export function sharedScale(layers: readonly (LayerActivations | undefined)[]): SharedScale {
  const of = (branch: 'high' | 'low') => ({
    map: unionRange(layers.map((l) => (l?.[branch] ? valueRange(l[branch]!) : null))),
    spectrum: unionRange(
      layers.map((l) => {
        const s = l?.spectra?.[branch];
        return s ? valueRange({ height: s.height, width: s.width, channels: 1, data: s.logMagnitude }) : null;
      }),
    ),
  });
  const high = of('high');
  const low = of('low');
  return { maps: { high: high.map, low: low.map }, spectra: { high: high.spectrum, low: low.spectrum } };
}
