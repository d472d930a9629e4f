/**
 * The octave's resolution changes on wasm by our SIMD kernels (src/tfjs-fixes/simd/pool2x2.c),
 * split over the kernel threads by images: the ×2 nearest upsample of L→H
 * (`ResizeNearestNeighbor`, paper eq. (1)), the 2×2/2 average pool of H→L (`AvgPool`) and its
 * gradient (`AvgPoolGrad`: dx = ¼ · upsample(dy)). tfjs-wasm's own ResizeNearestNeighbor and
 * AvgPoolGrad are scalar loops (about 5 ms each per Oct-ResNet-20 layer at batch 128,
 * scripts/bench-profile.ts); these cost only the octave, so they widen the gap between the step
 * time and the counted multiply-adds. Any other shape or attribute goes to the stock kernel.
 */
import type * as tf from '@tensorflow/tfjs';
import { imageSlices, runSliced, type ImageSlice } from './kernel-slices';
import { heapOffset, kernelThreads, simdExports, type SimdExports, type WasmBackendLike } from './wasm-simd-module';

type TensorInfo = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];
type Resample = 'up2_nearest' | 'sum2x2';

const isTwo = (v: number | number[]): boolean => (Array.isArray(v) ? v.every((d) => d === 2) : v === 2);

/**
 * Runs `fn` over x [n, h, w, c] → a new y: up2_nearest gives [n, 2h, 2w, c]; sum2x2 reads
 * x as [n, 2h', 2w', c] and gives [n, h', w', c]; both times ¼ when `quarter`.
 */
function resample(b: WasmBackendLike, fn: Resample, x: TensorInfo, quarter: boolean): TensorInfo {
  const [n, h, w, c] = x.shape;
  const [oh, ow] = fn === 'up2_nearest' ? [2 * h, 2 * w] : [h / 2, w / 2];
  const y = b.makeOutput([n, oh, ow, c], 'float32');
  if (n * oh * ow * c === 0) return y;
  const [small, x0, y0] = [fn === 'up2_nearest' ? [h, w] : [oh, ow], heapOffset(b, x), heapOffset(b, y)];
  const args = ([start, count]: ImageSlice): number[] => [
    x0 + start * h * w * c * 4,
    count,
    small[0],
    small[1],
    c,
    quarter ? 1 : 0,
    y0 + start * oh * ow * c * 4,
  ];
  const ex = simdExports(b);
  const call = ex[fn] as (...a: Parameters<SimdExports[Resample]>) => void;
  runSliced(b, fn, imageSlices(n, kernelThreads(b)).map(args), (a) => call(...(a as Parameters<SimdExports[Resample]>)));
  return y;
}

/** `ResizeNearestNeighbor` to exactly twice the size, no corner alignment, no half-pixel centres. */
export function makeResizeNearest2x(stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { images } = args.inputs as { images: TensorInfo };
    const a = args.attrs as unknown as { alignCorners: boolean; halfPixelCenters: boolean; size: [number, number] };
    const [, h, w] = images.shape;
    const twice = a.size[0] === 2 * h && a.size[1] === 2 * w && images.shape.length === 4;
    if (!twice || a.alignCorners || a.halfPixelCenters || images.dtype !== 'float32') return stock(args);
    return resample(args.backend as unknown as WasmBackendLike, 'up2_nearest', images, false);
  };
}

/** Pool attributes of AvgPool / AvgPoolGrad. */
interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: unknown;
}

/** True for the octave's pool: 2×2, stride 2, 'valid', on even sizes [N, H, W, C] float32. */
function isOctavePool(input: TensorInfo, a: PoolAttrs): boolean {
  const [, h, w] = input.shape;
  const even = input.shape.length === 4 && h % 2 === 0 && w % 2 === 0;
  return isTwo(a.filterSize) && isTwo(a.strides) && a.pad === 'valid' && even && input.dtype === 'float32';
}

/** `AvgPool` 2×2/2 'valid' on even sizes: y = ¼ · the 2×2 block sums. */
export function makeAvgPool2x2(stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (!isOctavePool(x, args.attrs as unknown as PoolAttrs)) return stock(args);
    return resample(args.backend as unknown as WasmBackendLike, 'sum2x2', x, true);
  };
}

/** `AvgPoolGrad` of that pool: dx[n, 2i+a, 2j+b, c] = dy[n, i, j, c] / 4 (dy [N, H/2, W/2, C]). */
export function makeAvgPoolGrad2x2(stock: tf.KernelFunc): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    if (!isOctavePool(input, args.attrs as unknown as PoolAttrs) || dy.dtype !== 'float32') return stock(args);
    return resample(args.backend as unknown as WasmBackendLike, 'up2_nearest', dy, true);
  };
}
