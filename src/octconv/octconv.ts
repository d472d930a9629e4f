/**
 * The Octave Convolution for the tfjs layers API (paper eq. (1)–(2), §3.2–3.3; docs/architecture.md §3).
 *
 * Built from stock layers only (conv2d / depthwiseConv2d, averagePooling2d, add) plus the registered
 * {@link NearestUpsample2x}, so models save and load in the standard tfjs format. Path convs are
 * named `${name}/hh`, `${name}/hl`, `${name}/lh`, `${name}/ll`; a path whose input or output branch
 * has zero channels is not built (α = 0 and α = 1 are ordinary cases).
 */
import * as tf from '@tensorflow/tfjs';
import { checkAlpha, splitChannels } from './split';
import { layerSeed } from './seed';
import { NearestUpsample2x } from './upsample';
import { octaveSizeError, type SymbolicOctave } from './octave-layers';
import type { OctavePath } from './types';

/** Options of one OctConv. */
export interface OctConvOptions {
  /** Layer-name prefix, e.g. 'stage1/block2/conv1'. */
  name: string;
  /** Ratio of low-frequency channels of the input, α_in ∈ [0, 1]. */
  alphaIn: number;
  /** Ratio of low-frequency channels of the output, α_out ∈ [0, 1]. */
  alphaOut: number;
  /** Total output channels (split by {@link splitChannels}(filters, alphaOut)). */
  filters: number;
  /** Square kernel size (odd, 'same' padding). */
  kernelSize: number;
  /** 1, or 2 = pool-based downsampling (paper §3.3; never a strided conv). Default 1. */
  strides?: 1 | 2;
  /** 1 (default) or the channel count (depthwise ⇒ only H→H and L→L, α_in = α_out). */
  groups?: number;
  /** Model seed; each path conv gets `layerSeed(seed, layerName)` (He-normal init). */
  seed: number;
}

/** Channel counts of an OctConv: input and output split into high/low. */
interface OctConvChannels {
  inHigh: number;
  inLow: number;
  outHigh: number;
  outLow: number;
  depthwise: boolean;
}

/**
 * Validates options against the actual input and returns the channel split.
 * @throws Error for α outside [0,1]/NaN, an input whose branches do not match α_in, non-positive
 *   filters, groups not dividing a branch's channels, unsupported groups, odd spatial sizes
 */
function planOctConv(x: SymbolicOctave, o: OctConvOptions): OctConvChannels {
  checkAlpha(o.alphaIn, `${o.name}: alphaIn`);
  checkAlpha(o.alphaOut, `${o.name}: alphaOut`);
  if (!Number.isInteger(o.filters) || o.filters <= 0) {
    throw new Error(`${o.name}: filters must be a positive integer, got ${o.filters}`);
  }
  const inHigh = x.high ? (x.high.shape[3] as number) : 0;
  const inLow = x.low ? (x.low.shape[3] as number) : 0;
  const expected = splitChannels(inHigh + inLow, o.alphaIn);
  if (expected.high !== inHigh || expected.low !== inLow) {
    throw new Error(
      `${o.name}: input has ${inHigh} high + ${inLow} low channels, but alphaIn=${o.alphaIn} splits ` +
        `${inHigh + inLow} channels into ${expected.high} + ${expected.low}`,
    );
  }
  const { high: outHigh, low: outLow } = splitChannels(o.filters, o.alphaOut);
  const groups = o.groups ?? 1;
  const depthwise = groups !== 1;
  if (depthwise) {
    if (!Number.isInteger(groups) || groups < 1) throw new Error(`${o.name}: groups must be a positive integer, got ${groups}`);
    const isDepthwise = groups === inHigh + inLow && o.filters === groups && o.alphaIn === o.alphaOut;
    if (!isDepthwise) {
      for (const [branch, c] of [
        ['high in', inHigh],
        ['low in', inLow],
        ['high out', outHigh],
        ['low out', outLow],
      ] as const) {
        if (c % groups !== 0) throw new Error(`${o.name}: groups=${groups} does not divide the ${branch} branch's ${c} channels`);
      }
      throw new Error(
        `${o.name}: only groups=1 or depthwise (groups = channels = filters, alphaIn = alphaOut) are supported; got groups=${groups}, ${inHigh + inLow} → ${o.filters} channels`,
      );
    }
  }
  const ref = x.high ?? x.low!;
  const scale = x.high ? 1 : 2;
  const [h, w] = [(ref.shape[1] as number) * scale, (ref.shape[2] as number) * scale];
  if (x.high && x.low && (x.low.shape[1] !== h / 2 || x.low.shape[2] !== w / 2)) {
    throw new Error(`${o.name}: low branch is ${x.low.shape[1]}×${x.low.shape[2]}, expected half of ${h}×${w}`);
  }
  const sizeError = octaveSizeError(o.name, h, w, { in: inLow > 0, out: outLow > 0 }, o.strides ?? 1);
  if (sizeError) throw new Error(sizeError);
  return { inHigh, inLow, outHigh, outLow, depthwise };
}

/** Output channels of each path. */
function pathFilters(c: OctConvChannels, path: OctavePath): number {
  return path === 'hh' || path === 'lh' ? c.outHigh : c.outLow;
}

/**
 * One path convolution f(·; W_path): no bias, 'same' padding, stride 1, He-normal init seeded by
 * its name. Depthwise when the OctConv is depthwise.
 */
function pathConv(o: OctConvOptions, c: OctConvChannels, path: OctavePath, input: tf.SymbolicTensor): tf.SymbolicTensor {
  const name = `${o.name}/${path}`;
  const initializer = tf.initializers.heNormal({ seed: layerSeed(o.seed, name) });
  const layer = c.depthwise
    ? tf.layers.depthwiseConv2d({
        name,
        kernelSize: o.kernelSize,
        padding: 'same',
        useBias: false,
        depthwiseInitializer: initializer,
      })
    : tf.layers.conv2d({
        name,
        filters: pathFilters(c, path),
        kernelSize: o.kernelSize,
        padding: 'same',
        useBias: false,
        kernelInitializer: initializer,
      });
  return layer.apply(input) as tf.SymbolicTensor;
}

/** Sum of the existing terms (`${name}`: add layer), or null when there is none. */
function sumTerms(name: string, terms: Array<tf.SymbolicTensor | null>): tf.SymbolicTensor | null {
  const present = terms.filter((t): t is tf.SymbolicTensor => t != null);
  if (present.length <= 1) return present[0] ?? null;
  return tf.layers.add({ name }).apply(present) as tf.SymbolicTensor;
}

/**
 * Octave convolution, paper eq. (1)–(2):
 *
 *   Y_H = f(X_H; W_HH) + upsample(f(X_L; W_LH), 2)
 *   Y_L = f(X_L; W_LL) + f(pool(X_H, 2); W_HL)
 *
 * Stride 2 (paper §3.3, Table 3) pools instead of striding: H→H = f(pool(X_H)),
 * H→L = f(pool(pool(X_H))), L→L = f(pool(X_L)), L→H = f(X_L) with no upsample.
 * pool = 2×2 average, stride 2, 'valid'; upsample = nearest ×2 applied after the L→H conv.
 *
 * @param x input octave tensor: high [N,H,W,cH_in] and/or low [N,H/2,W/2,cL_in] (symbolic)
 * @param o options (see {@link OctConvOptions})
 * @returns Y_H [N,H/s,W/s,cH_out] and Y_L [N,H/2s,W/2s,cL_out]; a branch with 0 channels is null.
 *   No BatchNorm/ReLU here (see octBatchNorm).
 * @throws Error on invalid α, channels, groups, or odd spatial sizes (naming the layer and the size)
 */
export function octConv(x: SymbolicOctave, o: OctConvOptions): SymbolicOctave {
  const c = planOctConv(x, o);
  const stride2 = (o.strides ?? 1) === 2;
  const pool = (t: tf.SymbolicTensor, suffix: string): tf.SymbolicTensor =>
    tf.layers
      .averagePooling2d({ name: `${o.name}/${suffix}`, poolSize: 2, strides: 2, padding: 'valid' })
      .apply(t) as tf.SymbolicTensor;
  const upsample = (t: tf.SymbolicTensor): tf.SymbolicTensor =>
    new NearestUpsample2x({ name: `${o.name}/lh_up` }).apply(t) as tf.SymbolicTensor;
  const conv = (path: OctavePath, t: tf.SymbolicTensor): tf.SymbolicTensor => pathConv(o, c, path, t);
  const { high: xH, low: xL } = x;
  const wants = (path: OctavePath): boolean => {
    const fromHigh = path[0] === 'h' ? xH != null : xL != null;
    const cross = path === 'hl' || path === 'lh';
    return fromHigh && pathFilters(c, path) > 0 && !(c.depthwise && cross);
  };
  const xHPooled = xH && (stride2 || wants('hl')) ? pool(xH, 'pool_high') : null; // pool(X_H)

  // eq. (1): Y_H = f(X_H; W_HH) + upsample(f(X_L; W_LH), 2)
  const yH = sumTerms(`${o.name}/add_high`, [
    wants('hh') ? conv('hh', stride2 ? xHPooled! : xH!) : null,
    wants('lh') ? (stride2 ? conv('lh', xL!) : upsample(conv('lh', xL!))) : null,
  ]);
  // eq. (2): Y_L = f(X_L; W_LL) + f(pool(X_H); W_HL)
  const yL = sumTerms(`${o.name}/add_low`, [
    wants('ll') ? conv('ll', stride2 ? pool(xL!, 'pool_low') : xL!) : null,
    wants('hl') ? conv('hl', stride2 ? pool(xHPooled!, 'pool_high2') : xHPooled!) : null,
  ]);
  return { high: yH, low: yL };
}
