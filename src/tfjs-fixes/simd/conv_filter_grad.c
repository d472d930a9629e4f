/*
 * Filter gradient of a stride-1, dilation-1 2-D convolution (NHWC), 128-bit wasm SIMD, in place on
 * tfjs-backend-wasm's heap (built with batchnorm.c by scripts/build-simd.sh; no stack, no data):
 *
 *   dW[p, q, c, o] = Σ_{n,i,j} x[n, i + p − pt, j + q − pl, c] · dy[n, i, j, o]   (x outside = 0)
 *
 * Walked one output row (n, i) and one tap (p, q) at a time, so the rows of x and dy stay in
 * cache; within it, register tiles of 4 input × 8 (or 4) output channels accumulate over the
 * row's pixels and are added into dW.
 */
#include <wasm_simd128.h>

typedef unsigned int u32;

/* out[r·os + k] += Σ_j xp[j·xs + r] · dp[j·ds + k] for r < ROWS, k < 4·V (V = 1 or 2 vectors). */
#define TILE(ROWS, V)                                                                              \
  static void tile##ROWS##x##V(const float *xp, u32 xs, const float *dp, u32 ds, u32 len, float *out, u32 os) { \
    v128_t a[ROWS][V];                                                                             \
    for (int r = 0; r < ROWS; r++)                                                                 \
      for (int v = 0; v < V; v++) a[r][v] = wasm_v128_load(out + r * os + 4 * v);                  \
    for (u32 j = 0; j < len; j++, xp += xs, dp += ds) {                                            \
      v128_t d[V];                                                                                 \
      for (int v = 0; v < V; v++) d[v] = wasm_v128_load(dp + 4 * v);                               \
      for (int r = 0; r < ROWS; r++) {                                                             \
        const v128_t s = wasm_v128_load32_splat(xp + r);                                           \
        for (int v = 0; v < V; v++) a[r][v] = wasm_f32x4_add(a[r][v], wasm_f32x4_mul(s, d[v]));    \
      }                                                                                            \
    }                                                                                              \
    for (int r = 0; r < ROWS; r++)                                                                 \
      for (int v = 0; v < V; v++) wasm_v128_store(out + r * os + 4 * v, a[r][v]);                  \
  }
TILE(4, 2)
TILE(4, 1)
TILE(2, 2)
TILE(2, 1)
TILE(1, 2)
TILE(1, 1)

/*
 * The remainder of co % 4 output channels (R = 1..3) as one vector with the unused lanes zero
 * (loaded with one 32- or 64-bit load): ROWS input channels × R outputs.
 */
#define LOADP(p, R)                                                                \
  ((R) == 1   ? wasm_v128_load32_zero(p)                                            \
   : (R) == 2 ? wasm_v128_load64_zero(p)                                            \
              : wasm_f32x4_replace_lane(wasm_v128_load64_zero(p), 2, (p)[2]))
#define STOREP(p, R, v)                                  \
  do {                                                   \
    (p)[0] = wasm_f32x4_extract_lane(v, 0);              \
    if ((R) > 1) (p)[1] = wasm_f32x4_extract_lane(v, 1); \
    if ((R) > 2) (p)[2] = wasm_f32x4_extract_lane(v, 2); \
  } while (0)
#define TILEP(ROWS, R)                                                                             \
  static void tile##ROWS##xp##R(const float *xp, u32 xs, const float *dp, u32 ds, u32 len, float *out, u32 os) { \
    v128_t a[ROWS];                                                                                \
    for (int r = 0; r < ROWS; r++) a[r] = LOADP(out + r * os, R);                                  \
    for (u32 j = 0; j < len; j++, xp += xs, dp += ds) {                                            \
      const v128_t d = LOADP(dp, R);                                                               \
      for (int r = 0; r < ROWS; r++) a[r] = wasm_f32x4_add(a[r], wasm_f32x4_mul(wasm_v128_load32_splat(xp + r), d)); \
    }                                                                                              \
    for (int r = 0; r < ROWS; r++) STOREP(out + r * os, R, a[r]);                                  \
  }
TILEP(4, 1)
TILEP(4, 2)
TILEP(4, 3)
TILEP(2, 1)
TILEP(2, 2)
TILEP(2, 3)
TILEP(1, 1)
TILEP(1, 2)
TILEP(1, 3)

/* ROWS input channels (4, 2 or 1) at c: output channels in 8s, 4s, then the padded remainder. */
#define ROWBLOCK(ROWS)                                                                             \
  static void rows##ROWS(const float *xr, const float *dr, u32 len, u32 ci, u32 co, float *dw) {   \
    u32 o = 0;                                                                                     \
    for (; o + 8 <= co; o += 8) tile##ROWS##x2(xr, ci, dr + o, co, len, dw + o, co);               \
    for (; o + 4 <= co; o += 4) tile##ROWS##x1(xr, ci, dr + o, co, len, dw + o, co);               \
    if (co - o == 1) tile##ROWS##xp1(xr, ci, dr + o, co, len, dw + o, co);                         \
    if (co - o == 2) tile##ROWS##xp2(xr, ci, dr + o, co, len, dw + o, co);                         \
    if (co - o == 3) tile##ROWS##xp3(xr, ci, dr + o, co, len, dw + o, co);                         \
  }
ROWBLOCK(4)
ROWBLOCK(2)
ROWBLOCK(1)

/* dW += the contribution of `len` pixels: xr [len, ci] (stride ci), dr [len, co] (stride co). */
static void accumulate(const float *xr, const float *dr, u32 len, u32 ci, u32 co, float *dw) {
  u32 c = 0;
  for (; c + 4 <= ci; c += 4) rows4(xr + c, dr, len, ci, co, dw + c * co);
  if (c + 2 <= ci) rows2(xr + c, dr, len, ci, co, dw + c * co), c += 2;
  if (c < ci) rows1(xr + c, dr, len, ci, co, dw + c * co);
}

/*
 * dw [kh, kw, ci, co] = the filter gradient above, for x [n, h, w, ci], dy [n, ho, wo, co],
 * top/left padding pt, pl (bottom/right follow from ho = h + pt + pb − kh + 1). Overwrites dw.
 */
__attribute__((export_name("conv2d_filter_grad")))
void conv2d_filter_grad(const float *x, const float *dy, u32 n, u32 h, u32 w, u32 ci, u32 ho, u32 wo, u32 co,
                        u32 kh, u32 kw, u32 pt, u32 pl, float *dw) {
  const u32 total = kh * kw * ci * co;
  for (u32 k = 0; k < total; k++) dw[k] = 0;
  for (u32 b = 0; b < n; b++)
    for (u32 i = 0; i < ho; i++)
      for (u32 p = 0; p < kh; p++) {
        const int y = (int)i + (int)p - (int)pt;
        if (y < 0 || y >= (int)h) continue;
        for (u32 q = 0; q < kw; q++) {
          const int j0 = (int)pl - (int)q > 0 ? (int)pl - (int)q : 0;
          const int j1 = (int)w + (int)pl - (int)q < (int)wo ? (int)w + (int)pl - (int)q : (int)wo;
          if (j0 >= j1) continue;
          const float *xr = x + ((b * h + (u32)y) * w + (u32)(j0 + (int)q - (int)pl)) * ci;
          const float *dr = dy + ((b * ho + i) * wo + (u32)j0) * co;
          accumulate(xr, dr, (u32)(j1 - j0), ci, co, dw + (p * kw + q) * ci * co);
        }
      }
}
