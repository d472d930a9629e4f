/*
 * BatchNorm in training mode over the rows of an [M, C] float32 array (NHWC flattened, M = N·H·W),
 * 128-bit wasm SIMD. Built by scripts/build-simd.sh into batchnorm.wasm, which imports the memory
 * of tfjs-backend-wasm and works on its tensors in place (all pointers are byte offsets into it).
 * No stack and no static data: every scratch array is passed in by the caller.
 *
 * The array is walked in periods of L = lcm(C, 4) floats (L/C rows), so each SIMD lane always
 * holds the same channel; per-period accumulators are f32 for BLOCK periods, then added into f64.
 */
#include <wasm_simd128.h>

#define BLOCK 64

typedef unsigned int u32;

/* Greatest common divisor. */
static u32 gcd(u32 a, u32 b) {
  while (b) { u32 t = a % b; a = b; b = t; }
  return a;
}

/* Floats per period: lcm(C, 4). */
static u32 period(u32 c) { return c / gcd(c, 4) * 4; }

/*
 * out64[c] = Σ_m f(m, c) over the rows, where f = a[m,c] (mode 0), (a[m,c] − mu[c])² (mode 1) or
 * b[m,c]·(a[m,c] − mu[c]) (mode 2). muL: mu repeated over one period (L floats). acc32: L floats;
 * acc64: L doubles (scratch). a, b: M·C floats.
 */
static void reduce(const float *a, const float *b, u32 m, u32 c, const float *muL, int mode, float *acc32,
                   double *acc64, double *out64) {
  const u32 L = period(c), total = m * c, periods = total / L;
  for (u32 k = 0; k < L; k++) acc64[k] = 0;
  u32 p = 0;
  while (p < periods) {
    const u32 end = p + BLOCK < periods ? p + BLOCK : periods;
    for (u32 k = 0; k < L; k += 4) wasm_v128_store(acc32 + k, wasm_f32x4_splat(0));
    for (; p < end; p++) {
      const float *ap = a + p * L;
      const float *bp = b + p * L;
      for (u32 k = 0; k < L; k += 4) {
        v128_t x = wasm_v128_load(ap + k), s = wasm_v128_load(acc32 + k), v;
        if (mode == 0) v = x;
        else {
          v128_t d = wasm_f32x4_sub(x, wasm_v128_load(muL + k));
          v = mode == 1 ? wasm_f32x4_mul(d, d) : wasm_f32x4_mul(wasm_v128_load(bp + k), d);
        }
        wasm_v128_store(acc32 + k, wasm_f32x4_add(s, v));
      }
    }
    for (u32 k = 0; k < L; k++) acc64[k] += acc32[k];
  }
  for (u32 k = 0; k < c; k++) out64[k] = 0;
  for (u32 k = 0; k < L; k++) out64[k % c] += acc64[k];
  for (u32 i = periods * L; i < total; i++) { /* rows after the last whole period */
    const u32 k = i % c;
    const float d = a[i] - muL[k];
    out64[k] += mode == 0 ? a[i] : mode == 1 ? d * d : b[i] * d;
  }
}

/* dst[i] = s[i mod L]·a[i] + t[i mod L] (+ u[i mod L]·b[i] when b is non-null), i < M·C. */
static void affine(const float *a, const float *b, u32 m, u32 c, const float *sL, const float *tL, const float *uL,
                   float *dst) {
  const u32 L = period(c), total = m * c, periods = total / L;
  for (u32 p = 0; p < periods; p++) {
    const u32 o = p * L;
    for (u32 k = 0; k < L; k += 4) {
      v128_t v = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(a + o + k), wasm_v128_load(sL + k)), wasm_v128_load(tL + k));
      if (b) v = wasm_f32x4_add(v, wasm_f32x4_mul(wasm_v128_load(b + o + k), wasm_v128_load(uL + k)));
      wasm_v128_store(dst + o + k, v);
    }
  }
  for (u32 i = periods * L; i < total; i++) {
    const u32 k = i % c;
    dst[i] = sL[k] * a[i] + tL[k] + (b ? uL[k] * b[i] : 0);
  }
}

/* Repeats the C values of v over one period (L floats) into dst. */
static void repeat(const float *v, u32 c, float *dst) {
  const u32 L = period(c);
  for (u32 k = 0; k < L; k++) dst[k] = v[k % c];
}

/* Scratch floats the caller must provide: 4 periods of floats + 3 periods and C of doubles. */
__attribute__((export_name("bn_scratch_bytes"))) u32 bn_scratch_bytes(u32 c) {
  const u32 L = period(c);
  return 4 * L * 4 + (2 * L + c) * 8 + 16;
}

/* The scratch of both passes, laid out within bn_scratch_bytes: four period-long float rows (μ repeated
 * per lane, two per-lane coefficient rows, the float accumulator), then the double accumulator and the
 * per-channel double sums. μ starts at 0. */
typedef struct {
  float *muL, *sL, *tL, *acc32;
  double *acc64, *sum;
} Scratch;

static Scratch scratch_layout(char *scratch, u32 L) {
  Scratch t;
  t.muL = (float *)scratch;
  t.sL = t.muL + L;
  t.tL = t.sL + L;
  t.acc32 = t.tL + L;
  t.acc64 = (double *)(t.acc32 + L);
  t.sum = t.acc64 + L;
  for (u32 k = 0; k < L; k++) t.muL[k] = 0;
  return t;
}

/*
 * The two reductions of both passes: first[c] = Σ_m s[m,c] / div (mode 0, μ = 0), then, with
 * μ = centre[c] (read after `first` is written, so centre may be first), t->sum = the mode-`mode`
 * reduction of (a, b) of {@link reduce}.
 */
static void sum_then_centred(const Scratch *t, const float *s, const float *a, const float *b, u32 m, u32 c, int mode,
                             double div, float *first, const float *centre) {
  reduce(s, s, m, c, t->muL, 0, t->acc32, t->acc64, t->sum);
  for (u32 k = 0; k < c; k++) first[k] = (float)(t->sum[k] / div);
  repeat(centre, c, t->muL);
  reduce(a, b, m, c, t->muL, mode, t->acc32, t->acc64, t->sum);
}

/*
 * Forward: mean[c] = Σ_m x/M, var[c] = Σ_m (x − mean)²/M (biased, as tf.moments),
 * y = (x − mean)·γ/√(var + ε) + β. x, y: [M, C]; gamma, beta, mean, var: [C]. scratch: 16-byte aligned.
 */
__attribute__((export_name("bn_train_forward")))
void bn_train_forward(const float *x, u32 m, u32 c, const float *gamma, const float *beta, float eps, float *y,
                      float *mean, float *var, char *scratch) {
  const u32 L = period(c);
  Scratch t = scratch_layout(scratch, L);
  float *sL = t.sL, *tL = t.tL;
  sum_then_centred(&t, x, x, x, m, c, 1, m, mean, mean);
  for (u32 k = 0; k < c; k++) var[k] = (float)(t.sum[k] / m);
  for (u32 k = 0; k < c; k++) {
    const float r = 1.0f / __builtin_sqrtf(var[k] + eps), g = r * gamma[k];
    sL[k] = g;
    tL[k] = beta[k] - mean[k] * g;
  }
  for (u32 k = c; k < L; k++) { sL[k] = sL[k % c]; tL[k] = tL[k % c]; }
  affine(x, 0, m, c, sL, tL, 0, y);
}

/*
 * Backward of {@link bn_train_forward} with the mean and var outputs' gradients dmean, dvar [C]:
 *   S1 = Σ dy, S2 = Σ dy·(x − μ), r = (var + ε)^(−½)
 *   dx = rγ·dy + (x − μ)·(−rγ·r²·S2 + 2·dvar)/M + (−rγ·S1 + dmean)/M,  dγ = r·S2,  dβ = S1.
 */
__attribute__((export_name("bn_train_backward")))
void bn_train_backward(const float *x, const float *dy, u32 m, u32 c, const float *mean, const float *var,
                       const float *gamma, float eps, const float *dmean, const float *dvar, float *dx,
                       float *dgamma, float *dbeta, char *scratch) {
  const u32 L = period(c);
  Scratch t = scratch_layout(scratch, L);
  float *sL = t.sL, *tL = t.tL, *acc32 = t.acc32;
  const double *sum = t.sum;
  sum_then_centred(&t, dy, x, dy, m, c, 2, 1.0, dbeta, mean);
  /* dx = A·dy + B·x + (K − B·μ); A in sL, B in tL, K − Bμ in acc32 (free again). */
  for (u32 k = 0; k < c; k++) {
    const double r = 1.0 / __builtin_sqrt((double)var[k] + eps), g = r * gamma[k];
    const double s2 = sum[k];
    dgamma[k] = (float)(r * s2);
    const double b = (-g * r * r * s2 + 2.0 * dvar[k]) / m;
    const double kk = (-g * dbeta[k] + dmean[k]) / m;
    sL[k] = (float)g;
    tL[k] = (float)b;
    acc32[k] = (float)(kk - b * mean[k]);
  }
  for (u32 k = c; k < L; k++) { sL[k] = sL[k % c]; tL[k] = tL[k % c]; acc32[k] = acc32[k % c]; }
  /* dx = sL·dy + acc32 + tL·x */
  affine(dy, x, m, c, sL, acc32, tL, dx);
}
