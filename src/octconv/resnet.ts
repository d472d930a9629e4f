/**
 * Oct-ResNet builder (docs/architecture.md §4): CIFAR ResNets of depth 6n+2 with basic blocks and bottleneck
 * Oct-ResNet-50/101/152 with a CIFAR stem, every conv an OctConv with per-branch BN + ReLU.
 */
import * as tf from '@tensorflow/tfjs';
import type { OctConvOptions } from './octconv';
import { octAddRelu, type SymbolicOctave } from './octave-layers';
import { channelsOf, createBuildContext, octConvBn, type BuildContext } from './build-context';
import { DEFAULT_INPUT_SHAPE, planOctResNet, type BlockPlan } from './config';
import { layerSeed } from './seed';
import { writeOctaveMetadata } from './metadata';
import type { OctResNetConfig } from './types';

/**
 * One residual block: basic (3×3, 3×3) or bottleneck (1×1, 3×3 with the stride, 1×1 ×4); the
 * first conv converts α_in → α_out; shortcut = identity when shapes match, else 1×1 OctConv + BN
 * with the same pool-based stride; residual add per branch, then ReLU.
 */
function residualBlock(ctx: BuildContext, x: SymbolicOctave, p: BlockPlan, bottleneck: boolean): SymbolicOctave {
  const a = { alphaIn: p.alphaOut, alphaOut: p.alphaOut };
  const convs: Array<Omit<OctConvOptions, 'seed'>> = bottleneck
    ? [
        { name: `${p.name}/conv1`, alphaIn: p.alphaIn, alphaOut: p.alphaOut, filters: p.width, kernelSize: 1 },
        { name: `${p.name}/conv2`, ...a, filters: p.width, kernelSize: 3, strides: p.strides },
        { name: `${p.name}/conv3`, ...a, filters: p.outChannels, kernelSize: 1 },
      ]
    : [
        {
          name: `${p.name}/conv1`,
          alphaIn: p.alphaIn,
          alphaOut: p.alphaOut,
          filters: p.width,
          kernelSize: 3,
          strides: p.strides,
        },
        { name: `${p.name}/conv2`, ...a, filters: p.outChannels, kernelSize: 3 },
      ];
  let y = x;
  convs.forEach((o, i) => {
    const last = i === convs.length - 1;
    y = octConvBn(ctx, y, o, !last);
    if (!last) ctx.record(o.name, o.alphaIn, o.alphaOut, y);
  });
  const identity = p.strides === 1 && p.alphaIn === p.alphaOut && channelsOf(x) === p.outChannels;
  const shortcut = identity
    ? x
    : octConvBn(
        ctx,
        x,
        {
          name: `${p.name}/shortcut`,
          alphaIn: p.alphaIn,
          alphaOut: p.alphaOut,
          filters: p.outChannels,
          kernelSize: 1,
          strides: p.strides,
        },
        false,
      );
  const out = octAddRelu(y, shortcut, p.name);
  const lastConv = convs[convs.length - 1];
  ctx.record(lastConv.name, lastConv.alphaIn, lastConv.alphaOut, out);
  return out;
}

/**
 * Builds an Oct-ResNet (docs/architecture.md §4) with seeded He-normal conv init (same seed ⇒ same weights).
 *
 * Input: float32 NHWC [N, 32, 32, 3] (normalised images; `config.inputShape` overrides).
 * Output: logits [N, numClasses] (no softmax). α = 0 gives exactly the vanilla CIFAR ResNet
 * (ResNet-20: 272,474 trainable parameters; stride 2 by pooling as everywhere in the family).
 * The octave layers and the config are stored in the model's user-defined metadata (kept by
 * save/load) for {@link listOctaveLayers}, {@link createOctaveProbe} and {@link countCost}.
 *
 * @throws Error for an invalid config (see validateOctResNetConfig)
 */
export function buildOctResNet(config: OctResNetConfig): tf.LayersModel {
  const plan = planOctResNet(config);
  const seed = config.seed;
  const ctx = createBuildContext(seed);
  const input = tf.input({ shape: config.inputShape ?? DEFAULT_INPUT_SHAPE, name: 'image' });
  let x: SymbolicOctave = octConvBn(
    ctx,
    { high: input, low: null },
    { name: 'stem', alphaIn: 0, alphaOut: 0, filters: plan.stemChannels, kernelSize: 3 },
    true,
  );
  ctx.record('stem', 0, 0, x);
  const bottleneck = config.block === 'bottleneck';
  for (const block of plan.blocks) x = residualBlock(ctx, x, block, bottleneck);
  const pooled = tf.layers.globalAveragePooling2d({ name: 'head/avgpool' }).apply(x.high!) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({
      name: 'head/fc',
      units: config.numClasses,
      kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, 'head/fc') }),
    })
    .apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: logits, name: `oct_resnet${config.depth}` });
  writeOctaveMetadata(model, { config: { ...config }, octaveLayers: ctx.layers, octaveConvs: ctx.convs });
  return model;
}
