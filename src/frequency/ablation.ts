/**
 * Branch ablation: run a model with chosen layers' outputs replaced (tfjs, DOM-free). For an
 * octave layer, replacing its low (or high) branch by the per-channel spatial mean of each
 * image keeps only that branch's DC term, so the top-1 that remains says how much the network
 * uses the branch's spatial content there.
 */
import * as tf from '@tensorflow/tfjs';
import type { ChannelStats, Cifar10Split } from '../data/types';
import { readOctaveMetadata } from '../octconv/metadata';
import { plainVariant, top1PerVariant, type EvalLoopOptions, type Variant } from './evaluate';
import type { AblationResult } from './types';

/** A replacement of one layer's output (inside a tidy). */
export type OutputOverride = (output: tf.Tensor) => tf.Tensor;

/** Each image's per-channel spatial mean, broadcast back: [N, H, W, C] → [N, H, W, C]. */
export function channelMeanOverride(output: tf.Tensor): tf.Tensor {
  if (output.rank !== 4) throw new Error(`channelMeanOverride: expected an NHWC output, got rank ${output.rank}`);
  return tf.broadcastTo(tf.mean(output, [1, 2], true), output.shape);
}

/**
 * Runs a single-input, single-output functional model layer by layer in inference mode
 * (BatchNorm moving statistics), replacing the output of each layer named in `overrides` before
 * its consumers see it. With no overrides it computes the same ops as `model.apply`. Frees each
 * intermediate once its last consumer has run.
 *
 * @param x the model's input [N, …].
 * @returns the model's output (the caller disposes it).
 * @throws Error when the model has several inputs/outputs, a layer is used more than once, or an
 *   override names a layer the model does not have.
 */
export function runWithOverrides(model: tf.LayersModel, x: tf.Tensor, overrides: ReadonlyMap<string, OutputOverride>): tf.Tensor {
  if (model.inputLayers.length !== 1 || model.outputLayers.length !== 1) {
    throw new Error(`runWithOverrides: model '${model.name}' must have one input and one output`);
  }
  for (const name of overrides.keys()) model.getLayer(name); // throws "No such layer" for a bad name
  const consumers = new Map<string, number>();
  for (const layer of model.layers) {
    if (layer.inboundNodes.length !== 1) {
      throw new Error(
        `runWithOverrides: layer '${layer.name}' is applied ${layer.inboundNodes.length} times; only single-use layers are supported`,
      );
    }
    for (const inbound of layer.inboundNodes[0].inboundLayers)
      consumers.set(inbound.name, (consumers.get(inbound.name) ?? 0) + 1);
  }
  const outputName = model.outputLayers[0].name;
  return tf.tidy(() => {
    const values = new Map<string, tf.Tensor[]>();
    for (const layer of model.layers) {
      const node = layer.inboundNodes[0];
      let out: tf.Tensor[];
      if (node.inboundLayers.length === 0) out = [x];
      else {
        const inputs = node.inboundLayers.map((l, i) => values.get(l.name)![node.tensorIndices[i]]);
        const result = layer.apply(inputs.length === 1 ? inputs[0] : inputs, { training: false }) as tf.Tensor | tf.Tensor[];
        out = Array.isArray(result) ? result : [result];
        node.inboundLayers.forEach((l) => release(l.name));
      }
      const override = overrides.get(layer.name);
      if (override) {
        const replaced = out.map((t) => override(t));
        tf.dispose(out);
        out = replaced;
      }
      values.set(layer.name, out);
    }
    return values.get(outputName)![model.outputLayersTensorIndices[0]];

    function release(name: string): void {
      const left = consumers.get(name)! - 1;
      consumers.set(name, left);
      if (left === 0 && name !== model.inputLayers[0].name) tf.dispose(values.get(name)!);
    }
  });
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
 * spatially smooth part of the representation, the high branch the detail.
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
  const variants: Variant[] = [plainVariant(model)];
  const ablate = (names: string[]): number => {
    const overrides = new Map(names.map((n) => [n, channelMeanOverride] as const));
    variants.push((pixels, normalise) => runWithOverrides(model, normalise(pixels), overrides) as tf.Tensor2D);
    return variants.length - 1;
  };
  const allLow = both.length > 0 ? ablate(both.map((l) => l.low!)) : -1;
  const allHigh = both.length > 0 ? ablate(both.map((l) => l.high!)) : -1;
  const perLayer = layers.map((l) => ({
    layer: l,
    low: l.low !== null ? ablate([l.low]) : -1,
    high: l.high !== null ? ablate([l.high]) : -1,
  }));
  const top1 = await top1PerVariant(test, stats, variants, options);
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
