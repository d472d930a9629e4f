/**
 * Pixels for the inspect views (plain TypeScript, no DOM): feature-map channels and spectra
 * turned into RGBA for `ImageData`, and value ranges for the scale switch.
 */
import type { FeatureMap } from '../../train/protocol';
import { colormapLut, LUT_SIZE, type ColormapName } from './colormap';

/** Closed value range. */
export interface ValueRange {
  min: number;
  max: number;
}

/**
 * Range of one channel of a map (channel given) or of all channels (channel undefined).
 * Non-finite values are skipped; an empty or all-non-finite selection gives {0, 0}.
 * @throws Error if `channel` is out of range.
 */
export function valueRange(map: FeatureMap, channel?: number): ValueRange {
  const { channels, data } = map;
  if (channel !== undefined && !(Number.isInteger(channel) && channel >= 0 && channel < channels)) {
    throw new Error(`valueRange: channel ${channel} out of range 0…${channels - 1}`);
  }
  let min = Infinity;
  let max = -Infinity;
  const start = channel ?? 0;
  const step = channel === undefined ? 1 : channels;
  for (let i = start; i < data.length; i += step) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

/** Colour map suited to a range: diverging (symmetric about 0) when it has negative values. */
export function colormapFor(range: ValueRange): ColormapName {
  return range.min < 0 ? 'diverging' : 'viridis';
}

/**
 * RGBA pixels [height, width, 4] of a row-major scalar grid read with `stride`/`offset`
 * (channel c of an [H, W, C] map: stride C, offset c). viridis maps min…max to 0…1; diverging
 * maps −m…m (m = max |value|) so that 0 is the neutral centre. A flat range draws t = 0
 * (viridis) or the centre (diverging). Non-finite values draw magenta.
 */
export function renderScalars(
  values: ArrayLike<number>,
  height: number,
  width: number,
  range: ValueRange,
  colormap: ColormapName,
  stride = 1,
  offset = 0,
): Uint8ClampedArray {
  const lut = colormapLut(colormap);
  const out = new Uint8ClampedArray(height * width * 4);
  const m = Math.max(Math.abs(range.min), Math.abs(range.max));
  const span = range.max - range.min;
  for (let p = 0; p < height * width; p++) {
    const v = values[p * stride + offset];
    const o = p * 4;
    out[o + 3] = 255;
    if (!Number.isFinite(v)) {
      out[o] = 255;
      out[o + 2] = 255;
      continue;
    }
    let t: number;
    if (colormap === 'diverging') t = m > 0 ? 0.5 + v / (2 * m) : 0.5;
    else t = span > 0 ? (v - range.min) / span : 0;
    const i = Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1)) * 3;
    out[o] = lut[i];
    out[o + 1] = lut[i + 1];
    out[o + 2] = lut[i + 2];
  }
  return out;
}

/** RGBA of channel `channel` of a feature map in the given range and colour map. */
export function renderChannel(map: FeatureMap, channel: number, range: ValueRange, colormap: ColormapName): Uint8ClampedArray {
  return renderScalars(map.data, map.height, map.width, range, colormap, map.channels, channel);
}

/**
 * RGBA of an RGB image given as numbers in [height, width, 3] layout: each value becomes
 * clamp(offset + gain·v) (an image: offset 0, gain 1; a signed residual: offset 128).
 */
export function renderRgb(data: ArrayLike<number>, height: number, width: number, offset = 0, gain = 1): Uint8ClampedArray {
  const out = new Uint8ClampedArray(height * width * 4);
  for (let p = 0; p < height * width; p++) {
    out[p * 4] = offset + gain * data[p * 3];
    out[p * 4 + 1] = offset + gain * data[p * 3 + 1];
    out[p * 4 + 2] = offset + gain * data[p * 3 + 2];
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** Format a value for range read-outs: ≤ 3 significant digits (2, 0.125, 47.3), exponent for tiny/huge values. */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}
