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
  /**
   * Elements of the layer's output tensors for one image: the high branch (written by the H→H and
   * L→H paths, summed into one tensor) plus the low branch (H→L + L→L), each counted once.
   */
  activationElements: number;
  params: number;
  /**
   * 2 when the layer halves the resolution (its L→H conv writes the high output's size directly,
   * no upsampling), 1 when it keeps it (L→H is half the H→H size, then upsampled); null when the
   * layer lacks the H→H or L→H path (the MACs ratio then does not depend on the stride).
   */
  stride: 1 | 2 | null;
  /** The same layer in the vanilla net, when it exists there. */
  vanillaMacs: number | null;
  vanillaActivationElements: number | null;
}

const PATH_SUFFIX = /\/(hh|hl|lh|ll)$/;

/** Strip the path suffix (…/hh) from a layer name. */
export function octaveLayerName(layer: LayerCost): string {
  return layer.path ? layer.name.replace(PATH_SUFFIX, '') : layer.name;
}

/** Output branch a path writes: H→H and L→H write the high output, H→L and L→L the low one. */
function outputBranch(l: LayerCost): 'high' | 'low' {
  return l.path === 'hl' || l.path === 'll' ? 'low' : 'high';
}

type GroupedRow = Omit<CostRow, 'vanillaMacs' | 'vanillaActivationElements'>;

/**
 * Conv and dense layers grouped by octave layer, in model order. MACs and params are summed over
 * the paths; the activation memory is the layer's output (paper Table 1 memory: one high and one
 * low tensor), i.e. per output branch the largest path output, since the paths' outputs are added.
 */
export function groupLayers(report: CostReport): Map<string, GroupedRow> {
  const out = new Map<string, GroupedRow & { branch: { high: number; low: number }; heights: { hh?: number; lh?: number } }>();
  for (const l of report.layers) {
    if (l.kind !== 'conv' && l.kind !== 'dense') continue;
    const name = octaveLayerName(l);
    const row = out.get(name) ?? {
      name,
      alphaIn: l.alphaIn ?? null,
      alphaOut: l.alphaOut ?? null,
      macs: 0,
      activationElements: 0,
      params: 0,
      stride: null,
      branch: { high: 0, low: 0 },
      heights: {},
    };
    row.macs += l.macs;
    row.params += l.params;
    const b = outputBranch(l);
    row.branch[b] = Math.max(row.branch[b], l.activationElements);
    row.activationElements = row.branch.high + row.branch.low;
    if (l.path === 'hh' || l.path === 'lh') row.heights[l.path] = l.outputShape[0];
    if (row.heights.hh !== undefined && row.heights.lh !== undefined) row.stride = row.heights.lh === row.heights.hh ? 2 : 1;
    out.set(name, row);
  }
  return new Map([...out].map(([k, { branch: _branch, heights: _heights, ...row }]) => [k, row]));
}

/**
 * The cost table of `report` against `vanilla` (the α = 0 report of the same depth/width).
 * A layer with no vanilla counterpart (e.g. the 1×1 octave shortcut of the first block, where
 * vanilla has an identity shortcut) gets null vanilla figures.
 */
export function buildCostRows(report: CostReport, vanilla: CostReport | null): CostRow[] {
  const v = vanilla ? groupLayers(vanilla) : null;
  return [...groupLayers(report).values()].map((r) => {
    const m = v?.get(r.name);
    return { ...r, vanillaMacs: m ? m.macs : null, vanillaActivationElements: m ? m.activationElements : null };
  });
}
