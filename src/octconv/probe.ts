/**
 * Access to every octave layer's high and low activations (docs/architecture.md §3, last bullet; for the views).
 */
import * as tf from '@tensorflow/tfjs';
import { readOctaveMetadata } from './metadata';
import type { BranchShape, OctaveLayerInfo, OctaveProbe } from './types';

/** [null, H, W, C] → BranchShape. */
function branchShape(model: tf.LayersModel, layerName: string | null): BranchShape | null {
  if (layerName == null) return null;
  const shape = model.getLayer(layerName).outputShape as number[];
  return { height: shape[1], width: shape[2], channels: shape[3] };
}

/**
 * Lists the octave layers of a model built by buildOctResNet (also after save/load): the stem, and
 * every conv of the residual blocks' main path, in network order, with α_in, α_out and the shapes
 * of the exposed outputs (after BN + ReLU; for a block's last conv, after the residual add + ReLU).
 * @throws Error if the model carries no octave metadata
 */
export function listOctaveLayers(model: tf.LayersModel): OctaveLayerInfo[] {
  return readOctaveMetadata(model, 'listOctaveLayers').octaveLayers.map((r) => ({
    name: r.name,
    alphaIn: r.alphaIn,
    alphaOut: r.alphaOut,
    high: branchShape(model, r.high),
    low: branchShape(model, r.low),
  }));
}

/**
 * Creates a probe: a second tf.LayersModel on the same layers (weights shared, not copied) whose
 * outputs are every octave layer's high and low branches (see {@link OctaveProbe}).
 * @throws Error if the model carries no octave metadata
 */
export function createOctaveProbe(model: tf.LayersModel): OctaveProbe {
  const records = readOctaveMetadata(model, 'createOctaveProbe').octaveLayers;
  const outputs: tf.SymbolicTensor[] = [];
  const slots = records.map((r) => {
    const slot = (layerName: string | null): number | null => {
      if (layerName == null) return null;
      outputs.push(model.getLayer(layerName).output as tf.SymbolicTensor);
      return outputs.length - 1;
    };
    return { high: slot(r.high), low: slot(r.low) };
  });
  let probe: tf.LayersModel | null = tf.model({ inputs: model.inputs, outputs, name: `${model.name}_octave_probe` });
  return {
    layers: listOctaveLayers(model),
    run(x: tf.Tensor4D) {
      if (probe == null) throw new Error('OctaveProbe.run: the probe was disposed');
      const out = probe.predict(x) as tf.Tensor | tf.Tensor[];
      const list = Array.isArray(out) ? out : [out];
      return slots.map((s) => ({
        high: s.high == null ? null : (list[s.high] as tf.Tensor4D),
        low: s.low == null ? null : (list[s.low] as tf.Tensor4D),
      }));
    },
    dispose() {
      // The probe model owns no weights of its own; disposing it would dispose the shared layers.
      probe = null;
    },
  };
}
