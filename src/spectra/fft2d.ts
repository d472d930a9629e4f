/**
 * 2-D discrete Fourier transform of every channel of a real feature map (DOM-free, tfjs).
 *
 * The transform is separable: a 1-D DFT along the width (last axis), a transpose, and a 1-D DFT
 * along the height. Each 1-D DFT is `tf.spectral.fft` on the GPU backends (webgl, webgpu), whose
 * FFT kernels run on the device. tfjs 4.22.0's wasm backend registers no `FFT` or `Complex`
 * kernel (it cannot even hold a complex64 tensor), and the cpu backend's FFT kernel is ~30× slower
 * than a matrix product here (measured: 720 ms vs 25 ms for a 32×32×16 map), so on those two the
 * same DFT runs as real matrix products with the cos/sin DFT matrix — what tfjs's own cpu kernel
 * does for sizes that are not a power of two — on the active backend, without switching backends
 * under a running trainer. Both paths are tested against a naive DFT.
 */
import * as tf from '@tensorflow/tfjs-core';
import { dftTrig } from './dftTrig';

/** How each 1-D DFT is computed: 'spectral' = tf.spectral.fft, 'matmul' = DFT matrix product. */
export type DftMethod = 'auto' | 'spectral' | 'matmul';

/** Options of {@link fft2d}. */
export interface Fft2dOptions {
  /**
   * 'auto' (default): tf.spectral.fft on a GPU backend that registers the FFT and Complex kernels
   * (webgl, webgpu), else 'matmul' (wasm, cpu). 'spectral' throws on a backend without the
   * kernels (wasm in tfjs 4.22.0).
   */
  method?: DftMethod;
}

/** Real and imaginary parts of a 2-D DFT, each [H, W, C] float32. */
export interface Fft2dResult {
  real: tf.Tensor3D;
  imag: tf.Tensor3D;
}

/**
 * True when `backendName` (default: the active backend) has the kernels tf.spectral.fft needs.
 */
export function hasSpectralFft(backendName: string = tf.getBackend()): boolean {
  return ['FFT', 'Complex', 'Real', 'Imag'].every((k) => tf.getKernel(k, backendName) != null);
}

/**
 * Unnormalised 2-D DFT of every channel of a real map:
 * `F[u, v, c] = Σ_{y<H} Σ_{x<W} x[y, x, c] · exp(−2πi (u·y/H + v·x/W))`
 * (numpy.fft.fft2 convention: no 1/(HW) factor, so F[0, 0, c] is the channel's sum and
 * Parseval reads Σ|F|² = H·W·Σ|x|²). Row u, column v is the frequency (u/H, v/W) cycles/pixel,
 * wrapped: indices ≥ H/2 (resp. W/2) are negative frequencies; the output is not centred.
 *
 * @param x real map [H, W, C] (NHWC without N); cast to float32. Not disposed.
 * @returns real and imaginary parts, each [H, W, C] float32; the caller disposes them.
 * @throws Error if `x` is not rank 3 or has a zero-sized axis, or if method 'spectral' is asked
 *   on a backend without the FFT kernel.
 */
export function fft2d(x: tf.Tensor3D, options: Fft2dOptions = {}): Fft2dResult {
  if (!(x instanceof tf.Tensor) || x.rank !== 3) {
    throw new Error(`fft2d: expected a rank-3 [H, W, C] tensor, got ${describe(x)}`);
  }
  if (x.shape.some((d) => d === 0)) {
    throw new Error(`fft2d: every axis must be non-empty, got shape [${x.shape.join(', ')}]`);
  }
  const method = resolveMethod(options.method ?? 'auto');
  const [real, imag] = tf.tidy(() => {
    const channelsFirst = tf.transpose(tf.cast(x, 'float32'), [2, 0, 1]) as tf.Tensor3D; // [C,H,W]
    const [re1, im1] = dftLastAxis(channelsFirst, null, method); // along W: [C,H,W]
    const [re2, im2] = dftLastAxis(tf.transpose(re1, [0, 2, 1]), tf.transpose(im1, [0, 2, 1]), method); // along H: [C,W,H]
    return [tf.transpose(re2, [2, 1, 0]), tf.transpose(im2, [2, 1, 0])] as tf.Tensor3D[];
  });
  return { real, imag };
}

/** Backends on which 'auto' uses the matrix DFT: wasm (no FFT kernel), cpu (slow FFT kernel). */
const MATMUL_BACKENDS = new Set(['wasm', 'cpu']);

function resolveMethod(method: DftMethod): 'spectral' | 'matmul' {
  if (method === 'matmul') return 'matmul';
  if (method === 'spectral') {
    if (!hasSpectralFft()) {
      throw new Error(
        `fft2d: method 'spectral' needs the FFT/Complex kernels, which backend '${tf.getBackend()}' ` +
          `does not register; use method 'auto' or 'matmul'`,
      );
    }
    return 'spectral';
  }
  if (method === 'auto') return hasSpectralFft() && !MATMUL_BACKENDS.has(tf.getBackend()) ? 'spectral' : 'matmul';
  throw new Error(`fft2d: unknown method '${String(method)}' (expected 'auto', 'spectral' or 'matmul')`);
}

/**
 * Unnormalised 1-D DFT along the last axis of (re + i·im), both [..., N]; im null = real input.
 * Must run inside a tidy.
 */
function dftLastAxis(re: tf.Tensor, im: tf.Tensor | null, method: 'spectral' | 'matmul'): [tf.Tensor, tf.Tensor] {
  if (method === 'spectral') {
    // tf.spectral.fft hands back [batch, N] on webgl/webgpu (a flattened batch), so restore
    // the input's shape before the caller transposes.
    const z = tf.spectral.fft(tf.complex(re, im ?? tf.zerosLike(re)));
    return [tf.reshape(tf.real(z), re.shape), tf.reshape(tf.imag(z), re.shape)];
  }
  // (re + i·im)(C − i·S) = (re·C + im·S) + i(im·C − re·S), C[n,k] = cos(2πkn/N), S = sin.
  const n = re.shape[re.rank - 1];
  const { cos, sin } = dftMatrices(n);
  const re2 = tf.reshape(re, [-1, n]);
  const im2 = im === null ? null : tf.reshape(im, [-1, n]);
  let outRe = tf.matMul(re2, cos);
  let outIm = tf.neg(tf.matMul(re2, sin));
  if (im2 !== null) {
    outRe = tf.add(outRe, tf.matMul(im2, sin));
    outIm = tf.add(outIm, tf.matMul(im2, cos));
  }
  return [tf.reshape(outRe, re.shape), tf.reshape(outIm, re.shape)];
}

/** cos/sin DFT matrices [N, N] (./dftTrig). */
function dftMatrices(n: number): { cos: tf.Tensor2D; sin: tf.Tensor2D } {
  const { cos, sin } = dftTrig(n);
  return { cos: tf.tensor2d(cos, [n, n]), sin: tf.tensor2d(sin, [n, n]) };
}

function describe(x: unknown): string {
  if (x instanceof tf.Tensor) return `rank ${x.rank} shape [${x.shape.join(', ')}]`;
  return x === null ? 'null' : typeof x;
}
