/**
 * Layout and validation of the Oct-MobileNet family (paper Table 1), following the official code
 * (facebookresearch/OctConv, utils/gluon/utils/mobilenetv1.py, mobilenetv2.py): which layers are
 * octave, where the net converts 0 → α and back, widths floor(base × multiplier), floor split.
 * Shared by the builder and by validateOctMobileNetConfig, so a config that validates builds.
 */
import { checkAlpha } from './split';
import { checkSharedModelFields } from './model-checks';
import { octaveSizeError } from './octave-layers';
import type { OctMobileNetConfig, OctModelConfig } from './types';

/** Default inputs [H, W, C]: ImageNet crops, or CIFAR-10 images with `cifarStem`. */
export const MOBILENET_INPUT_SHAPE: [number, number, number] = [224, 224, 3];
export const MOBILENET_CIFAR_INPUT_SHAPE: [number, number, number] = [32, 32, 3];

/** One conv of the layout (an OctConv + BN (+ activation)). */
export interface MobileConvPlan {
  /** 'block3/dw' */
  name: string;
  alphaIn: number;
  alphaOut: number;
  filters: number;
  kernelSize: 1 | 3;
  strides: 1 | 2;
  /** Depthwise (groups = channels): only H→H and L→L (α_in = α_out). */
  depthwise: boolean;
  /** ReLU after BN (v1), ReLU6 (v2), or none (v2's linear projection). */
  activation: boolean | 'relu6';
  /** High-resolution grid [H, W] at the conv's input. */
  inputSize: [number, number];
}

/** One block: its convs and whether an identity shortcut is added (v2, stride 1, same width). */
export interface MobileBlockPlan {
  name: string;
  convs: MobileConvPlan[];
  residual: boolean;
}

/** The whole layout: stem (a vanilla 3×3 conv), blocks, optional 1×1 tail (v2), classifier. */
export interface MobileNetPlan {
  inputShape: [number, number, number];
  stem: { channels: number; strides: 1 | 2; activation: boolean | 'relu6' };
  blocks: MobileBlockPlan[];
  /** Channels of v2's 1×1 tail conv before the pool, or null (v1). */
  tailChannels: number | null;
}

/** true when the config is an Oct-MobileNet config (it has a `version`). */
export function isMobileNetConfig(config: OctModelConfig): config is OctMobileNetConfig {
  return (config as OctMobileNetConfig).version !== undefined;
}

/** floor(base × m), robust to binary error (as the official code's int(x · multiplier)). */
const scaled = (base: number, m: number): number => Math.floor(base * m + 1e-9);

/** One block's raw description before sizes are tracked. */
type RawConv = Omit<MobileConvPlan, 'inputSize'>;

/**
 * v1 (mobilenetv1.py): 13 depthwise-separable blocks; depthwise α = [0, α×10, 0, 0], pointwise
 * α_out = [α×10, 0×3]; so the first pointwise converts 0 → α and the 11th converts α → 0.
 */
function v1Blocks(m: number, alpha: number, strides: number[]): Array<{ convs: RawConv[]; residual: boolean }> {
  const dw = [32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024];
  const pw = [64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024];
  const dwAlpha = (b: number): number => (b >= 1 && b <= 10 ? alpha : 0);
  const pwAlpha = (b: number): number => (b <= 9 ? alpha : 0);
  return dw.map((c, b) => ({
    residual: false,
    convs: [
      {
        name: `block${b + 1}/dw`,
        alphaIn: dwAlpha(b),
        alphaOut: dwAlpha(b),
        filters: scaled(c, m),
        kernelSize: 3,
        strides: strides[b] as 1 | 2,
        depthwise: true,
        activation: true,
      },
      {
        name: `block${b + 1}/pw`,
        alphaIn: dwAlpha(b),
        alphaOut: pwAlpha(b),
        filters: scaled(pw[b], m),
        kernelSize: 1,
        strides: 1,
        depthwise: false,
        activation: true,
      },
    ],
  }));
}

/**
 * v2 (mobilenetv2.py): 17 inverted residuals; the block input and output are vanilla, only the
 * expanded middle (1×1 expand → 3×3 depthwise) is octave at α for the first 13 blocks: expand
 * converts 0 → α, the linear projection α → 0. Expansion 1 for the first block, 6 after; the
 * first block keeps its 1×1 expand conv (the official code does; torchvision's does not).
 */
function v2Blocks(m: number, alpha: number, strides: number[]): Array<{ convs: RawConv[]; residual: boolean }> {
  const outs = [16, 24, 24, 32, 32, 32, 64, 64, 64, 64, 96, 96, 96, 160, 160, 160, 320];
  const ins = [32, ...outs.slice(0, -1)].map((c) => scaled(c, m));
  return outs.map((base, b) => {
    const inC = ins[b];
    const mid = (b === 0 ? 1 : 6) * inC;
    const out = scaled(base, m);
    const a = b <= 12 ? alpha : 0;
    const s = strides[b] as 1 | 2;
    const name = `block${b + 1}`;
    return {
      residual: s === 1 && inC === out,
      convs: [
        {
          name: `${name}/expand`,
          alphaIn: 0,
          alphaOut: a,
          filters: mid,
          kernelSize: 1,
          strides: 1,
          depthwise: false,
          activation: 'relu6',
        },
        {
          name: `${name}/dw`,
          alphaIn: a,
          alphaOut: a,
          filters: mid,
          kernelSize: 3,
          strides: s,
          depthwise: true,
          activation: 'relu6',
        },
        {
          name: `${name}/project`,
          alphaIn: a,
          alphaOut: 0,
          filters: out,
          kernelSize: 1,
          strides: 1,
          depthwise: false,
          activation: false,
        },
      ],
    };
  });
}

/**
 * Plans an Oct-MobileNet: channels, α per conv, strides and the grid size at every conv.
 * Stride 2 of the blocks is done by pooling (as the official OctConv layer); the stem is a plain
 * strided 3×3 conv ('same' padding: ⌈H/2⌉), stride 1 with `cifarStem`, which also keeps the
 * first strided block at stride 1.
 * @throws Error for any invalid config (see {@link validateOctMobileNetConfig})
 */
export function planOctMobileNet(config: OctMobileNetConfig): MobileNetPlan {
  validateScalars(config);
  const m = config.widthMultiplier;
  const v1 = config.version === 1;
  const nominal = v1 ? [1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1] : [1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1];
  const strides = config.cifarStem ? nominal.map((s, i) => (i === 1 ? 1 : s)) : nominal;
  const raw = v1 ? v1Blocks(m, config.alpha, strides) : v2Blocks(m, config.alpha, strides);
  const inputShape = config.inputShape ?? (config.cifarStem ? MOBILENET_CIFAR_INPUT_SHAPE : MOBILENET_INPUT_SHAPE);
  const stem = {
    channels: scaled(32, m),
    strides: (config.cifarStem ? 1 : 2) as 1 | 2,
    activation: (v1 ? true : 'relu6') as boolean | 'relu6',
  };
  const tailChannels = v1 ? null : m > 1 ? scaled(1280, m) : 1280;
  checkWidth('stem', stem.channels, m);
  let size: [number, number] =
    stem.strides === 2 ? [Math.ceil(inputShape[0] / 2), Math.ceil(inputShape[1] / 2)] : [inputShape[0], inputShape[1]];
  const blocks = raw.map((r, b) => {
    const convs = r.convs.map((c) => {
      checkWidth(c.name, c.filters, m);
      const planned: MobileConvPlan = { ...c, inputSize: size };
      const error = octaveSizeError(c.name, size[0], size[1], { in: c.alphaIn > 0, out: c.alphaOut > 0 }, c.strides);
      if (error) throw new Error(error);
      if (c.strides === 2) size = [size[0] / 2, size[1] / 2];
      return planned;
    });
    return { name: `block${b + 1}`, convs, residual: r.residual };
  });
  return { inputShape, stem, blocks, tailChannels };
}

/** @throws Error when a layer gets no channel at this width multiplier. */
function checkWidth(name: string, channels: number, m: number): void {
  if (channels < 1)
    throw new Error(
      `OctMobileNetConfig: widthMultiplier ${m} leaves ${name} with ${channels} channels; use a larger widthMultiplier`,
    );
}

/** Scalar checks of a config (version, α, width, classes, seed, input shape). */
function validateScalars(config: OctMobileNetConfig): void {
  if (config.version !== 1 && config.version !== 2) {
    throw new Error(`OctMobileNetConfig: version must be 1 or 2, got ${String(config.version)}`);
  }
  checkAlpha(config.alpha, 'OctMobileNetConfig');
  checkSharedModelFields(config, 'OctMobileNetConfig', MOBILENET_INPUT_SHAPE);
}

/**
 * Checks an Oct-MobileNet config without building it.
 * @throws Error naming the problem: version not 1/2; α outside [0,1] or NaN; widthMultiplier ≤ 0
 *   or so small a layer gets no channel; numClasses < 1; input channels ≠ 3; a spatial size that
 *   is odd at an octave level or at a pooled stride (naming the layer and the size)
 */
export function validateOctMobileNetConfig(config: OctMobileNetConfig): void {
  planOctMobileNet(config);
}
