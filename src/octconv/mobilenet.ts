/**
 * Oct-MobileNet v1/v2 builder (paper Table 1), laid out as the official code
 * (facebookresearch/OctConv, utils/gluon/utils/mobilenetv1.py, mobilenetv2.py); the layout itself
 * is in mobilenet-plan.ts. Depthwise OctConvs keep only H→H and L→L with groups = branch channels.
 */
import * as tf from '@tensorflow/tfjs';
import { octBatchNorm, type SymbolicOctave } from './octave-layers';
import { createBuildContext, octConvBn, type BuildContext } from './build-context';
import { planOctMobileNet, type MobileBlockPlan } from './mobilenet-plan';
import { layerSeed } from './seed';
import { writeOctaveMetadata } from './metadata';
import type { OctMobileNetConfig } from './types';

/**
 * One block: its OctConvs + BN (+ ReLU/ReLU6) in order; v2's identity shortcut adds the (vanilla)
 * block input to the linear projection, with no activation after the add (Sandler et al. 2018).
 */
function mobileBlock(ctx: BuildContext, x: SymbolicOctave, p: MobileBlockPlan): SymbolicOctave {
  let y = x;
  p.convs.forEach((c, i) => {
    const groups = c.depthwise ? c.filters : undefined;
    y = octConvBn(
      ctx,
      y,
      {
        name: c.name,
        alphaIn: c.alphaIn,
        alphaOut: c.alphaOut,
        filters: c.filters,
        kernelSize: c.kernelSize,
        strides: c.strides,
        groups,
      },
      c.activation,
    );
    if (!(p.residual && i === p.convs.length - 1)) ctx.record(c.name, c.alphaIn, c.alphaOut, y);
  });
  if (!p.residual) return y;
  const last = p.convs[p.convs.length - 1];
  const sum = tf.layers.add({ name: `${p.name}/add_high` }).apply([y.high!, x.high!]) as tf.SymbolicTensor;
  const out = { high: sum, low: null };
  ctx.record(last.name, last.alphaIn, last.alphaOut, out);
  return out;
}

/**
 * Builds an Oct-MobileNet with seeded He-normal conv init (same seed ⇒ same weights).
 *
 * Input: float32 NHWC [N, 224, 224, 3] (`cifarStem`: [N, 32, 32, 3]; `inputShape` overrides).
 * Output: logits [N, numClasses] (no softmax). Layout: a vanilla 3×3 stem conv (stride 2, or 1
 * with `cifarStem`; named 'stem/conv') + BN + ReLU (v2: ReLU6); v1: 13 blocks `blockN/dw` (3×3
 * depthwise) + `blockN/pw` (1×1); v2: 17 blocks `blockN/expand` (1×1) + `/dw` + `/project` (1×1,
 * linear) with identity shortcuts, then the 1×1 `tail` conv (1280 channels, ×m above 1);
 * global average pool; dense with bias ('head/fc'). Block strides are pool-based (paper §3.3).
 * α = 0 gives the vanilla MobileNet of the official code. The config and the octave layers are
 * stored in the model's metadata (kept by save/load) for the probe and {@link countCost}.
 *
 * @throws Error for an invalid config (see validateOctMobileNetConfig)
 */
export function buildOctMobileNet(config: OctMobileNetConfig): tf.LayersModel {
  const plan = planOctMobileNet(config);
  const ctx = createBuildContext(config.seed);
  const act = plan.stem.activation;
  const input = tf.input({ shape: plan.inputShape, name: 'image' });
  const stemConv = tf.layers
    .conv2d({
      name: 'stem/conv',
      filters: plan.stem.channels,
      kernelSize: 3,
      strides: plan.stem.strides,
      padding: 'same',
      useBias: false,
      kernelInitializer: tf.initializers.heNormal({ seed: layerSeed(config.seed, 'stem/conv') }),
    })
    .apply(input) as tf.SymbolicTensor;
  let x = octBatchNorm({ high: stemConv, low: null }, 'stem', act);
  ctx.record('stem', 0, 0, x);
  for (const block of plan.blocks) x = mobileBlock(ctx, x, block);
  if (plan.tailChannels != null) {
    x = octConvBn(ctx, x, { name: 'tail', alphaIn: 0, alphaOut: 0, filters: plan.tailChannels, kernelSize: 1 }, act);
    ctx.record('tail', 0, 0, x);
  }
  const pooled = tf.layers.globalAveragePooling2d({ name: 'head/avgpool' }).apply(x.high!) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({
      name: 'head/fc',
      units: config.numClasses,
      kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(config.seed, 'head/fc') }),
    })
    .apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: logits, name: `oct_mobilenet_v${config.version}` });
  writeOctaveMetadata(model, { config: { ...config }, octaveLayers: ctx.layers, octaveConvs: ctx.convs });
  return model;
}
