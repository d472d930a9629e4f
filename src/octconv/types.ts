/**
 * Shared types of the octave-convolution core (DOM-free). These are the contract the data,
 * training and UI layers build against; change them only together with their users.
 */
import type * as tf from '@tensorflow/tfjs';

/** Residual block kind: two 3×3 OctConvs (CIFAR ResNet-6n+2) or 1×1–3×3–1×1 (ResNet-50/101/152). */
export type BlockKind = 'basic' | 'bottleneck';

/** Configuration of an Oct-ResNet (docs/architecture.md §4). */
export interface OctResNetConfig {
  /**
   * Depth: 6n+2 for 'basic' (8, 14, 20, 32, 56, …: three stages 16k/32k/64k), 18 or 34 for 'basic'
   * (four stages [2,2,2,2] / [3,4,6,3] at 64k/128k/256k/512k), 50, 101 or 152 for 'bottleneck'.
   */
  depth: number;
  /** Width multiplier k: stage widths 16k/32k/64k (6n+2) or 64k/…/512k (18/34, bottleneck inner). */
  widthMultiplier: number;
  /** Ratio α ∈ [0, 1] of low-frequency channels (paper §3.1). */
  alpha: number;
  block: BlockKind;
  /** Number of classes (10 for CIFAR-10). */
  numClasses: number;
  /** Seed of the weight initialisation: same seed ⇒ same weights. */
  seed: number;
  /** Input [H, W, C], default [32, 32, 3]. */
  inputShape?: [number, number, number];
}

/**
 * Configuration of an Oct-MobileNet (paper Table 1), laid out as the official code
 * (facebookresearch/OctConv, utils/gluon/utils/mobilenetv1.py and mobilenetv2.py).
 */
export interface OctMobileNetConfig {
  /** 1: depthwise-separable blocks (Howard et al. 2017); 2: inverted residuals (Sandler et al. 2018). */
  version: 1 | 2;
  /** Width multiplier: every layer's channels are floor(base × multiplier) (0.75, 1, 1.125, …). */
  widthMultiplier: number;
  /** Ratio α ∈ [0, 1] of low-frequency channels in the octave layers (paper §3.1). */
  alpha: number;
  /** Number of classes (1,000 for ImageNet, 10 for CIFAR-10). */
  numClasses: number;
  /** Seed of the weight initialisation: same seed ⇒ same weights. */
  seed: number;
  /** Input [H, W, C]; default [224, 224, 3], or [32, 32, 3] with `cifarStem`. */
  inputShape?: [number, number, number];
  /**
   * true: the 32×32 variant: the stem and the first strided block keep stride 1, so a 32×32 image
   * reaches the last (vanilla) stage at 4×4 (total stride 8 instead of 32).
   */
  cifarStem?: boolean;
}

/** Any model config of the family: Oct-ResNet or Oct-MobileNet (told apart by `version`). */
export type OctModelConfig = OctResNetConfig | OctMobileNetConfig;

/** Spatial shape of one branch of an octave feature map (NHWC without N). */
export interface BranchShape {
  height: number;
  width: number;
  channels: number;
}

/** One octave layer (an OctConv + BN (+ ReLU)) whose high/low outputs the views can inspect. */
export interface OctaveLayerInfo {
  /** Layer name after its position, e.g. 'stage1/block2/conv1'. */
  name: string;
  alphaIn: number;
  alphaOut: number;
  /** Output high-frequency branch [H, W, cH], or null when α_out = 1. */
  high: BranchShape | null;
  /** Output low-frequency branch [H/2, W/2, cL], or null when α_out = 0. */
  low: BranchShape | null;
}

/** Path of an OctConv (paper eq. 1–2): H→H, H→L, L→H, L→L. */
export type OctavePath = 'hh' | 'hl' | 'lh' | 'll';

/** Cost of one built layer. MACs = multiply-adds for one input image. */
export interface LayerCost {
  name: string;
  kind: 'conv' | 'dense' | 'pool' | 'upsample' | 'batchnorm' | 'add' | 'other';
  path?: OctavePath;
  alphaIn?: number;
  alphaOut?: number;
  /** Output shape without the batch axis. */
  outputShape: number[];
  params: number;
  macs: number;
  /** Output elements for one image (activation memory in elements; × 4 for float32 bytes). */
  activationElements: number;
}

/** Whole-net totals for one image. */
export interface CostTotals {
  params: number;
  /** Multiply-adds of convolutions and the dense layer, one image. */
  macs: number;
  /** Sum of conv/dense output elements, one image. */
  activationElements: number;
}

/** Result of countCost: totals, per-layer figures, and the vanilla (α = 0) totals alongside. */
export interface CostReport extends CostTotals {
  /**
   * Additions of the average pools for one image (2×2 pools and the global pool: one op per
   * input element), not included in `macs`. Always set by countCost.
   */
  poolOps?: number;
  layers: LayerCost[];
  vanilla: CostTotals;
}

/**
 * A second model sharing a model's weights whose outputs are every octave layer's high and low
 * branches (the tensors the next layer consumes: after BN + ReLU, or for a block's last conv
 * after the residual add + ReLU). Added for the views (createOctaveProbe).
 */
export interface OctaveProbe {
  /** The exposed octave layers, in network order. */
  layers: OctaveLayerInfo[];
  /**
   * Runs the probe in inference mode (BN uses moving statistics).
   * @param x normalised images, NHWC float32 [N, H, W, 3]
   * @returns one entry per layer: high [N,H,W,cH] and low [N,H/2,W/2,cL] (null where absent);
   *   the caller disposes the returned tensors
   */
  run(x: tf.Tensor4D): Array<{ high: tf.Tensor4D | null; low: tf.Tensor4D | null }>;
  /** Releases the probe; the base model and its weights stay untouched. */
  dispose(): void;
}
