/**
 * The cos/sin tables of an N-point DFT, F[j, k] = e^{−2πi·jk/N} = cos − i·sin (DOM-free, no tfjs).
 */

/** cos and sin of 2π·jk/N, each row-major [N, N]. */
export interface DftTrig {
  cos: Float32Array;
  sin: Float32Array;
}

/**
 * cos(2π·jk/N) and sin(2π·jk/N) for j, k in [0, N), row-major [N, N] (index j·N + k). The phase
 * j·k is reduced mod N in integers first, so large N loses no accuracy to a huge angle.
 * @throws Error when `size` is not a positive integer.
 */
export function dftTrig(size: number): DftTrig {
  if (!Number.isInteger(size) || size < 1) throw new Error(`dftTrig: size must be a positive integer (got ${size})`);
  const cos = new Float32Array(size * size);
  const sin = new Float32Array(size * size);
  for (let j = 0; j < size; j++) {
    for (let k = 0; k < size; k++) {
      const phase = (2 * Math.PI * ((j * k) % size)) / size;
      cos[j * size + k] = Math.cos(phase);
      sin[j * size + k] = Math.sin(phase);
    }
  }
  return { cos, sin };
}
