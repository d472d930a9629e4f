/**
 * Independent float64 reference of the OctConv (paper eq. (1)–(2), docs/architecture.md §3) written with plain
 * loops, for the tests. NHWC tensors as { shape, data }.
 */
import type { OctavePath } from '../../src/octconv';

export interface Arr4 {
  shape: [number, number, number, number];
  data: Float64Array;
}

export const zeros = (shape: Arr4['shape']): Arr4 => ({ shape, data: new Float64Array(shape.reduce((a, b) => a * b, 1)) });
const at = (t: Arr4, n: number, i: number, j: number, c: number): number =>
  ((n * t.shape[1] + i) * t.shape[2] + j) * t.shape[3] + c;

/** Deterministic pseudo-random array in [-1, 1) (LCG). */
export function randomArr(shape: Arr4['shape'], seed: number): Arr4 {
  const t = zeros(shape);
  let s = seed >>> 0;
  for (let i = 0; i < t.data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    t.data[i] = s / 2 ** 31 - 1;
  }
  return t;
}

/** 'same' convolution, stride 1, odd square kernel w [k, k, ci, co]. */
export function convSame(x: Arr4, w: Arr4): Arr4 {
  const [n, h, wd, ci] = x.shape;
  const [k, , , co] = w.shape;
  const pad = (k - 1) / 2;
  const y = zeros([n, h, wd, co]);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < wd; j++)
        for (let o = 0; o < co; o++) {
          let acc = 0;
          for (let p = 0; p < k; p++)
            for (let q = 0; q < k; q++) {
              const ii = i + p - pad;
              const jj = j + q - pad;
              if (ii < 0 || jj < 0 || ii >= h || jj >= wd) continue;
              for (let c = 0; c < ci; c++) acc += x.data[at(x, b, ii, jj, c)] * w.data[at(w, p, q, c, o)];
            }
          y.data[at(y, b, i, j, o)] = acc;
        }
  return y;
}

/** 2×2 average pool, stride 2. */
export function pool2(x: Arr4): Arr4 {
  const [n, h, w, c] = x.shape;
  const y = zeros([n, h / 2, w / 2, c]);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h / 2; i++)
      for (let j = 0; j < w / 2; j++)
        for (let ch = 0; ch < c; ch++) {
          const s =
            x.data[at(x, b, 2 * i, 2 * j, ch)] +
            x.data[at(x, b, 2 * i + 1, 2 * j, ch)] +
            x.data[at(x, b, 2 * i, 2 * j + 1, ch)] +
            x.data[at(x, b, 2 * i + 1, 2 * j + 1, ch)];
          y.data[at(y, b, i, j, ch)] = s / 4;
        }
  return y;
}

/** Nearest ×2 upsample (pixel replication). */
export function up2(x: Arr4): Arr4 {
  const [n, h, w, c] = x.shape;
  const y = zeros([n, 2 * h, 2 * w, c]);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < 2 * h; i++)
      for (let j = 0; j < 2 * w; j++)
        for (let ch = 0; ch < c; ch++) y.data[at(y, b, i, j, ch)] = x.data[at(x, b, i >> 1, j >> 1, ch)];
  return y;
}

function addArr(a: Arr4 | null, b: Arr4 | null): Arr4 | null {
  if (!a) return b;
  if (!b) return a;
  return { shape: a.shape, data: a.data.map((v, i) => v + b.data[i]) };
}

/**
 * OctConv reference: Y_H = conv(X_H, W_HH) + up(conv(X_L, W_LH)), Y_L = conv(X_L, W_LL) +
 * conv(pool(X_H), W_HL); stride 2: H→H on pool(X_H), H→L on pool(pool(X_H)), L→L on pool(X_L),
 * L→H = conv(X_L) without upsampling.
 */
export function octConvRef(
  xH: Arr4 | null,
  xL: Arr4 | null,
  w: Partial<Record<OctavePath, Arr4>>,
  stride: 1 | 2,
): { high: Arr4 | null; low: Arr4 | null } {
  const s2 = stride === 2;
  const hh = w.hh && xH ? convSame(s2 ? pool2(xH) : xH, w.hh) : null;
  const lh = w.lh && xL ? (s2 ? convSame(xL, w.lh) : up2(convSame(xL, w.lh))) : null;
  const ll = w.ll && xL ? convSame(s2 ? pool2(xL) : xL, w.ll) : null;
  const hl = w.hl && xH ? convSame(s2 ? pool2(pool2(xH)) : pool2(xH), w.hl) : null;
  return { high: addArr(hh, lh), low: addArr(ll, hl) };
}

/** Σ r ⊙ y over both branches (a scalar loss whose gradient is r). */
export function dotLoss(y: { high: Arr4 | null; low: Arr4 | null }, r: { high: Arr4 | null; low: Arr4 | null }): number {
  let s = 0;
  for (const b of ['high', 'low'] as const) {
    const yb = y[b];
    const rb = r[b];
    if (yb && rb) for (let i = 0; i < yb.data.length; i++) s += yb.data[i] * rb.data[i];
  }
  return s;
}

/**
 * Gradient of a loss that is linear in `target` (the OctConv is bilinear in inputs and weights),
 * exactly, by unit perturbations: g_i = L(t + e_i) − L(t).
 */
export function linearGradient(target: Arr4, loss: () => number): Float64Array {
  const base = loss();
  const g = new Float64Array(target.data.length);
  for (let i = 0; i < g.length; i++) {
    target.data[i] += 1;
    g[i] = loss() - base;
    target.data[i] -= 1;
  }
  return g;
}
