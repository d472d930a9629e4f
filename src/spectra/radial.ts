/**
 * Frequency bookkeeping of a 2-D DFT (plain TypeScript, no tfjs): the signed frequency of each
 * DFT index, the fft-shift that centres a spectrum, and the radial energy profile on the
 * reference (input-resolution) grid.
 */

/** Largest radial frequency of any grid: the corner (½, ½) cycles/pixel, i.e. √2/2. */
export const MAX_RADIAL_FREQUENCY = Math.SQRT1_2;

/** Frequencies within this distance of the cut-off count as "at" it (not below). */
const CUTOFF_TOLERANCE = 1e-9;

/**
 * Signed frequency of DFT index `k` on an axis of `n` samples, in cycles per sample of that
 * axis: k/n for k ≤ n/2, (k − n)/n above (the Nyquist index n/2 of an even n maps to +½).
 */
export function signedFrequency(k: number, n: number): number {
  return (k <= n / 2 ? k : k - n) / n;
}

/**
 * Centre a row-major [height, width] spectrum like numpy.fft.fftshift: the DC term moves from
 * (0, 0) to (⌊height/2⌋, ⌊width/2⌋), negative frequencies above/left of it.
 * @returns a new Float32Array [height, width].
 * @throws Error if `data.length !== height·width`.
 */
export function fftShift2d(data: ArrayLike<number>, height: number, width: number): Float32Array {
  if (data.length !== height * width) {
    throw new Error(`fftShift2d: data has ${data.length} values, expected ${height}×${width}`);
  }
  const out = new Float32Array(height * width);
  const dy = Math.floor(height / 2);
  const dx = Math.floor(width / 2);
  for (let y = 0; y < height; y++) {
    const row = ((y + dy) % height) * width;
    for (let x = 0; x < width; x++) out[row + ((x + dx) % width)] = data[y * width + x];
  }
  return out;
}

/** Radial energy profile of one spectrum on the reference grid. */
export interface RadialProfile {
  /** Bin centres k·binWidth, k = 0…K, cycles/pixel of the reference grid, K = round((√2/2)/binWidth). */
  frequency: number[];
  /** Fraction of `totalEnergy` in each bin (sums to 1; all 0 when totalEnergy is 0). */
  energy: number[];
  /** Fraction of `totalEnergy` at radial frequency strictly below the cut-off (0 when no energy). */
  lowEnergyFraction: number;
  /** Σ of the energy map (units of the input: Σ_c |F|² for the unnormalised DFT). */
  totalEnergy: number;
}

/**
 * Bin an (uncentred) energy map by radial frequency on the reference grid.
 *
 * Index (u, v) of a branch's [height, width] DFT has frequency (fu, fv) = signedFrequency in
 * cycles per branch pixel; one branch pixel spans 1/scale reference pixels, so its radial
 * frequency on the reference grid is r = scale·√(fu² + fv²) (a half-resolution low map,
 * scale ½, covers r ≤ ¼ on each axis). Bin k holds r ∈ [(k − ½)·binWidth, (k + ½)·binWidth):
 * bin 0 is the DC term alone when binWidth = 1/N_ref, and a pure frequency of k cycles per
 * N_ref-pixel reference grid lands in bin k.
 *
 * @param energy row-major [height, width] energy per DFT index (not centred).
 * @param scale branch resolution / reference resolution, in (0, 1].
 * @param binWidth bin width, cycles/pixel of the reference grid (> 0).
 * @param cutoff low-frequency cut-off, cycles/pixel of the reference grid (> 0).
 * @throws Error on a size mismatch or a non-positive/non-finite parameter.
 */
export function radialProfile(
  energy: ArrayLike<number>,
  height: number,
  width: number,
  scale: number,
  binWidth: number,
  cutoff: number,
): RadialProfile {
  if (energy.length !== height * width) {
    throw new Error(`radialProfile: energy has ${energy.length} values, expected ${height}×${width}`);
  }
  for (const [name, value] of [
    ['scale', scale],
    ['binWidth', binWidth],
    ['cutoff', cutoff],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`radialProfile: ${name} must be a positive finite number, got ${value}`);
    }
  }
  if (scale > 1) throw new Error(`radialProfile: scale must be ≤ 1 (branch finer than the reference grid), got ${scale}`);
  const lastBin = Math.round(MAX_RADIAL_FREQUENCY / binWidth);
  const sums = new Float64Array(lastBin + 1);
  let total = 0;
  let below = 0;
  for (let u = 0; u < height; u++) {
    const fu = signedFrequency(u, height);
    for (let v = 0; v < width; v++) {
      const fv = signedFrequency(v, width);
      const e = energy[u * width + v];
      const r = scale * Math.sqrt(fu * fu + fv * fv);
      sums[Math.min(lastBin, Math.round(r / binWidth))] += e;
      total += e;
      if (r < cutoff - CUTOFF_TOLERANCE) below += e;
    }
  }
  const frequency = Array.from({ length: lastBin + 1 }, (_, k) => k * binWidth);
  return {
    frequency,
    energy: Array.from(sums, (s) => (total > 0 ? s / total : 0)),
    lowEnergyFraction: total > 0 ? below / total : 0,
    totalEnergy: total,
  };
}
