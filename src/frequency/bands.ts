/**
 * Ideal radial band filters on the 2-D DFT of an image (plain TypeScript, no tfjs: the page uses
 * it to show a filtered example). After Wang et al., CVPR 2020, "High-frequency component helps
 * explain the generalization of CNNs" (§3, the radial low/high-pass split), and Jo & Bengio 2017.
 *
 * The DFT index (u, v) of an N×N image has the signed frequency (fu, fv) in cycles/pixel and the
 * radial frequency r = √(fu² + fv²) ∈ [0, √2/2]. A low-pass at radius R keeps r < R; a high-pass
 * keeps r ≥ R plus the DC term (each channel's mean), so the image stays in range. Both are
 * written as `x − removed`, where `removed` is the circular convolution of x with the inverse DFT
 * of the dropped set: when nothing is dropped the image comes back bit for bit.
 */
import { signedFrequency } from '../spectra/radial';
import type { BandKind } from './types';

/** Radial frequencies within this distance of the radius count as "at" it (kept by the high-pass). */
const RADIUS_TOLERANCE = 1e-9;

/**
 * Default radius grid (cycles/pixel of the 32×32 input grid), ascending, 12 values: dense below
 * ¼ where natural images keep most energy. The last, 23/32 ≈ 0.719, lies above the corner
 * frequency √2/2 ≈ 0.707, so its low-pass keeps every frequency (the unfiltered image) and its
 * high-pass keeps only the channel means.
 */
export const DEFAULT_RADII: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 23].map((k) => k / 32);

/**
 * Radial frequency of every DFT index of an N×N grid, row-major [N, N] (not centred), cycles/pixel.
 * @throws Error when size is not a positive integer.
 */
export function radialFrequencies(size: number): Float64Array {
  if (!Number.isInteger(size) || size <= 0) throw new Error(`radialFrequencies: size must be a positive integer, got ${size}`);
  const r = new Float64Array(size * size);
  for (let u = 0; u < size; u++) {
    const fu = signedFrequency(u, size);
    for (let v = 0; v < size; v++) {
      const fv = signedFrequency(v, size);
      r[u * size + v] = Math.sqrt(fu * fu + fv * fv);
    }
  }
  return r;
}

/**
 * Checks a band filter's parameters.
 * @throws Error on an unknown kind or a radius that is negative or not finite.
 */
export function checkBand(radius: number, kind: BandKind): void {
  if (kind !== 'lowPass' && kind !== 'highPass') {
    throw new Error(`band filter: kind must be 'lowPass' or 'highPass', got '${String(kind)}'`);
  }
  if (!Number.isFinite(radius) || radius < 0) {
    throw new Error(`band filter: radius must be a finite number ≥ 0 cycles/pixel, got ${radius}`);
  }
}

/** True when the filter keeps a component of radial frequency r (r = 0 is the DC term). */
export function bandKeeps(r: number, radius: number, kind: BandKind): boolean {
  const below = r < radius - RADIUS_TOLERANCE;
  return kind === 'lowPass' ? below : r === 0 || !below;
}

/**
 * Mask of the DFT indices a filter drops, row-major [N, N] (1 = dropped), and how many.
 * @throws Error on bad parameters (see checkBand) or size.
 */
export function droppedMask(size: number, radius: number, kind: BandKind): { mask: Uint8Array; count: number } {
  checkBand(radius, kind);
  const r = radialFrequencies(size);
  const mask = new Uint8Array(size * size);
  let count = 0;
  for (let i = 0; i < r.length; i++) {
    if (!bandKeeps(r[i], radius, kind)) {
      mask[i] = 1;
      count++;
    }
  }
  return { mask, count };
}

/**
 * The removal kernel h of a filter: the inverse DFT of its dropped set D,
 * `h[dy, dx] = (1/N²) Σ_{(u,v) ∈ D} cos(2π(u·dy + v·dx)/N)` (real and even because D is
 * symmetric under (u, v) → (−u, −v)), row-major [N, N]; the filter is `x − h ⊛ x` (circular
 * convolution per channel). Null when nothing is dropped (the filter is the identity).
 * @throws Error on bad parameters.
 */
export function removalKernel(size: number, radius: number, kind: BandKind): Float64Array | null {
  const { mask, count } = droppedMask(size, radius, kind);
  if (count === 0) return null;
  const cos = new Float64Array(size);
  for (let k = 0; k < size; k++) cos[k] = Math.cos((2 * Math.PI * k) / size);
  const h = new Float64Array(size * size);
  for (let u = 0; u < size; u++) {
    for (let v = 0; v < size; v++) {
      if (!mask[u * size + v]) continue;
      for (let dy = 0; dy < size; dy++) {
        const uy = u * dy;
        for (let dx = 0; dx < size; dx++) h[dy * size + dx] += cos[(uy + v * dx) % size];
      }
    }
  }
  for (let i = 0; i < h.length; i++) h[i] /= size * size;
  return h;
}

/**
 * Band-filters one image (plain loops, for the page's example; the evaluation runs the same
 * filter in the DFT domain in tfjs, see spectralFilter.ts).
 *
 * @param image row-major [size, size, channels] (e.g. a CIFAR-10 image, uint8 0–255).
 * @returns float32 [size, size, channels] in the input's units; a low-pass above √2/2 (or a
 *   high-pass at 0) returns the input values exactly. High-pass results are signed around the mean.
 * @throws Error on bad parameters or a length that is not size²·channels.
 */
export function filterImage(image: ArrayLike<number>, radius: number, kind: BandKind, size = 32, channels = 3): Float32Array {
  if (!Number.isInteger(channels) || channels <= 0 || image.length !== size * size * channels) {
    throw new Error(`filterImage: expected ${size}×${size}×${channels} = ${size * size * channels} values, got ${image.length}`);
  }
  const out = Float32Array.from(image);
  const h = removalKernel(size, radius, kind);
  if (h === null) return out;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) {
        let removed = 0;
        for (let sy = 0; sy < size; sy++) {
          const row = ((y - sy + size) % size) * size;
          for (let sx = 0; sx < size; sx++) removed += h[row + ((x - sx + size) % size)] * image[(sy * size + sx) * channels + c];
        }
        out[(y * size + x) * channels + c] = image[(y * size + x) * channels + c] - removed;
      }
    }
  }
  return out;
}
