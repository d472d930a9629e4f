/*
 * 3×3, stride-1 2-D convolution (NHWC) by Winograd's minimal filtering F(4×4, 3×3) (Lavin & Gray,
 * "Fast Algorithms for Convolutional Neural Networks", CVPR 2016), 128-bit wasm SIMD, in place on
 * tfjs-backend-wasm's heap (built with the other kernels by scripts/build-simd.sh):
 *
 *   Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A   for every 4×4 output tile Y, its 6×6 input tile d and 3×3 kernel g,
 *
 * summed over input channels in the transformed domain. The 36 element-wise products per tile
 * replace the direct form's 144 multiply-adds, so the multiply-adds drop 4×; the transforms are
 * additions and small constant multiplies, vectorised over 4 channels. Interpolation points
 * 0, ±1, ±2, ∞; in float32 the result differs from the direct sum by about 1e-6 of its magnitude
 * (test/octconv/winograd.test.ts). Layout per group of images (all in the caller's scratch):
 *   plane  [hp, wp, cinp]   one zero-padded image (hp = 4·th + 2, wp = 4·tw + 2)
 *   V      [36, T, cinp]    transformed input tiles of the group (T tiles)
 *   M      [36, T, cop]     V · U per tile position (a small matrix product per position)
 *   tmp    [36] vectors     one tile's half-transformed values
 * No function takes an address of a local: this module has no stack (threads would share it).
 */
#include <wasm_simd128.h>

typedef unsigned int u32;
typedef v128_t f4;

static u32 padded(u32 c) { return (c + 3u) & ~3u; }
static f4 add(f4 a, f4 b) { return wasm_f32x4_add(a, b); }
static f4 sub(f4 a, f4 b) { return wasm_f32x4_sub(a, b); }
static f4 mul(f4 a, float k) { return wasm_f32x4_mul(a, wasm_f32x4_splat(k)); }

/*
 * G applied to three values: G = [1/4 0 0; −1/6 −1/6 −1/6; −1/6 1/6 −1/6; 1/24 1/12 1/6;
 * 1/24 −1/12 1/6; 0 0 1] (spelt out, not a table: this module has no data segment).
 */
#define GT(g0, g1, g2, o0, o1, o2, o3, o4, o5)                                                          \
  {                                                                                                    \
    o0 = (g0) * 0.25f;                                                                                 \
    o1 = -((g0) + (g1) + (g2)) / 6.f;                                                                  \
    o2 = -((g0) - (g1) + (g2)) / 6.f;                                                                  \
    o3 = (g0) / 24.f + (g1) / 12.f + (g2) / 6.f;                                                       \
    o4 = (g0) / 24.f - (g1) / 12.f + (g2) / 6.f;                                                       \
    o5 = (g2);                                                                                         \
  }

/*
 * Packs w [3, 3, cin, cout] into u [36, cin, cop] with u[a·6 + b, c, o] = (G w[·, ·, c, o] Gᵀ)[a, b]
 * (zero lanes past cout). Scalar: it runs once per call, over 36·cin·cout values.
 */
__attribute__((export_name("wino_pack_filter")))
void wino_pack_filter(const float *w, u32 cin, u32 cout, float *u) {
  const u32 cop = padded(cout), plane = cin * cop;
  for (u32 c = 0; c < cin; c++)
    for (u32 o = 0; o < cop; o++) {
      float *dst = u + c * cop + o;
      if (o >= cout) {
        for (u32 t = 0; t < 36; t++) dst[t * plane] = 0.f;
        continue;
      }
      /* Columns q: (G g)[a, q] into dst rows a·6 + q (as scratch), then rows in place. */
      for (u32 q = 0; q < 3; q++) {
        const float g0 = w[((0 * 3 + q) * cin + c) * cout + o], g1 = w[((1 * 3 + q) * cin + c) * cout + o],
                    g2 = w[((2 * 3 + q) * cin + c) * cout + o];
        float o0, o1, o2, o3, o4, o5;
        GT(g0, g1, g2, o0, o1, o2, o3, o4, o5)
        dst[(0 + q) * plane] = o0, dst[(6 + q) * plane] = o1, dst[(12 + q) * plane] = o2;
        dst[(18 + q) * plane] = o3, dst[(24 + q) * plane] = o4, dst[(30 + q) * plane] = o5;
      }
      for (u32 a = 0; a < 6; a++) {
        float *r = dst + 6 * a * plane;
        const float g0 = r[0], g1 = r[plane], g2 = r[2 * plane];
        float o0, o1, o2, o3, o4, o5;
        GT(g0, g1, g2, o0, o1, o2, o3, o4, o5)
        r[0] = o0, r[plane] = o1, r[2 * plane] = o2, r[3 * plane] = o3, r[4 * plane] = o4, r[5 * plane] = o5;
      }
    }
}

/* Images per group: enough that a group has about 64 tiles (the matrix products' row count). */
static u32 group_images(u32 tiles, u32 n) {
  u32 g = tiles >= 64 ? 1u : 64u / tiles;
  return g < n ? g : n;
}

/* Bytes of scratch wino_forward needs for an output of ho × wo (16-aligned pieces). */
__attribute__((export_name("wino_scratch_bytes")))
u32 wino_scratch_bytes(u32 n, u32 ho, u32 wo, u32 cin, u32 cout) {
  const u32 th = (ho + 3) / 4, tw = (wo + 3) / 4, t = th * tw * group_images(th * tw, n);
  return ((4 * th + 2) * (4 * tw + 2) * padded(cin) + 36 * t * (padded(cin) + padded(cout)) + 36 * 4 + padded(cout)) * 4u;
}

/* Bᵀ applied to six vectors (in place through the macro's arguments). */
#define BT(d0, d1, d2, d3, d4, d5, o0, o1, o2, o3, o4, o5)                                              \
  {                                                                                                    \
    const f4 t4 = sub(d4, mul(d2, 4.f)), t3 = sub(d3, mul(d1, 4.f));                                   \
    const f4 t2 = sub(d4, d2), t1 = mul(sub(d3, d1), 2.f);                                             \
    o0 = add(sub(mul(d0, 4.f), mul(d2, 5.f)), d4);                                                     \
    o1 = add(t4, t3);                                                                                  \
    o2 = sub(t4, t3);                                                                                  \
    o3 = add(t2, t1);                                                                                  \
    o4 = sub(t2, t1);                                                                                  \
    o5 = add(sub(mul(d1, 4.f), mul(d3, 5.f)), d5);                                                     \
  }

/* Aᵀ applied to six vectors: four outputs. */
#define AT(m0, m1, m2, m3, m4, m5, o0, o1, o2, o3)                                                      \
  {                                                                                                    \
    const f4 s12 = add(m1, m2), d12 = sub(m1, m2), s34 = add(m3, m4), d34 = sub(m3, m4);               \
    o0 = add(add(m0, s12), s34);                                                                       \
    o1 = add(d12, mul(d34, 2.f));                                                                      \
    o2 = add(s12, mul(s34, 4.f));                                                                      \
    o3 = add(add(d12, mul(d34, 8.f)), m5);                                                             \
  }

/*
 * One 6×6 input tile, 4 channels: v[t·vs] = (Bᵀ d B)[t] for t = a·6 + b, where d[r, q] is at
 * d + r·rs + q·cs. Columns first (into tmp), then rows.
 */
static void input_tile(const float *d, u32 rs, u32 cs, f4 *tmp, float *v, u32 vs) {
  for (u32 q = 0; q < 6; q++) {
    const float *c = d + q * cs;
    f4 o0, o1, o2, o3, o4, o5;
    BT(wasm_v128_load(c), wasm_v128_load(c + rs), wasm_v128_load(c + 2 * rs), wasm_v128_load(c + 3 * rs),
       wasm_v128_load(c + 4 * rs), wasm_v128_load(c + 5 * rs), o0, o1, o2, o3, o4, o5)
    tmp[q] = o0, tmp[6 + q] = o1, tmp[12 + q] = o2, tmp[18 + q] = o3, tmp[24 + q] = o4, tmp[30 + q] = o5;
  }
  for (u32 a = 0; a < 6; a++) {
    const f4 *r = tmp + 6 * a;
    float *o = v + 6 * a * vs;
    f4 o0, o1, o2, o3, o4, o5;
    BT(r[0], r[1], r[2], r[3], r[4], r[5], o0, o1, o2, o3, o4, o5)
    wasm_v128_store(o, o0), wasm_v128_store(o + vs, o1), wasm_v128_store(o + 2 * vs, o2);
    wasm_v128_store(o + 3 * vs, o3), wasm_v128_store(o + 4 * vs, o4), wasm_v128_store(o + 5 * vs, o5);
  }
}

/* Stores vector `o` (bias added, ReLU if asked) to dst's first `lanes` floats. */
static void store_lanes(float *dst, f4 o, f4 bias, int relu, u32 lanes) {
  o = add(o, bias);
  if (relu) o = wasm_f32x4_max(o, wasm_f32x4_splat(0.f));
  if (lanes >= 4) wasm_v128_store(dst, o);
  else {
    if (lanes > 0) dst[0] = wasm_f32x4_extract_lane(o, 0);
    if (lanes > 1) dst[1] = wasm_f32x4_extract_lane(o, 1);
    if (lanes > 2) dst[2] = wasm_f32x4_extract_lane(o, 2);
  }
}

/*
 * One tile's output, 4 channels: y[i, j] = act(bias + (Aᵀ m A)[i, j]) for i < rows, j < cols, where
 * m[t] is at m + t·ms and y[i, j] at y + i·rs + j·cs; `lanes` of the 4 channels are stored.
 */
static void output_tile(const float *m, u32 ms, f4 *tmp, float *y, u32 rs, u32 cs, u32 rows, u32 cols, f4 bias,
                        int relu, u32 lanes) {
  for (u32 b = 0; b < 6; b++) {
    const float *c = m + b * ms;
    f4 o0, o1, o2, o3;
    AT(wasm_v128_load(c), wasm_v128_load(c + 6 * ms), wasm_v128_load(c + 12 * ms), wasm_v128_load(c + 18 * ms),
       wasm_v128_load(c + 24 * ms), wasm_v128_load(c + 30 * ms), o0, o1, o2, o3)
    tmp[b] = o0, tmp[6 + b] = o1, tmp[12 + b] = o2, tmp[18 + b] = o3;
  }
  for (u32 i = 0; i < rows; i++) {
    const f4 *r = tmp + 6 * i;
    f4 o0, o1, o2, o3;
    AT(r[0], r[1], r[2], r[3], r[4], r[5], o0, o1, o2, o3)
    float *dst = y + i * rs;
    store_lanes(dst, o0, bias, relu, lanes);
    if (cols > 1) store_lanes(dst + cs, o1, bias, relu, lanes);
    if (cols > 2) store_lanes(dst + 2 * cs, o2, bias, relu, lanes);
    if (cols > 3) store_lanes(dst + 3 * cs, o3, bias, relu, lanes);
  }
}

/*
 * m [rows, cop] = v [rows, cinp] · u [cin, cop] (the first cin columns of v), in register tiles
 * of 4 rows × 8 columns (then 1 row, then 4 columns).
 */
#define GEMM_TILE(P, V)                                                                                \
  {                                                                                                    \
    f4 acc[P][V];                                                                                      \
    for (int r = 0; r < P; r++)                                                                        \
      for (int k = 0; k < V; k++) acc[r][k] = wasm_f32x4_splat(0.f);                                   \
    const float *vr = v + row * cinp;                                                                  \
    const float *uc = u + col;                                                                         \
    for (u32 c = 0; c < cin; c++, uc += cop) {                                                         \
      f4 w[V];                                                                                         \
      for (int k = 0; k < V; k++) w[k] = wasm_v128_load(uc + 4 * k);                                   \
      for (int r = 0; r < P; r++) {                                                                    \
        const f4 s = wasm_v128_load32_splat(vr + r * cinp + c);                                        \
        for (int k = 0; k < V; k++) acc[r][k] = add(acc[r][k], wasm_f32x4_mul(s, w[k]));               \
      }                                                                                                \
    }                                                                                                  \
    for (int r = 0; r < P; r++)                                                                        \
      for (int k = 0; k < V; k++) wasm_v128_store(m + (row + r) * cop + col + 4 * k, acc[r][k]);       \
  }

static void gemm(const float *v, u32 rows, u32 cin, u32 cinp, const float *u, u32 cop, float *m) {
  for (u32 col = 0; col < cop;) {
    const int eight = col + 8 <= cop;
    u32 row = 0;
    if (eight) {
      for (; row + 4 <= rows; row += 4) GEMM_TILE(4, 2)
      for (; row < rows; row++) GEMM_TILE(1, 2)
    } else {
      for (; row + 4 <= rows; row += 4) GEMM_TILE(4, 1)
      for (; row < rows; row++) GEMM_TILE(1, 1)
    }
    col += eight ? 8 : 4;
  }
}

/*
 * y [n, ho, wo, cout] = act(bias + x ⋆ w) for x [n, h, w, cin], the 3×3 kernel packed by
 * wino_pack_filter into u, top/left zero padding pt, pl (bottom/right follow from ho, wo; input
 * outside = 0), bias [cout] or 0 for none, relu ≠ 0 for max(·, 0). scratch holds
 * wino_scratch_bytes(n, ho, wo, cin, cout) bytes, 16-aligned.
 */
__attribute__((export_name("wino_forward")))
void wino_forward(const float *x, u32 n, u32 h, u32 w, u32 cin, const float *u, u32 pt, u32 pl, u32 ho, u32 wo,
                  u32 cout, const float *bias, u32 relu, float *scratch, float *y) {
  const u32 cinp = padded(cin), cop = padded(cout), th = (ho + 3) / 4, tw = (wo + 3) / 4, tiles = th * tw;
  const u32 hp = 4 * th + 2, wp = 4 * tw + 2, rs = wp * cinp, gmax = group_images(tiles, n);
  const u32 T = tiles * gmax;
  float *plane = scratch, *V = plane + hp * rs, *M = V + 36 * T * cinp, *b = M + 36 * T * cop;
  f4 *tmp = (f4 *)(b + cop);
  for (u32 o = 0; o < cop; o++) b[o] = bias && o < cout ? bias[o] : 0.f;
  for (u32 k = 0; k < hp * rs; k++) plane[k] = 0.f;
  for (u32 g0 = 0; g0 < n; g0 += gmax) {
    const u32 g = n - g0 < gmax ? n - g0 : gmax, rows = g * tiles;
    for (u32 img = 0; img < g; img++) {
      const float *xi = x + (g0 + img) * h * w * cin;
      for (u32 i = 0; i < h && i + pt < hp; i++)
        for (u32 j = 0; j < w && j + pl < wp; j++) {
          const float *src = xi + (i * w + j) * cin;
          float *dst = plane + (i + pt) * rs + (j + pl) * cinp;
          for (u32 c = 0; c < cin; c++) dst[c] = src[c];
        }
      for (u32 ti = 0; ti < th; ti++)
        for (u32 tj = 0; tj < tw; tj++)
          for (u32 c = 0; c < cinp; c += 4)
            input_tile(plane + 4 * ti * rs + 4 * tj * cinp + c, rs, cinp, tmp,
                       V + ((img * tiles) + ti * tw + tj) * cinp + c, T * cinp);
    }
    for (u32 t = 0; t < 36; t++) gemm(V + t * T * cinp, rows, cin, cinp, u + t * cin * cop, cop, M + t * T * cop);
    for (u32 img = 0; img < g; img++) {
      float *yi = y + (g0 + img) * ho * wo * cout;
      for (u32 ti = 0; ti < th; ti++)
        for (u32 tj = 0; tj < tw; tj++) {
          const u32 rows4 = ho - 4 * ti < 4 ? ho - 4 * ti : 4, cols4 = wo - 4 * tj < 4 ? wo - 4 * tj : 4;
          const float *m = M + (img * tiles + ti * tw + tj) * cop;
          for (u32 o = 0; o < cop; o += 4)
            output_tile(m + o, T * cop, tmp, yi + (4 * ti * wo + 4 * tj) * cout + o, wo * cout, cout, rows4, cols4,
                        wasm_v128_load(b + o), (int)relu, cout - o);
        }
    }
  }
}
