/**
 * Inference with BatchNorm folded into the convolutions before it (tfjs, DOM-free): in inference
 * BatchNorm is the per-channel affine map `y = s·x + t` with `s = γ/√(σ² + ε)` and
 * `t = β − μ·s` (moving statistics μ, σ²), so `BN(conv(x; W)) = conv(x; W·s) + t`. The same holds
 * through a sum of convolutions, some upsampled by nearest ×2 (an octave layer's Y_H = f(X_H; W_HH)
 * + upsample(f(X_L; W_LH)), paper eq. (1)): every kernel is scaled by s and t becomes the first
 * one's bias. A ReLU that is the only consumer of a BatchNorm folded into a single convolution
 * runs inside that convolution (tfjs fused conv2d). The BatchNorm and the fused ReLU layers then
 * pass their input through. Results equal the unfolded model's up to float rounding. The octave's
 * sums and the ReLUs after them are fused too (./fuseOctaveSums).
 */
import * as tf from '@tensorflow/tfjs';
import { fuseOctaveSums } from './fuseOctaveSums';
import { runWithOverrides, type LayerCall } from './layerRunner';
import type { Variant } from './evaluate';

/** A model's BatchNorm layers folded into its convolutions: replacement calls per layer name. */
export interface FoldedInference {
  /** Layer name → the call that replaces the layer's own (for runWithOverrides). */
  calls: Map<string, LayerCall>;
  /** BatchNorm layers folded (by name). */
  folded: string[];
  /** Frees the folded kernels and biases. */
  dispose(): void;
}

type AnyLayer = tf.layers.Layer;
type Weights = { kernel: tf.Tensor4D; bias: tf.Tensor1D | null };

const className = (l: AnyLayer): string => l.getClassName();
const config = (l: AnyLayer): Record<string, unknown> => l.getConfig() as Record<string, unknown>;

/** The single layer that consumes `layer`'s output, or null when there are none or several. */
function soleConsumer(layer: AnyLayer, consumers: Map<string, AnyLayer[]>): AnyLayer | null {
  const list = consumers.get(layer.name) ?? [];
  return list.length === 1 ? list[0] : null;
}

/** A plain 2-D convolution whose output may be rescaled: linear activation, NHWC, one use. */
function isFoldableConv(l: AnyLayer): boolean {
  const c = config(l);
  return (
    className(l) === 'Conv2D' && (c.activation ?? 'linear') === 'linear' && (c.dataFormat ?? 'channelsLast') === 'channelsLast'
  );
}

/** The inference affine map of a BatchNorm layer on the last axis, or null when it is not one. */
function batchNormAffine(l: AnyLayer): { scale: tf.Tensor1D; shift: tf.Tensor1D } | null {
  const c = config(l);
  const axis = c.axis as number | number[];
  if (className(l) !== 'BatchNormalization' || !(axis === -1 || (Array.isArray(axis) && axis[0] === -1) || axis === 3))
    return null;
  const w = l.getWeights();
  const [gamma, beta, mean, variance] = [
    c.scale !== false ? w.shift() : null,
    c.center !== false ? w.shift() : null,
    w.shift(),
    w.shift(),
  ];
  return tf.tidy(() => {
    const inv = tf.rsqrt(tf.add(variance!, c.epsilon as number));
    const scale = (gamma ? tf.mul(gamma, inv) : inv) as tf.Tensor1D;
    const shift = tf.sub(beta ?? tf.zerosLike(scale), tf.mul(mean!, scale)) as tf.Tensor1D;
    return { scale, shift };
  });
}

/**
 * The convolutions a BatchNorm's input is a (possibly upsampled) sum of, or null when the
 * pattern is not conv → BN or add(conv | upsample(conv), …) → BN with every link used once.
 */
function convsFeeding(bn: AnyLayer, consumers: Map<string, AnyLayer[]>): AnyLayer[] | null {
  const producer = bn.inboundNodes[0].inboundLayers[0] as AnyLayer;
  const usedOnce = (l: AnyLayer, by: AnyLayer) => soleConsumer(l, consumers) === by;
  if (isFoldableConv(producer)) return usedOnce(producer, bn) ? [producer] : null;
  if (className(producer) !== 'Add' || !usedOnce(producer, bn)) return null;
  const convs: AnyLayer[] = [];
  for (const input of producer.inboundNodes[0].inboundLayers as AnyLayer[]) {
    let l = input;
    let by = producer;
    if (className(l) === 'OctConvNearestUpsample2x') {
      if (!usedOnce(l, by)) return null;
      by = l;
      l = l.inboundNodes[0].inboundLayers[0] as AnyLayer;
    }
    if (!isFoldableConv(l) || !usedOnce(l, by)) return null;
    convs.push(l);
  }
  return convs;
}

/**
 * Folds every BatchNorm of `model` that follows a convolution (or a sum of them, see the file
 * comment) into the convolutions' kernels and biases, for runWithOverrides. Layers named in
 * `observed` keep their exact output (a ReLU is not fused across an observed BatchNorm).
 * Only single-use layers are folded; anything else runs its own call.
 * @returns the replacement calls; the caller disposes them (dispose()).
 */
export function foldBatchNorm(model: tf.LayersModel, observed: ReadonlySet<string> = new Set()): FoldedInference {
  const consumers = new Map<string, AnyLayer[]>();
  for (const layer of model.layers) {
    if (layer.inboundNodes.length !== 1) return { calls: new Map(), folded: [], dispose: () => {} };
    for (const inbound of layer.inboundNodes[0].inboundLayers as AnyLayer[])
      consumers.set(inbound.name, [...(consumers.get(inbound.name) ?? []), layer]);
  }
  const weights = new Map<string, Weights & { activation?: 'relu' | 'relu6' }>();
  const calls = new Map<string, LayerCall>();
  const folded: string[] = [];
  const passThrough: LayerCall = (inputs) => tf.clone(inputs[0]);
  for (const bn of model.layers) {
    if (className(bn) !== 'BatchNormalization' || bn.inboundNodes[0].inboundLayers.length !== 1) continue;
    const convs = convsFeeding(bn, consumers);
    if (!convs) continue;
    const affine = batchNormAffine(bn);
    if (!affine) continue;
    convs.forEach((conv, i) => {
      const [kernel, bias] = conv.getWeights() as [tf.Tensor4D, tf.Tensor1D | undefined];
      const scaledBias = bias ? (tf.mul(bias, affine.scale) as tf.Tensor1D) : null;
      let outBias = scaledBias;
      if (i === 0) {
        outBias = scaledBias ? (tf.add(affine.shift, scaledBias) as tf.Tensor1D) : tf.clone(affine.shift);
        scaledBias?.dispose();
      }
      weights.set(conv.name, { kernel: tf.mul(kernel, affine.scale) as tf.Tensor4D, bias: outBias });
    });
    tf.dispose([affine.scale, affine.shift]);
    calls.set(bn.name, passThrough);
    folded.push(bn.name);
    const relu = soleConsumer(bn, consumers);
    const maxValue = relu && className(relu) === 'ReLU' ? config(relu).maxValue : 'none';
    if (convs.length === 1 && relu && (maxValue == null || maxValue === 6) && !observed.has(bn.name)) {
      weights.get(convs[0].name)!.activation = maxValue === 6 ? 'relu6' : 'relu';
      calls.set(relu.name, passThrough);
    }
  }
  fuseOctaveSums(model, consumers, calls, passThrough, observed);
  for (const [name, w] of weights) {
    const c = config(model.getLayer(name));
    const strides = c.strides as [number, number];
    const dilations = c.dilationRate as [number, number] | number;
    calls.set(name, (inputs) =>
      tf.fused.conv2d({
        x: inputs[0] as tf.Tensor4D,
        filter: w.kernel,
        strides,
        pad: c.padding as 'same' | 'valid',
        dilations,
        bias: w.bias ?? undefined,
        activation: w.activation ?? 'linear',
      }),
    );
  }
  return {
    calls,
    folded,
    dispose: () => {
      for (const w of weights.values()) tf.dispose([w.kernel, ...(w.bias ? [w.bias] : [])]);
    },
  };
}

/**
 * The plain network with BatchNorm folded: `model(normalise(pixels))` in inference mode through
 * `folded` (from {@link foldBatchNorm} on the same model), logits [B, classes].
 */
export function foldedVariant(model: tf.LayersModel, folded: FoldedInference): Variant {
  const none = new Map();
  return (pixels, normalise) => runWithOverrides(model, normalise(pixels), none, folded.calls) as tf.Tensor2D;
}
