/**
 * The depth rule of the ResNet families (He et al. 2016), in one place and without tfjs so the
 * page's controls, the training config and the model builder agree: basic blocks take 6n + 2
 * (three stages, the CIFAR ResNets) or 18/34 (four stages); bottleneck blocks 50/101/152.
 */
import type { BlockKind } from './types';

/** Blocks per stage of the bottleneck ResNets (He et al. 2016, Table 1). */
export const BOTTLENECK_STAGES: Readonly<Record<number, number[]>> = { 50: [3, 4, 6, 3], 101: [3, 4, 23, 3], 152: [3, 8, 36, 3] };
/**
 * Blocks per stage of the four-stage basic-block ResNets (He et al. 2016, Table 1): ResNet-18 and
 * ResNet-34 at 64/128/256/512·k channels. Neither depth is 6n+2, so `block: 'basic'` with depth
 * 18 or 34 selects this family unambiguously.
 */
export const BASIC_FOUR_STAGES: Readonly<Record<number, number[]>> = { 18: [2, 2, 2, 2], 34: [3, 4, 6, 3] };
/** Depths of the four-stage basic-block ResNets. */
export const FOUR_STAGE_DEPTHS: readonly number[] = Object.keys(BASIC_FOUR_STAGES).map(Number);
/** Depths of the bottleneck family (the seed report's Oct-ResNet-50/101/152). */
export const BOTTLENECK_DEPTHS: readonly number[] = Object.keys(BOTTLENECK_STAGES).map(Number);

/**
 * Why `depth` is not a depth of the `block` family, or null when it is.
 * @returns e.g. "basic-block depth must be 6n+2 with n ≥ 1 (8, 14, 20, 32, 56, …) or 18/34 (four stages), got 12"
 */
export function depthError(block: BlockKind, depth: number): string | null {
  if (block === 'bottleneck') {
    return BOTTLENECK_DEPTHS.includes(depth) ? null : `bottleneck depth must be 50, 101 or 152, got ${depth}`;
  }
  const sixNPlus2 = Number.isInteger(depth) && depth >= 8 && (depth - 2) % 6 === 0;
  return sixNPlus2 || FOUR_STAGE_DEPTHS.includes(depth)
    ? null
    : `basic-block depth must be 6n+2 with n ≥ 1 (8, 14, 20, 32, 56, …) or 18/34 (four stages), got ${depth}`;
}
