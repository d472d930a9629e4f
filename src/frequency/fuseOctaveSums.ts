/**
 * Fuses the octave's sums for inference (tfjs, DOM-free): an `Add` of two branches, one of them
 * the ×2 nearest upsample of a low-resolution map (an octave layer's Y_H = f(X_H; W_HH) +
 * upsample(f(X_L; W_LH)), paper eq. (1)), or a residual `Add`, and the ReLU right after it (directly,
 * or behind a BatchNorm that ./foldBatchNorm folded away), become one {@link octaveAdd}: one pass
 * instead of three on wasm. The upsample and the ReLU then pass their input through. Only
 * single-use links are fused, and never across a layer in `observed` (its output must stay exact).
 * Results equal the unfused run's exactly (the same float additions).
 */
import * as tf from '@tensorflow/tfjs';
import { octaveAdd } from '../tfjs-fixes';
import type { LayerCall } from './layerRunner';

type AnyLayer = tf.layers.Layer;

const className = (l: AnyLayer): string => l.getClassName();
const inbound = (l: AnyLayer): AnyLayer[] => l.inboundNodes[0].inboundLayers as AnyLayer[];
const isPlainRelu = (l: AnyLayer | null): boolean =>
  l !== null && className(l) === 'ReLU' && (l.getConfig() as { maxValue?: number | null }).maxValue == null;

/**
 * Adds the fused calls to `calls` (which already holds ./foldBatchNorm's: `passThrough` marks
 * the BatchNorms folded away; ReLUs already fused into a convolution are left alone).
 * @param consumers layer name → the layers that read its output.
 */
export function fuseOctaveSums(
  model: tf.LayersModel,
  consumers: ReadonlyMap<string, AnyLayer[]>,
  calls: Map<string, LayerCall>,
  passThrough: LayerCall,
  observed: ReadonlySet<string>,
): void {
  const sole = (l: AnyLayer): AnyLayer | null => {
    const list = consumers.get(l.name) ?? [];
    return list.length === 1 ? list[0] : null;
  };
  for (const add of model.layers) {
    if (className(add) !== 'Add' || calls.has(add.name) || observed.has(add.name)) continue;
    const inputs = inbound(add);
    if (inputs.length !== 2) continue;
    const upIndex = inputs.findIndex(
      (l) => className(l) === 'OctConvNearestUpsample2x' && sole(l) === add && !observed.has(l.name) && !calls.has(l.name),
    );
    // The ReLU after the sum: right after it, or after a folded-away BatchNorm.
    let next = sole(add);
    if (next && className(next) === 'BatchNormalization' && calls.get(next.name) === passThrough && !observed.has(next.name))
      next = sole(next);
    const relu = isPlainRelu(next) && !calls.has(next!.name) ? next : null;
    if (upIndex < 0 && relu === null) continue;
    if (upIndex >= 0) calls.set(inputs[upIndex].name, passThrough);
    if (relu) calls.set(relu.name, passThrough);
    const options = { upsample: upIndex >= 0, relu: relu !== null };
    const [full, other] = upIndex === 0 ? [1, 0] : [0, 1];
    calls.set(add.name, (xs) => octaveAdd(xs[full] as tf.Tensor4D, xs[other] as tf.Tensor4D, options));
  }
}
