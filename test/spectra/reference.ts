/**
 * Independent references for the spectra tests: a seeded generator and a naive float64 2-D DFT
 * written straight from the definition (no FFT, no tfjs).
 */

/** Seeded uniform values in [-1, 1) (mulberry32). */
export function randomValues(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** F[u,v,c] = Σ_y Σ_x x[y,x,c]·exp(−2πi(uy/H + vx/W)) for row-major [H,W,C] data, float64. */
export function naiveDft2d(x: ArrayLike<number>, h: number, w: number, c: number): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(h * w * c);
  const im = new Float64Array(h * w * c);
  for (let u = 0; u < h; u++) {
    for (let v = 0; v < w; v++) {
      for (let ch = 0; ch < c; ch++) {
        let sr = 0;
        let si = 0;
        for (let y = 0; y < h; y++) {
          for (let xx = 0; xx < w; xx++) {
            const phase = -2 * Math.PI * ((u * y) / h + (v * xx) / w);
            const val = x[(y * w + xx) * c + ch];
            sr += val * Math.cos(phase);
            si += val * Math.sin(phase);
          }
        }
        re[(u * w + v) * c + ch] = sr;
        im[(u * w + v) * c + ch] = si;
      }
    }
  }
  return { re, im };
}

/** Row-major [H,W,C] map of `f(y, x, c)`. */
export function makeMap(h: number, w: number, c: number, f: (y: number, x: number, ch: number) => number): Float32Array {
  const out = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) out[(y * w + x) * c + ch] = f(y, x, ch);
  return out;
}

/** Largest absolute difference. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
