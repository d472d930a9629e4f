/**
 * Cost model (docs/architecture.md §5): params, MACs (multiply-adds) and activation elements counted from the
 * BUILT layers of a model, per layer and in total, with the vanilla (α = 0) totals alongside.
 */
import * as tf from '@tensorflow/tfjs';
import { buildOctModel } from './build';
import { tryReadOctaveMetadata } from './metadata';
import type { CostReport, CostTotals, LayerCost, OctavePath, OctModelConfig } from './types';

const PATHS: readonly OctavePath[] = ['hh', 'hl', 'lh', 'll'];
const KIND_BY_CLASS: Record<string, LayerCost['kind']> = {
  Conv2D: 'conv',
  DepthwiseConv2D: 'conv',
  Dense: 'dense',
  AveragePooling2D: 'pool',
  GlobalAveragePooling2D: 'pool',
  OctConvNearestUpsample2x: 'upsample',
  BatchNormalization: 'batchnorm',
  Add: 'add',
};

const product = (shape: Array<number | null>): number => shape.reduce<number>((a, d) => a * (d ?? 1), 1);
const outShape = (layer: tf.layers.Layer): number[] => (layer.outputShape as number[]).slice(1);

/** Trainable parameters of a layer (BN γ/β count; moving mean/variance do not). */
function trainableParams(layer: tf.layers.Layer): number {
  return layer.trainableWeights.reduce((sum, w) => sum + product(w.shape), 0);
}

/** MACs per image of a conv or dense layer; 0 for everything else. */
function layerMacs(layer: tf.layers.Layer, kind: LayerCost['kind']): number {
  const out = outShape(layer);
  if (kind === 'dense') return product(layer.trainableWeights[0].shape);
  if (kind !== 'conv') return 0;
  const [kh, kw, cin] = layer.trainableWeights[0].shape as number[];
  const perOutput = layer.getClassName() === 'DepthwiseConv2D' ? kh * kw : kh * kw * cin;
  return product(out) * perOutput;
}

/**
 * Additions of an average pool per image: every output element sums its window (2×2 pool: 4
 * inputs; global pool: the H·W inputs of its channel), i.e. one op per input element read.
 */
function poolOps(layer: tf.layers.Layer): number {
  const cls = layer.getClassName();
  if (cls !== 'AveragePooling2D' && cls !== 'GlobalAveragePooling2D') return 0;
  return product((layer.input as tf.SymbolicTensor).shape.slice(1));
}

/** Splits 'stage1/block1/conv1/hh' into its OctConv prefix and path. */
function parsePath(name: string): { prefix: string; path: OctavePath } | null {
  const cut = name.lastIndexOf('/');
  const last = name.slice(cut + 1) as OctavePath;
  return cut > 0 && PATHS.includes(last) ? { prefix: name.slice(0, cut), path: last } : null;
}

/** The path convs of one OctConv, keyed by path. */
type OctConvGroup = Partial<Record<OctavePath, tf.layers.Layer>>;

/** Channel counts of a group from its kernels: [cH_in, cL_in, cH_out, cL_out]. */
function groupChannels(g: OctConvGroup): [number, number, number, number] {
  const k = (p: OctavePath, axis: 2 | 3): number => {
    const layer = g[p];
    if (!layer) return 0;
    const shape = layer.trainableWeights[0].shape as number[];
    return layer.getClassName() === 'DepthwiseConv2D' ? shape[2] : shape[axis];
  };
  return [k('hh', 2) || k('hl', 2), k('ll', 2) || k('lh', 2), k('hh', 3) || k('lh', 3), k('ll', 3) || k('hl', 3)];
}

/** The layer producing Y_H of an OctConv (hh, the upsampled L→H, or a stride-2 L→H), or null. */
function highOutput(model: tf.LayersModel, prefix: string, g: OctConvGroup): tf.layers.Layer | null {
  if (g.hh) return g.hh;
  if (!g.lh) return null;
  return model.layers.find((l) => l.name === `${prefix}/lh_up`) ?? g.lh;
}

/** Activation elements of one OctConv's outputs Y_H and Y_L (after the path sum). */
function groupActivation(model: tf.LayersModel, prefix: string, g: OctConvGroup): number {
  const yHigh = highOutput(model, prefix, g);
  const yLow = g.ll ?? g.hl;
  return (yHigh ? product(outShape(yHigh)) : 0) + (yLow ? product(outShape(yLow)) : 0);
}

/**
 * The same OctConv at α = 0: one conv cin → cout on the high-resolution output grid
 * (params kh·kw·cin·cout, MACs H·W·cout·kh·kw·cin, activation H·W·cout).
 */
function groupVanilla(model: tf.LayersModel, prefix: string, g: OctConvGroup): CostTotals {
  const [hIn, lIn, hOut, lOut] = groupChannels(g);
  const any = (g.hh ?? g.hl ?? g.lh ?? g.ll)!;
  const [kh, kw] = any.trainableWeights[0].shape as number[];
  const yHigh = highOutput(model, prefix, g);
  const [h, w] = yHigh ? outShape(yHigh) : outShape((g.ll ?? g.hl)!).map((d) => d * 2);
  const depthwise = any.getClassName() === 'DepthwiseConv2D';
  const cin = hIn + lIn;
  const cout = hOut + lOut;
  const perOut = depthwise ? kh * kw : kh * kw * cin;
  return { params: perOut * cout, macs: h * w * cout * perOut, activationElements: h * w * cout };
}

/**
 * Counts the cost of a built model (or of the model a config builds, which is then disposed).
 *
 * Per layer: name, kind, path (hh/hl/lh/ll for OctConv path convs), α_in/α_out (from the model's
 * octave metadata, else from the channel split), output shape, trainable params, MACs per image
 * (conv and dense only; pool/upsample/BN/add are listed with 0 MACs), output elements per image.
 * Totals: params = trainable parameters (BN moving statistics excluded; vanilla ResNet-20 = 272,474);
 * macs = conv + dense multiply-adds per image; activationElements = per OctConv the elements of
 * Y_H + Y_L (after the path sum), plus conv/dense outputs outside any OctConv. `vanilla` holds the
 * totals of the same config built at α = 0 (models from buildOctResNet, via their metadata); for
 * other models, the totals with every OctConv replaced by one α = 0 conv of the same channels.
 * For a middle layer, macs/vanilla = 1 − ¾α(2−α) and activation 1 − ¾α (paper Table 1, Fig. 2).
 * poolOps = additions of the average pools (2×2 and global; see poolOps), not part of macs.
 * Accepts Oct-ResNet and Oct-MobileNet configs and models, at any input size.
 */
export function countCost(modelOrConfig: tf.LayersModel | OctModelConfig): CostReport {
  if (!(modelOrConfig instanceof tf.LayersModel)) {
    const model = buildOctModel(modelOrConfig);
    try {
      return countCost(model);
    } finally {
      model.dispose();
    }
  }
  const model = modelOrConfig;
  const meta = tryReadOctaveMetadata(model);
  const groups = new Map<string, OctConvGroup>();
  for (const layer of model.layers) {
    const parsed = parsePath(layer.name);
    if (parsed && KIND_BY_CLASS[layer.getClassName()] === 'conv') {
      groups.set(parsed.prefix, { ...(groups.get(parsed.prefix) ?? {}), [parsed.path]: layer });
    }
  }
  const alphas = new Map<string, { alphaIn: number; alphaOut: number }>();
  for (const [prefix, g] of groups) {
    const [hIn, lIn, hOut, lOut] = groupChannels(g);
    alphas.set(prefix, { alphaIn: lIn / (hIn + lIn), alphaOut: lOut / (hOut + lOut) });
  }
  for (const r of meta?.octaveConvs ?? []) alphas.set(r.name, { alphaIn: r.alphaIn, alphaOut: r.alphaOut });

  const layers: LayerCost[] = model.layers.map((layer) => {
    const kind = KIND_BY_CLASS[layer.getClassName()] ?? 'other';
    const parsed = kind === 'conv' ? parsePath(layer.name) : null;
    const shape = outShape(layer);
    return {
      name: layer.name,
      kind,
      ...(parsed ? { path: parsed.path, ...alphas.get(parsed.prefix) } : {}),
      outputShape: shape,
      params: trainableParams(layer),
      macs: layerMacs(layer, kind),
      activationElements: product(shape),
    };
  });
  const pools = model.layers.reduce((sum, layer) => sum + poolOps(layer), 0);
  const totals: CostTotals = { params: 0, macs: 0, activationElements: 0 };
  const vanilla: CostTotals = { params: 0, macs: 0, activationElements: 0 };
  for (const l of layers) {
    const inGroup = l.path != null;
    totals.params += l.params;
    totals.macs += l.macs;
    if (inGroup) continue;
    vanilla.params += l.params;
    vanilla.macs += l.macs;
    if (l.kind === 'conv' || l.kind === 'dense') {
      totals.activationElements += l.activationElements;
      vanilla.activationElements += l.activationElements;
    }
  }
  for (const [prefix, g] of groups) {
    totals.activationElements += groupActivation(model, prefix, g);
    const v = groupVanilla(model, prefix, g);
    vanilla.params += v.params;
    vanilla.macs += v.macs;
    vanilla.activationElements += v.activationElements;
  }
  if (meta && meta.config.alpha !== 0) {
    // Literal definition: the same config built at α = 0 (its first block has no projection).
    const { params, macs, activationElements } = countCost({ ...meta.config, alpha: 0 });
    return { ...totals, poolOps: pools, layers, vanilla: { params, macs, activationElements } };
  }
  return { ...totals, poolOps: pools, layers, vanilla: meta ? { ...totals } : vanilla };
}
