/**
 * Runs one tiny OctConv on the current tfjs backend and on the float64 loop reference
 * (naive.ts): forward outputs and gradients of L = Σ r ⊙ y w.r.t. both inputs and every path kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { octConv, splitChannels, type OctavePath } from '../../src/octconv';
import { dotLoss, linearGradient, octConvRef, randomArr, type Arr4 } from './naive';

export interface OctCase {
  label: string;
  alphaIn: number;
  alphaOut: number;
  channelsIn: number;
  filters: number;
  stride: 1 | 2;
  /** High-resolution size H = W. */
  size: number;
  batch: number;
}

/** Per quantity: max |tfjs − reference| / max |reference|, and the reference's max |value|. */
export type CaseErrors = Record<string, { rel: number; refMax: number }>;

const relErr = (
  got: Float32Array | Float64Array | Int32Array | Uint8Array,
  ref: Float64Array,
): { rel: number; refMax: number } => {
  let diff = 0;
  let refMax = 0;
  for (let i = 0; i < ref.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - ref[i]));
    refMax = Math.max(refMax, Math.abs(ref[i]));
  }
  if (got.length !== ref.length) throw new Error(`length ${got.length} vs ${ref.length}`);
  return { rel: diff / Math.max(refMax, 1e-12), refMax };
};

/**
 * Compares tfjs and reference for one case; returns the errors keyed 'y.high', 'dx.low',
 * 'dW.hh', … and the set of paths that were built.
 */
export async function compareOctConv(c: OctCase): Promise<{ errors: CaseErrors; paths: OctavePath[] }> {
  const inSplit = splitChannels(c.channelsIn, c.alphaIn);
  const outSplit = splitChannels(c.filters, c.alphaOut);
  const [h, n] = [c.size, c.batch];
  const xH = inSplit.high > 0 ? randomArr([n, h, h, inSplit.high], 11) : null;
  const xL = inSplit.low > 0 ? randomArr([n, h / 2, h / 2, inSplit.low], 12) : null;
  const paths: OctavePath[] = [];
  const w: Partial<Record<OctavePath, Arr4>> = {};
  const add = (p: OctavePath, ci: number, co: number, seed: number): void => {
    if (ci > 0 && co > 0) {
      w[p] = randomArr([3, 3, ci, co], seed);
      paths.push(p);
    }
  };
  add('hh', inSplit.high, outSplit.high, 21);
  add('hl', inSplit.high, outSplit.low, 22);
  add('lh', inSplit.low, outSplit.high, 23);
  add('ll', inSplit.low, outSplit.low, 24);
  const ref = octConvRef(xH, xL, w, c.stride);
  const r = {
    high: ref.high ? randomArr(ref.high.shape, 31) : null,
    low: ref.low ? randomArr(ref.low.shape, 32) : null,
  };
  const loss = (): number => dotLoss(octConvRef(xH, xL, w, c.stride), r);

  // tfjs model of the same OctConv, weights set from the reference arrays.
  const inH = xH ? tf.input({ shape: [h, h, inSplit.high] }) : null;
  const inL = xL ? tf.input({ shape: [h / 2, h / 2, inSplit.low] }) : null;
  const y = octConv(
    { high: inH, low: inL },
    {
      name: `case${c.label}`,
      alphaIn: c.alphaIn,
      alphaOut: c.alphaOut,
      filters: c.filters,
      kernelSize: 3,
      strides: c.stride,
      seed: 1,
    },
  );
  const inputs = [inH, inL].filter((t): t is tf.SymbolicTensor => t != null);
  const outputs = [y.high, y.low].filter((t): t is tf.SymbolicTensor => t != null);
  const model = tf.model({ inputs, outputs });
  const builtPaths = (['hh', 'hl', 'lh', 'll'] as const).filter((p) =>
    model.layers.some((l) => l.name === `case${c.label}/${p}`),
  );
  for (const p of paths)
    model.getLayer(`case${c.label}/${p}`).setWeights([tf.tensor(Float32Array.from(w[p]!.data), w[p]!.shape)]);

  const toT = (a: Arr4 | null): tf.Tensor4D | null => (a ? tf.tensor4d(Float32Array.from(a.data), a.shape) : null);
  const [txH, txL, trH, trL] = [toT(xH), toT(xL), toT(r.high), toT(r.low)];
  const xs = [txH, txL].filter((t): t is tf.Tensor4D => t != null);
  const rs = [trH, trL].filter((t): t is tf.Tensor4D => t != null);
  const lossOf = (...args: tf.Tensor[]): tf.Scalar => {
    const out = model.apply(args) as tf.Tensor | tf.Tensor[];
    const list = Array.isArray(out) ? out : [out];
    return tf.addN(list.map((t, i) => tf.sum(tf.mul(t, rs[i])))) as tf.Scalar;
  };
  const kernels = paths.map((p) => model.getLayer(`case${c.label}/${p}`).trainableWeights[0].read() as tf.Variable);
  const before = tf.memory().numTensors;
  const forward = model.predict(xs) as tf.Tensor | tf.Tensor[];
  const fwd = Array.isArray(forward) ? forward : [forward];
  const dx = tf.grads(lossOf)(xs);
  const dW = tf.variableGrads(() => lossOf(...xs), kernels);

  const errors: CaseErrors = {};
  const yRef = [ref.high, ref.low].filter((t): t is Arr4 => t != null);
  const branchNames = [ref.high ? 'high' : null, ref.low ? 'low' : null].filter((b): b is string => b != null);
  for (let i = 0; i < fwd.length; i++) errors[`y.${branchNames[i]}`] = relErr(await fwd[i].data(), yRef[i].data);
  const inputNames = [xH ? 'high' : null, xL ? 'low' : null].filter((b): b is string => b != null);
  const inputRefs = [xH, xL].filter((t): t is Arr4 => t != null);
  for (let i = 0; i < dx.length; i++)
    errors[`dx.${inputNames[i]}`] = relErr(await dx[i].data(), linearGradient(inputRefs[i], loss));
  for (let i = 0; i < paths.length; i++) {
    errors[`dW.${paths[i]}`] = relErr(await dW.grads[kernels[i].name].data(), linearGradient(w[paths[i]]!, loss));
  }
  tf.dispose([...fwd, ...dx, dW.value, ...Object.values(dW.grads)]);
  const leaked = tf.memory().numTensors - before;
  tf.dispose([...xs, ...rs]);
  model.dispose();
  if (leaked !== 0) throw new Error(`${c.label}: ${leaked} tensors leaked`);
  if (String(builtPaths) !== String(paths)) throw new Error(`${c.label}: built paths ${builtPaths} ≠ expected ${paths}`);
  return { errors, paths };
}

/** The tiny cases: every path, the stride-2 scheme, first (0→α) and last (α→0) layers, batch 2. */
export const CASES: OctCase[] = [
  { label: 'mid', alphaIn: 0.5, alphaOut: 0.5, channelsIn: 4, filters: 4, stride: 1, size: 4, batch: 2 },
  { label: 'midStride2', alphaIn: 0.5, alphaOut: 0.5, channelsIn: 4, filters: 4, stride: 2, size: 4, batch: 2 },
  { label: 'first', alphaIn: 0, alphaOut: 0.5, channelsIn: 3, filters: 4, stride: 1, size: 4, batch: 2 },
  { label: 'lastStride2', alphaIn: 0.5, alphaOut: 0, channelsIn: 4, filters: 3, stride: 2, size: 4, batch: 3 },
  { label: 'alpha1', alphaIn: 1, alphaOut: 1, channelsIn: 2, filters: 3, stride: 2, size: 4, batch: 2 },
];
