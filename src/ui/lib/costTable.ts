/**
 * Per-layer cost rows for the cost panel: the counted conv/dense layers of a CostReport grouped
 * into octave layers (the H→H, H→L, L→H, L→L convs of one OctConv form one row), matched with the
 * same layer of the vanilla (α = 0) net. DOM-free.
 */
import type { CostReport, LayerCost } from '../../octconv/types';

/** One octave layer (or plain conv / dense layer) of the cost table. */
export interface CostRow {
  /** Layer name without the path suffix, e.g. 'stage1/block2/conv1'. */
  name: string;
  alphaIn: number | null;
  alphaOut: number | null;
  /** Multiply-adds for one image (sum over the layer's paths). */
  macs: number;
  /** Output elements for one image (sum over the paths' outputs, as counted). */
  activationElements: number;
  params: number;
  /** The same layer in the vanilla net, when it exists there. */
  vanillaMacs: number | null;
  vanillaActivationElements: number | null;
}

const PATH_SUFFIX = /\/(hh|hl|lh|ll)$/;

/** Strip the path suffix (…/hh) from a layer name. */
export function octaveLayerName(layer: LayerCost): string {
  return layer.path ? layer.name.replace(PATH_SUFFIX, '') : layer.name;
}

/** Conv and dense layers grouped by octave layer, in model order. */
export function groupLayers(report: CostReport): Map<string, Omit<CostRow, 'vanillaMacs' | 'vanillaActivationElements'>> {
  const out = new Map<string, Omit<CostRow, 'vanillaMacs' | 'vanillaActivationElements'>>();
  for (const l of report.layers) {
    if (l.kind !== 'conv' && l.kind !== 'dense') continue;
    const name = octaveLayerName(l);
    const row = out.get(name) ?? { name, alphaIn: l.alphaIn ?? null, alphaOut: l.alphaOut ?? null, macs: 0, activationElements: 0, params: 0 };
    row.macs += l.macs;
    row.activationElements += l.activationElements;
    row.params += l.params;
    out.set(name, row);
  }
  return out;
}

/**
 * The cost table of `report` against `vanilla` (the α = 0 report of the same depth/width).
 * Octave layers whose H→L and L→H paths sum into one output (e.g. the low branch written by
 * H→L and L→L) count each path's output; the ratio column compares like with like as long as
 * both reports come from the same counter.
 */
export function buildCostRows(report: CostReport, vanilla: CostReport | null): CostRow[] {
  const v = vanilla ? groupLayers(vanilla) : null;
  return [...groupLayers(report).values()].map((r) => {
    const m = v?.get(r.name);
    return { ...r, vanillaMacs: m ? m.macs : null, vanillaActivationElements: m ? m.activationElements : null };
  });
}
