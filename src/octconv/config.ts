/**
 * Validation and block layout of the Oct-ResNet family (docs/architecture.md §4). Shared by the builder and by
 * validateOctResNetConfig, so a config that validates builds, and vice versa.
 */
import { checkAlpha } from './split';
import { checkSharedModelFields } from './model-checks';
import { BASIC_FOUR_STAGES, BOTTLENECK_STAGES, depthError } from './depths';
import { octaveSizeError } from './octave-layers';
import type { OctResNetConfig } from './types';

/** Default input [H, W, C]: CIFAR-10 images. */
export const DEFAULT_INPUT_SHAPE: [number, number, number] = [32, 32, 3];
export { BOTTLENECK_STAGES, BASIC_FOUR_STAGES } from './depths';
/** Bottleneck expansion (output channels = 4 × inner width). */
export const BOTTLENECK_EXPANSION = 4;

/** One residual block of the layout. */
export interface BlockPlan {
  /** 'stage2/block1' */
  name: string;
  alphaIn: number;
  alphaOut: number;
  /** Inner width (basic: = outChannels). */
  width: number;
  /** Output channels of the block. */
  outChannels: number;
  strides: 1 | 2;
  /** High-resolution grid size [H, W] at the block's input. */
  inputSize: [number, number];
}

/** The whole layout: stem, blocks, classifier. */
export interface NetPlan {
  stemChannels: number;
  blocks: BlockPlan[];
}

/**
 * Octave layout as in the official code (docs/architecture.md §4), for the three-stage CIFAR ResNets (6n+2), the
 * four-stage basic ResNet-18/34 and the bottleneck ResNet-50/101/152 alike (CIFAR stem: a stride-1
 * 3×3 conv; 16k channels for 6n+2, else 64k): the first block takes α_in = 0, all stages but
 * the last run at α, the first (strided) block of the last stage converts to α_out = 0, the rest of
 * the last stage is vanilla. Stride 2 at the first block of every stage but the first.
 * @throws Error for any invalid config (see {@link validateOctResNetConfig})
 */
export function planOctResNet(config: OctResNetConfig): NetPlan {
  validateScalars(config);
  const [height, width] = config.inputShape ?? DEFAULT_INPUT_SHAPE;
  const k = config.widthMultiplier;
  const bottleneck = config.block === 'bottleneck';
  const fourStage = bottleneck || config.depth in BASIC_FOUR_STAGES;
  const perStage = bottleneck
    ? BOTTLENECK_STAGES[config.depth]
    : (BASIC_FOUR_STAGES[config.depth] ?? [1, 1, 1].map(() => (config.depth - 2) / 6));
  const baseWidth = fourStage ? 64 : 16;
  const expansion = bottleneck ? BOTTLENECK_EXPANSION : 1;
  const blocks: BlockPlan[] = [];
  let size: [number, number] = [height, width];
  const lastStage = perStage.length - 1;
  perStage.forEach((count, s) => {
    const stageWidth = Math.max(1, Math.round(baseWidth * k * 2 ** s));
    for (let b = 0; b < count; b++) {
      const strides: 1 | 2 = s > 0 && b === 0 ? 2 : 1;
      const alphaIn = (s === 0 && b === 0) || (s === lastStage && b > 0) ? 0 : config.alpha;
      const alphaOut = s === lastStage ? 0 : config.alpha;
      blocks.push({
        name: `stage${s + 1}/block${b + 1}`,
        alphaIn,
        alphaOut,
        width: stageWidth,
        outChannels: stageWidth * expansion,
        strides,
        inputSize: size,
      });
      if (strides === 2) size = [size[0] / 2, size[1] / 2];
    }
  });
  for (const block of blocks) {
    const hasLow = { in: block.alphaIn > 0, out: block.alphaOut > 0 };
    const error =
      octaveSizeError(`${block.name}/conv1`, block.inputSize[0], block.inputSize[1], hasLow, bottleneck ? 1 : block.strides) ??
      (bottleneck
        ? octaveSizeError(
            `${block.name}/conv2`,
            block.inputSize[0],
            block.inputSize[1],
            { in: hasLow.out, out: hasLow.out },
            block.strides,
          )
        : null) ??
      octaveSizeError(`${block.name}/shortcut`, block.inputSize[0], block.inputSize[1], hasLow, block.strides);
    if (error) throw new Error(error);
  }
  return { stemChannels: Math.max(1, Math.round(baseWidth * k)), blocks };
}

/** Scalar checks of a config (α, depth, width, classes, seed, input shape). */
function validateScalars(config: OctResNetConfig): void {
  checkAlpha(config.alpha, 'OctResNetConfig');
  if (config.block !== 'basic' && config.block !== 'bottleneck') {
    throw new Error(`OctResNetConfig: block must be 'basic' or 'bottleneck', got '${String(config.block)}'`);
  }
  const depthProblem = depthError(config.block, config.depth);
  if (depthProblem) throw new Error(`OctResNetConfig: ${depthProblem}`);
  checkSharedModelFields(config, 'OctResNetConfig', DEFAULT_INPUT_SHAPE);
}

/**
 * Checks an Oct-ResNet config without building it.
 * @throws Error naming the problem: α outside [0,1] or NaN; depth not 6n+2 or 18/34 (basic) or not
 *   50/101/152 (bottleneck); widthMultiplier ≤ 0; numClasses < 1; input channels ≠ 3; a spatial
 *   size that is odd at an octave level (naming the layer and the size)
 */
export function validateOctResNetConfig(config: OctResNetConfig): void {
  planOctResNet(config);
}
