/*
 * Stride-1, dilation-1 2-D convolution (NHWC) with optional bias and ReLU, 128-bit wasm SIMD, in
 * place on tfjs-backend-wasm's heap (built with the other kernels by scripts/build-simd.sh):
 *
 *   y[n, i, j, o] = act(b[o] + Σ_{p,q,c} x[n, i + p − pt, j + q − pl, c] · W[p, q, c, o])   (x outside = 0)
 *
 * The input gradient of a stride-1 convolution is the same sum with the kernel flipped in space
 * and its channel axes swapped, so one packing function serves both (conv2d_pack_filter, flip).
 * Each image is first copied into a zero-padded scratch plane, so every output pixel reads its
 * whole 3×3 (kh×kw) window without bounds checks; then register tiles of 4 pixels × 8 output
 * channels (4 × 4, 1 × 8, 1 × 4 at the edges) accumulate over taps and input channels.
 */
#include <wasm_simd128.h>

typedef unsigned int u32;

/* Output channels rounded up to whole vectors: the packed filter's row length. */
static u32 padded(u32 c) { return (c + 3u) & ~3u; }

/*
 * Packs a filter into wp [kh·kw·cin, padded(cout)] (zero-filled lanes past cout).
 * flip = 0: w is [kh, kw, cin, cout] and wp[p, q, c, o] = w[p, q, c, o] (the forward pass).
 * flip = 1: w is [kh, kw, cout, cin] and wp[p, q, c, o] = w[kh−1−p, kw−1−q, o, c]
 *           (the input gradient: convolve dy with this kernel).
 */
__attribute__((export_name("conv2d_pack_filter")))
void conv2d_pack_filter(const float *w, u32 kh, u32 kw, u32 cin, u32 cout, u32 flip, float *wp) {
  const u32 cop = padded(cout);
  for (u32 p = 0; p < kh; p++)
    for (u32 q = 0; q < kw; q++)
      for (u32 c = 0; c < cin; c++) {
        float *row = wp + ((p * kw + q) * cin + c) * cop;
        for (u32 o = 0; o < cop; o++) {
          float v = 0.f;
          if (o < cout)
            v = flip ? w[(((kh - 1 - p) * kw + (kw - 1 - q)) * cout + o) * cin + c] : w[((p * kw + q) * cin + c) * cout + o];
          row[o] = v;
        }
      }
}

/* Bytes of scratch conv2d_forward needs: the padded plane plus the padded bias. */
__attribute__((export_name("conv2d_scratch_bytes")))
u32 conv2d_scratch_bytes(u32 ho, u32 wo, u32 kh, u32 kw, u32 cin, u32 cout) {
  return ((ho + kh - 1) * (wo + kw - 1) * cin + padded(cout)) * 4u;
}

/*
 * Stores the P × V accumulators `a` (ReLU first if asked); lanes ≥ valid are not stored. A macro,
 * not a function, so that `a` stays in registers: this module has no stack of its own (two threads
 * would share one), so nothing may be spilled to memory by address.
 */
#define STORE(P, V)                                                                                    \
  {                                                                                                    \
    const v128_t zero = wasm_f32x4_splat(0.f);                                                         \
    for (int r = 0; r < P; r++)                                                                        \
      for (int v = 0; v < V; v++) {                                                                    \
        const v128_t o = relu ? wasm_f32x4_max(a[r][v], zero) : a[r][v];                               \
        float *dst = yp + r * cout + 4 * v;                                                            \
        const u32 lanes = valid > 4u * v ? valid - 4u * v : 0u;                                        \
        if (lanes >= 4) wasm_v128_store(dst, o);                                                       \
        else {                                                                                         \
          if (lanes > 0) dst[0] = wasm_f32x4_extract_lane(o, 0);                                       \
          if (lanes > 1) dst[1] = wasm_f32x4_extract_lane(o, 1);                                       \
          if (lanes > 2) dst[2] = wasm_f32x4_extract_lane(o, 2);                                       \
        }                                                                                              \
      }                                                                                                \
  }

/* Accumulators of P pixels × V vectors, each starting at the (padded) bias. */
#define INIT(P, V)                                                                                     \
  v128_t a[P][V];                                                                                      \
  for (int v = 0; v < V; v++) {                                                                        \
    const v128_t b0 = wasm_v128_load(bias + 4 * v);                                                    \
    for (int r = 0; r < P; r++) a[r][v] = b0;                                                          \
  }

/*
 * yp[r·cout + 4v + k] = act(bias + Σ_{p,q,c} xp[p·xrow + (r + q)·cin + c] · wp[((p·kw + q)·cin + c)·cop + 4v + k])
 * for r < P pixels and V vectors of output channels (any kw).
 */
#define TILE(P, V)                                                                                     \
  static void tile##P##x##V(const float *xp, u32 xrow, u32 cin, const float *wp, u32 cop, u32 kh, u32 kw, \
                            const float *bias, int relu, float *yp, u32 cout, u32 valid) {             \
    INIT(P, V)                                                                                         \
    for (u32 p = 0; p < kh; p++)                                                                       \
      for (u32 q = 0; q < kw; q++) {                                                                   \
        const float *xq = xp + p * xrow + q * cin;                                                     \
        const float *wq = wp + (p * kw + q) * cin * cop;                                               \
        for (u32 c = 0; c < cin; c++, wq += cop) {                                                     \
          v128_t k[V];                                                                                 \
          for (int v = 0; v < V; v++) k[v] = wasm_v128_load(wq + 4 * v);                              \
          for (int r = 0; r < P; r++) {                                                                \
            const v128_t s = wasm_v128_load32_splat(xq + r * cin + c);                                 \
            for (int v = 0; v < V; v++) a[r][v] = wasm_f32x4_add(a[r][v], wasm_f32x4_mul(s, k[v]));    \
          }                                                                                            \
        }                                                                                              \
      }                                                                                                \
    STORE(P, V)                                                          \
  }

/*
 * The same for kw = 3 and 4 pixels: pixel r at tap q reads input column r + q, so the 6 input
 * columns are splat once per channel and shared by the 3 taps (6 loads instead of 12).
 */
#define TILE3(V)                                                                                       \
  static void tile3x4x##V(const float *xp, u32 xrow, u32 cin, const float *wp, u32 cop, u32 kh,          \
                          const float *bias, int relu, float *yp, u32 cout, u32 valid) {               \
    INIT(4, V)                                                                                         \
    for (u32 p = 0; p < kh; p++) {                                                                     \
      const float *xq = xp + p * xrow;                                                                 \
      const float *wq = wp + p * 3 * cin * cop;                                                        \
      for (u32 c = 0; c < cin; c++, xq++, wq += cop) {                                                 \
        v128_t s[6];                                                                                   \
        for (int k = 0; k < 6; k++) s[k] = wasm_v128_load32_splat(xq + k * cin);                       \
        for (int q = 0; q < 3; q++)                                                                    \
          for (int v = 0; v < V; v++) {                                                                \
            const v128_t k = wasm_v128_load(wq + q * cin * cop + 4 * v);                               \
            for (int r = 0; r < 4; r++) a[r][v] = wasm_f32x4_add(a[r][v], wasm_f32x4_mul(s[r + q], k)); \
          }                                                                                            \
      }                                                                                                \
    }                                                                                                  \
    STORE(4, V)                                                              \
  }
TILE(4, 2)
TILE(4, 1)
TILE(1, 2)
TILE(1, 1)
TILE3(2)
TILE3(1)

/* One output row: pixels in blocks of 4 (then singles) × output channels in blocks of 8 (then 4). */
static void conv_row(const float *xrow0, u32 xrow, u32 cin, const float *wp, u32 kh, u32 kw, const float *bias,
                     int relu, float *yrow, u32 wo, u32 cout) {
  const u32 cop = padded(cout);
  for (u32 o = 0; o < cop;) {
    const u32 valid = cout - o;
    const int eight = o + 8 <= cop;
    u32 j = 0;
    for (; j + 4 <= wo; j += 4) {
      const float *xp = xrow0 + j * cin;
      float *yp = yrow + j * cout + o;
      if (kw == 3 && eight) tile3x4x2(xp, xrow, cin, wp + o, cop, kh, bias + o, relu, yp, cout, valid);
      else if (kw == 3) tile3x4x1(xp, xrow, cin, wp + o, cop, kh, bias + o, relu, yp, cout, valid);
      else if (eight) tile4x2(xp, xrow, cin, wp + o, cop, kh, kw, bias + o, relu, yp, cout, valid);
      else tile4x1(xp, xrow, cin, wp + o, cop, kh, kw, bias + o, relu, yp, cout, valid);
    }
    for (; j < wo; j++) {
      const float *xp = xrow0 + j * cin;
      if (eight) tile1x2(xp, xrow, cin, wp + o, cop, kh, kw, bias + o, relu, yrow + j * cout + o, cout, valid);
      else tile1x1(xp, xrow, cin, wp + o, cop, kh, kw, bias + o, relu, yrow + j * cout + o, cout, valid);
    }
    o += eight ? 8 : 4;
  }
}

/*
 * y [n, ho, wo, cout] = the convolution above of x [n, h, w, cin] with the packed filter wp (from
 * conv2d_pack_filter), top/left padding pt, pl (bottom/right follow from ho, wo), bias [cout] or
 * 0 for none, relu ≠ 0 for max(·, 0). scratch holds conv2d_scratch_bytes(…) bytes (16-aligned).
 */
__attribute__((export_name("conv2d_forward")))
void conv2d_forward(const float *x, u32 n, u32 h, u32 w, u32 cin, const float *wp, u32 kh, u32 kw, u32 pt, u32 pl,
                    u32 ho, u32 wo, u32 cout, const float *bias, u32 relu, float *scratch, float *y) {
  const u32 hp = ho + kh - 1, wpx = wo + kw - 1, xrow = wpx * cin, cop = padded(cout);
  float *plane = scratch;
  float *b = scratch + hp * xrow;
  for (u32 o = 0; o < cop; o++) b[o] = bias && o < cout ? bias[o] : 0.f;
  for (u32 k = 0; k < hp * xrow; k++) plane[k] = 0.f;
  for (u32 img = 0; img < n; img++) {
    const float *xi = x + img * h * w * cin;
    for (u32 i = 0; i < h; i++) {
      const int yy = (int)i + (int)pt;
      if (yy >= (int)hp) break;
      for (u32 j = 0; j < w; j++) {
        const int xx = (int)j + (int)pl;
        if (xx >= (int)wpx) break;
        const float *src = xi + (i * w + j) * cin;
        float *dst = plane + (u32)yy * xrow + (u32)xx * cin;
        for (u32 c = 0; c < cin; c++) dst[c] = src[c];
      }
    }
    float *yi = y + img * ho * wo * cout;
    for (u32 i = 0; i < ho; i++)
      conv_row(plane + i * xrow, xrow, cin, wp, kh, kw, b, (int)relu, yi + i * wo * cout, wo, cout);
  }
}
