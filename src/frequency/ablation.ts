/**
 * Branch ablation: run a model with chosen layers' outputs replaced (tfjs, DOM-free). For an
 * octave layer, replacing its low (or high) branch by the per-channel spatial mean of each
 * image keeps only that branch's DC term, so the top-1 that remains says how much the network
 * uses the branch's spatial content there.
 */
import * as tf from '@tensorflow/tfjs';
import type { ChannelStats, Cifar10Split } from '../data/types';
import { readOctaveMetadata } from '../octconv/metadata';
import { top1PerVariant, type EvalLoopOptions, type Variant } from './evaluate';
import { foldBatchNorm, foldedVariant } from './foldBatchNorm';
import { runWithOverrides } from './layerRunner';
import type { AblationResult } from './types';

/** Each image's per-channel spatial mean, broadcast back: [N, H, W, C] → [N, H, W, C]. */
export function channelMeanOverride(output: tf.Tensor): tf.Tensor {
  if (output.rank !== 4) throw new Error(`channelMeanOverride: expected an NHWC output, got rank ${output.rank}`);
  return tf.broadcastTo(tf.mean(output, [1, 2], true), output.shape);
}

/** The branch layers of one octave layer (from the model's octave metadata). */
export interface OctaveBranchLayers {
  name: string;
  alphaIn: number;
  alphaOut: number;
  /** Layer whose output is the high branch, or null (α_out = 1). */
  high: string | null;
  /** Layer whose output is the low branch, or null (α_out = 0). */
  low: string | null;
}

/**
 * The octave layers of a model built by buildOctResNet and the layers producing their branches.
 * @throws Error when the model carries no octave metadata.
 */
export function octaveBranchLayers(model: tf.LayersModel): OctaveBranchLayers[] {
  return readOctaveMetadata(model, 'octaveBranchLayers').octaveLayers.map((r) => ({ ...r }));
}

/**
 * Branch ablation of an Oct-ResNet on the first `images` test images: the unablated top-1;
 * top-1 with every octave layer's low branch replaced by its per-channel mean (dropLow); with the
 * high branch replaced in every octave layer that also has a low branch (dropHigh: in a vanilla
 * layer the high branch is the whole map); and both, per layer. For α = 0 only the per-layer
 * dropHigh entries exist. The paper's claim under test (§3.1): the low branch carries the
 * spatially smooth part of the representation, the high branch the detail. BatchNorm runs folded
 * into the convolutions (./foldBatchNorm).
 * @throws Error on a model without octave metadata or a bad image count; CancelledError on abort.
 */
export async function branchAblation(
  model: tf.LayersModel,
  test: Cifar10Split,
  stats: ChannelStats,
  options: EvalLoopOptions,
): Promise<AblationResult> {
  const layers = octaveBranchLayers(model);
  const both = layers.filter((l) => l.high !== null && l.low !== null);
  // The branch layers keep their exact outputs under the fold (no ReLU fused across them).
  const folded = foldBatchNorm(model, new Set(layers.flatMap((l) => [l.high, l.low]).filter((n): n is string => n !== null)));
  const variants: Variant[] = [foldedVariant(model, folded)];
  const ablate = (names: string[]): number => {
    const overrides = new Map(names.map((n) => [n, channelMeanOverride] as const));
    variants.push((pixels, normalise) => runWithOverrides(model, normalise(pixels), overrides, folded.calls) as tf.Tensor2D);
    return variants.length - 1;
  };
  const allLow = both.length > 0 ? ablate(both.map((l) => l.low!)) : -1;
  const allHigh = both.length > 0 ? ablate(both.map((l) => l.high!)) : -1;
  const perLayer = layers.map((l) => ({
    layer: l,
    low: l.low !== null ? ablate([l.low]) : -1,
    high: l.high !== null ? ablate([l.high]) : -1,
  }));
  let top1: number[];
  try {
    top1 = await top1PerVariant(test, stats, variants, options);
  } finally {
    folded.dispose();
  }
  const at = (i: number): number | null => (i < 0 ? null : top1[i]);
  return {
    top1: top1[0],
    dropLow: at(allLow),
    dropHigh: at(allHigh),
    perLayer: perLayer.map(({ layer, low, high }) => ({
      layer: layer.name,
      alphaIn: layer.alphaIn,
      alphaOut: layer.alphaOut,
      dropLow: at(low),
      dropHigh: at(high),
    })),
  };
}
