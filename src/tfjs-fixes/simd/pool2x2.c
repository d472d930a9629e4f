/*
 * The octave's two resolution changes (NHWC, 128-bit wasm SIMD, in place on tfjs-backend-wasm's
 * heap; built with the other kernels by scripts/build-simd.sh): the ×2 nearest upsample of L→H
 * (and, scaled by ¼, the gradient of the 2×2 average pool) and the 2×2/2 block sum (scaled by ¼,
 * the average pool of H→L). Both walk whole images, so a range of images is a valid call.
 */
#include <wasm_simd128.h>

typedef unsigned int u32;

/* dst[0..c) = s·src[0..c) (vectors, then single floats). */
static void scaled_copy(const float *src, float *dst, u32 c, v128_t s, float sf) {
  u32 k = 0;
  for (; k + 4 <= c; k += 4) wasm_v128_store(dst + k, wasm_f32x4_mul(wasm_v128_load(src + k), s));
  for (; k < c; k++) dst[k] = src[k] * sf;
}

/*
 * y [n, 2h, 2w, c] with y[b, 2i + a, 2j + d, k] = scale · x[b, i, j, k] for a, d ∈ {0, 1}, where
 * scale = ¼ if quarter else 1 (an integer flag: the thread pool passes integers only).
 */
__attribute__((export_name("up2_nearest")))
void up2_nearest(const float *x, u32 n, u32 h, u32 w, u32 c, u32 quarter, float *y) {
  const float scale = quarter ? 0.25f : 1.0f;
  const v128_t s = wasm_f32x4_splat(scale);
  const u32 row = 2 * w * c; /* floats per output row */
  for (u32 b = 0; b < n; b++)
    for (u32 i = 0; i < h; i++) {
      const float *xr = x + ((b * h + i) * w) * c;
      float *y0 = y + (b * 2 * h + 2 * i) * row;
      for (u32 j = 0; j < w; j++) {
        scaled_copy(xr + j * c, y0 + 2 * j * c, c, s, scale);
        scaled_copy(xr + j * c, y0 + (2 * j + 1) * c, c, s, scale);
      }
      for (u32 k = 0; k < row; k++) y0[row + k] = y0[k]; /* the second output row repeats the first */
    }
}

/* y [n, h, w, c] with y[b, i, j, k] = scale · Σ_{a,d ∈ {0,1}} x[b, 2i + a, 2j + d, k]; x is [n, 2h, 2w, c]; scale as above. */
__attribute__((export_name("sum2x2")))
void sum2x2(const float *x, u32 n, u32 h, u32 w, u32 c, u32 quarter, float *y) {
  const float scale = quarter ? 0.25f : 1.0f;
  const v128_t s = wasm_f32x4_splat(scale);
  const u32 row = 2 * w * c;
  for (u32 b = 0; b < n; b++)
    for (u32 i = 0; i < h; i++) {
      const float *x0 = x + (b * 2 * h + 2 * i) * row;
      const float *x1 = x0 + row;
      float *yr = y + ((b * h + i) * w) * c;
      for (u32 j = 0; j < w; j++) {
        const float *p = x0 + 2 * j * c, *q = x1 + 2 * j * c;
        u32 k = 0;
        for (; k + 4 <= c; k += 4) {
          const v128_t top = wasm_f32x4_add(wasm_v128_load(p + k), wasm_v128_load(p + c + k));
          const v128_t bottom = wasm_f32x4_add(wasm_v128_load(q + k), wasm_v128_load(q + c + k));
          wasm_v128_store(yr + j * c + k, wasm_f32x4_mul(wasm_f32x4_add(top, bottom), s));
        }
        for (; k < c; k++) yr[j * c + k] = ((p[k] + p[c + k]) + (q[k] + q[c + k])) * scale;
      }
    }
}

/*
 * y [n, h, w, c] = act(a + b'), a [n, h, w, c], where b' = b [n, h, w, c] (up = 0) or the ×2 nearest
 * upsample of b [n, h/2, w/2, c] (up ≠ 0; h, w even), act = max(·, 0) if relu ≠ 0: an octave
 * layer's Y_H = f(X_H) + upsample(f(X_L)) (paper eq. (1)) and a residual sum, each with its ReLU, in
 * one pass instead of three (upsample, add, ReLU).
 */
__attribute__((export_name("add_up2")))
void add_up2(const float *a, const float *b, u32 n, u32 h, u32 w, u32 c, u32 up, u32 relu, float *y) {
  const v128_t zero = wasm_f32x4_splat(0.f);
  for (u32 r = 0; r < n * h; r++) {
    const u32 img = r / h, i = r % h;
    const float *ar = a + r * w * c;
    const float *br = up ? b + ((img * (h / 2) + i / 2) * (w / 2)) * c : b + r * w * c;
    float *yr = y + r * w * c;
    for (u32 j = 0; j < w; j++) {
      const float *p = ar + j * c, *q = br + (up ? j / 2 : j) * c;
      float *o = yr + j * c;
      u32 k = 0;
      for (; k + 4 <= c; k += 4) {
        v128_t s = wasm_f32x4_add(wasm_v128_load(p + k), wasm_v128_load(q + k));
        if (relu) s = wasm_f32x4_max(s, zero);
        wasm_v128_store(o + k, s);
      }
      for (; k < c; k++) {
        const float s = p[k] + q[k];
        o[k] = relu && s < 0.f ? 0.f : s;
      }
    }
  }
}
