/**
 * Runs a functional layers model layer by layer in inference mode (tfjs, DOM-free), with chosen
 * layers' computations or outputs replaced: the branch ablation replaces outputs, the folded
 * BatchNorm of ./foldBatchNorm replaces computations.
 */
import * as tf from '@tensorflow/tfjs';

/** A replacement of one layer's own computation: its inputs (in inbound order) → its output (inside a tidy). */
export type LayerCall = (inputs: tf.Tensor[]) => tf.Tensor;

/** A replacement of one layer's output (inside a tidy). */
export type OutputOverride = (output: tf.Tensor) => tf.Tensor;

/**
 * Runs a single-input, single-output functional model layer by layer in inference mode
 * (BatchNorm moving statistics), replacing the output of each layer named in `overrides` before
 * its consumers see it. With no overrides it computes the same ops as `model.apply`. Frees each
 * intermediate once its last consumer has run. A layer named in `calls` runs that call instead of
 * its own (e.g. the folded convolutions of ./foldBatchNorm); overrides apply to its result.
 *
 * @param x the model's input [N, …].
 * @returns the model's output (the caller disposes it).
 * @throws Error when the model has several inputs/outputs, a layer is used more than once, or an
 *   override names a layer the model does not have.
 */
export function runWithOverrides(
  model: tf.LayersModel,
  x: tf.Tensor,
  overrides: ReadonlyMap<string, OutputOverride>,
  calls: ReadonlyMap<string, LayerCall> = new Map(),
): tf.Tensor {
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
        const call = calls.get(layer.name);
        const result = call
          ? call(inputs)
          : (layer.apply(inputs.length === 1 ? inputs[0] : inputs, { training: false }) as tf.Tensor | tf.Tensor[]);
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
