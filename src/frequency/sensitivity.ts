/**
 * Fourier sensitivity map (Yin et al., NeurIPS 2019, "A Fourier perspective on model robustness",
 * §2): the error rate when every test image gets an additive Fourier basis image of fixed ℓ2 norm,
 * X̃ = clip(X + r·ε·U_{u,v}), with a random sign r per image and channel, at each (u, v) of a
 * coarse grid over the centred 32×32 spectrum (tfjs, DOM-free).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeed } from '../data/rng';
import { CIFAR10_CHANNELS, CIFAR10_SIZE, type ChannelStats, type Cifar10Split } from '../data/types';
import { top1PerVariant, type EvalLoopOptions, type Variant } from './evaluate';
import { foldBatchNorm, foldedVariant } from './foldBatchNorm';
import type { SensitivityMap } from './types';

/** Default ℓ2 norm of the perturbation per channel on the [0, 1] pixel scale (Yin et al. use 4 on CIFAR-10). */
export const DEFAULT_SENSITIVITY_EPSILON = 4;
/** Default grid: 16×16 cells, every second frequency of the 32×32 spectrum. */
export const DEFAULT_SENSITIVITY_GRID = 16;

/**
 * The Fourier basis image U_{u,v} of an N×N grid: `cos(2π(u·y + v·x)/N)` scaled to unit ℓ2 norm,
 * row-major [N, N]. Its DFT is non-zero only at (u, v) and (−u, −v), so U_{u,v} = U_{−u,−v}.
 * @throws Error when size is not a positive integer or u, v are not integers.
 */
export function fourierBasis(size: number, u: number, v: number): Float32Array {
  if (!Number.isInteger(size) || size <= 0 || !Number.isInteger(u) || !Number.isInteger(v)) {
    throw new Error(`fourierBasis: size must be a positive integer and (u, v) integers, got ${size}, (${u}, ${v})`);
  }
  const out = new Float64Array(size * size);
  let norm = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const phase = (((u * y + v * x) % size) + size) % size;
      const value = Math.cos((2 * Math.PI * phase) / size);
      out[y * size + x] = value;
      norm += value * value;
    }
  }
  const scale = 1 / Math.sqrt(norm);
  return Float32Array.from(out, (value) => value * scale);
}

/**
 * The grid's frequencies and which cells must be evaluated: cell (i, j) holds (u, v) =
 * (f_i, f_j) with f_k = (k − G/2)·(N/G) DFT steps; (u, v) and (−u, −v) (mod N) give the same
 * basis image, so each conjugate pair is evaluated once (`representative[i·G + j]` = the cell
 * whose result it shares).
 * @throws Error when gridSize is not an even divisor of size.
 */
export function sensitivityGrid(gridSize: number, size = CIFAR10_SIZE): { steps: number[]; representative: number[] } {
  if (!Number.isInteger(gridSize) || gridSize < 2 || gridSize % 2 !== 0 || size % gridSize !== 0) {
    throw new Error(`sensitivity grid must be an even divisor of ${size} (e.g. 8, 16, 32), got ${gridSize}`);
  }
  const stride = size / gridSize;
  const steps = Array.from({ length: gridSize }, (_, k) => (k - gridSize / 2) * stride);
  const cellOf = (u: number, v: number): number => {
    const wrap = (f: number) => ((((f + size / 2) % size) + size) % size) - size / 2; // to [−N/2, N/2)
    return (wrap(u) / stride + gridSize / 2) * gridSize + wrap(v) / stride + gridSize / 2;
  };
  const representative = steps.flatMap((u, i) => steps.map((v, j) => Math.min(i * gridSize + j, cellOf(-u, -v))));
  return { steps, representative };
}

/** Options of {@link sensitivityMap}. */
export interface SensitivityOptions extends EvalLoopOptions {
  /** Cells per side (default 16). */
  gridSize?: number;
  /** ℓ2 norm per channel on the [0, 1] scale (default 4). */
  epsilon?: number;
  /** Seed of the random signs (default 0). */
  seed?: number;
  /**
   * Only cells c with c mod count = index (in the order of the conjugate-symmetric representatives);
   * the others' error rates are NaN. The random signs depend on the cell, not on the part, so
   * merged parts equal one whole run (./merge.ts).
   */
  cellPart?: { index: number; count: number };
}

/**
 * Error rate of `model` on the first `images` test images under each grid cell's perturbation
 * X̃ = clip(X + r·ε·255·U_{u,v}, 0, 255) (pixels 0–255; r = ±1 drawn per image and channel,
 * seeded by cell), normalised as in training, BatchNorm folded (./foldBatchNorm). Progress units:
 * cells × batches.
 * @throws Error on a bad grid, epsilon or image count; CancelledError when the signal aborts.
 */
export async function sensitivityMap(
  model: tf.LayersModel,
  test: Cifar10Split,
  stats: ChannelStats,
  options: SensitivityOptions,
): Promise<SensitivityMap> {
  const gridSize = options.gridSize ?? DEFAULT_SENSITIVITY_GRID;
  const epsilon = options.epsilon ?? DEFAULT_SENSITIVITY_EPSILON;
  if (!Number.isFinite(epsilon) || epsilon <= 0)
    throw new Error(`sensitivity epsilon must be a positive ℓ2 norm, got ${epsilon}`);
  const { steps, representative } = sensitivityGrid(gridSize);
  const part = options.cellPart ?? { index: 0, count: 1 };
  if (
    !Number.isInteger(part.count) ||
    part.count < 1 ||
    !Number.isInteger(part.index) ||
    part.index < 0 ||
    part.index >= part.count
  )
    throw new Error(`sensitivity cellPart must have 0 ≤ index < count (integers), got ${part.index} of ${part.count}`);
  const allCells = [...new Set(representative)];
  // Each cell keeps its index in allCells (c), which seeds its signs.
  const cells = allCells.map((cell, c) => ({ cell, c })).filter(({ c }) => c % part.count === part.index);
  const folded = foldBatchNorm(model);
  const plain = foldedVariant(model, folded);
  const variants: Variant[] = [
    plain,
    ...cells.map(({ cell, c }): Variant => {
      const basis = fourierBasis(CIFAR10_SIZE, steps[Math.floor(cell / gridSize)], steps[cell % gridSize]);
      return (pixels, normalise, batch) => {
        const [b] = pixels.shape;
        const rng = createRng(mixSeed(options.seed ?? 0, c, batch));
        const signs = Float32Array.from({ length: b * CIFAR10_CHANNELS }, () => (rng() < 0.5 ? -1 : 1));
        const delta = tf.mul(
          tf.tensor4d(basis, [1, CIFAR10_SIZE, CIFAR10_SIZE, 1]),
          tf.tensor4d(signs, [b, 1, 1, CIFAR10_CHANNELS]),
        );
        return plain(tf.clipByValue(tf.add(pixels, tf.mul(delta, epsilon * 255)), 0, 255) as tf.Tensor4D, normalise, batch);
      };
    }),
  ];
  let top1: number[];
  try {
    top1 = await top1PerVariant(test, stats, variants, options);
  } finally {
    folded.dispose();
  }
  const errorOfCell = new Map(cells.map(({ cell }, k) => [cell, 1 - top1[1 + k]]));
  return {
    gridSize,
    frequencies: steps.map((s) => s / CIFAR10_SIZE),
    epsilon,
    images: options.images,
    errorRate: representative.map((cell) => errorOfCell.get(cell) ?? NaN),
    cleanErrorRate: 1 - top1[0],
  };
}
