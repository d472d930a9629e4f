/**
 * CIFAR augmentation on the device: random crop from a 4-pixel zero-padded image + random
 * horizontal flip (He et al. 2016, §4.2; the standard CIFAR ResNet recipe).
 *
 * The random choices (offsets, flips) are drawn on the CPU from a seeded generator (a few bytes per
 * image); the pixels move on the device: one `pad` and one `gather` with an index map that folds
 * crop and flip together, so the result is exact (no interpolation) on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { randInt, type Rng } from './rng';

/** Zero padding on each side before the random crop (pixels). */
export const CROP_PADDING = 4;

/** Per-image augmentation choices for a batch of B images. */
export interface AugmentParams {
  /** Crop offsets in the padded image, [dy0, dx0, dy1, dx1, …], each in 0…2·padding. */
  offsets: Int32Array;
  /** 1 = mirror left↔right (after cropping), 0 = keep. Length B. */
  flips: Uint8Array;
}

/** Draws crop offsets (uniform 0…2·padding) and flips (p = ½) for `batch` images. */
export function sampleAugmentParams(rng: Rng, batch: number, padding = CROP_PADDING): AugmentParams {
  const offsets = new Int32Array(batch * 2);
  const flips = new Uint8Array(batch);
  for (let i = 0; i < batch; i++) {
    offsets[2 * i] = randInt(rng, 2 * padding + 1);
    offsets[2 * i + 1] = randInt(rng, 2 * padding + 1);
    flips[i] = rng() < 0.5 ? 1 : 0;
  }
  return { offsets, flips };
}

/**
 * Crops each image of x [B,H,W,C] at its offset from the zero-padded image [B,H+2p,W+2p,C] and
 * mirrors it when its flip is 1: out[b,y,x,c] = padded[b, y+dy_b, (flip_b ? W−1−x : x)+dx_b, c].
 * Returns [B,H,W,C] with x's dtype; x is not disposed. Pads with 0, so apply before normalising.
 *
 * @throws Error when the parameter lengths do not match B or an offset is outside 0…2p.
 */
export function applyCropFlip(x: tf.Tensor4D, params: AugmentParams, padding = CROP_PADDING): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  if (params.offsets.length !== 2 * b || params.flips.length !== b) {
    throw new Error(`applyCropFlip: ${b} images but ${params.offsets.length / 2} offset pairs and ${params.flips.length} flips`);
  }
  const hp = h + 2 * padding;
  const wp = w + 2 * padding;
  const index = new Int32Array(b * h * w);
  let k = 0;
  for (let i = 0; i < b; i++) {
    const dy = params.offsets[2 * i];
    const dx = params.offsets[2 * i + 1];
    if (dy < 0 || dy > 2 * padding || dx < 0 || dx > 2 * padding) {
      throw new Error(`applyCropFlip: offset (${dy}, ${dx}) of image ${i} is outside 0…${2 * padding}`);
    }
    const flip = params.flips[i] === 1;
    const base = i * hp * wp;
    for (let y = 0; y < h; y++) {
      const row = base + (y + dy) * wp + dx;
      for (let xx = 0; xx < w; xx++) index[k++] = row + (flip ? w - 1 - xx : xx);
    }
  }
  return tf.tidy(() => {
    const padded = tf.pad(x, [
      [0, 0],
      [padding, padding],
      [padding, padding],
      [0, 0],
    ]);
    const flat = tf.reshape(padded, [b * hp * wp, c]);
    const picked = tf.gather(flat, tf.tensor1d(index, 'int32'));
    return tf.reshape(picked, [b, h, w, c]) as tf.Tensor4D;
  });
}
