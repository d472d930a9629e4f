/**
 * Independent hand count of Oct-MobileNet v1/v2 cost from the channel tables of the official code
 * (facebookresearch/OctConv, mobilenetv1.py / mobilenetv2.py) and the OctConv formulas of paper
 * eq. (1)–(2): no tfjs model is built. Used to check countCost, which counts the built layers.
 */

/** One conv: k×k, channels in/out, α in/out, input grid size, stride (pool-based), depthwise. */
interface Conv {
  k: number;
  cin: number;
  cout: number;
  ai: number;
  ao: number;
  size: number;
  stride: 1 | 2;
  dw: boolean;
}

const low = (c: number, a: number): number => Math.floor(a * c + 1e-9);

/** params (conv + BN γ/β per channel), MACs and average-pool ops (one per input element) of one OctConv. */
function convCost(c: Conv): { params: number; macs: number; pools: number } {
  const [li, lo] = [low(c.cin, c.ai), low(c.cout, c.ao)];
  const [hi, ho] = [c.cin - li, c.cout - lo];
  const out = c.size / c.stride; // high output grid
  const k2 = c.k * c.k;
  let macs: number;
  let params: number;
  let pools = 0;
  if (c.dw) {
    macs = out * out * hi * k2 + (out / 2) ** 2 * li * k2;
    params = k2 * c.cin;
    if (c.stride === 2) pools += c.size ** 2 * hi + (c.size / 2) ** 2 * li;
  } else {
    const hl = hi > 0 && lo > 0;
    macs = out * out * hi * ho * k2 + (out / 2) ** 2 * (hi * lo + li * ho + li * lo) * k2;
    params = k2 * c.cin * c.cout;
    if (c.stride === 2 || hl) pools += c.size ** 2 * hi; // pool(X_H)
    if (c.stride === 2 && hl) pools += (c.size / 2) ** 2 * hi; // pool(pool(X_H))
    if (c.stride === 2 && li > 0 && lo > 0) pools += (c.size / 2) ** 2 * li; // pool(X_L)
  }
  return { params: params + 2 * c.cout, macs, pools };
}

/** Totals of a whole net: stem (plain 3×3 conv), convs, optional global pool + dense. */
function total(
  stem: { c: number; out: number },
  convs: Conv[],
  last: { c: number; size: number },
  classes: number,
): { params: number; macs: number; poolOps: number } {
  let params = 27 * stem.c + 2 * stem.c;
  let macs = stem.out ** 2 * stem.c * 27;
  let poolOps = last.size ** 2 * last.c; // global average pool
  for (const c of convs) {
    const r = convCost(c);
    params += r.params;
    macs += r.macs;
    poolOps += r.pools;
  }
  return { params: params + last.c * classes + classes, macs: macs + last.c * classes, poolOps };
}

/** Hand count of v1 (multiplier m, α, input size, cifarStem: stem and block 2 at stride 1). */
export function handCountV1(
  m: number,
  alpha: number,
  input: number,
  cifar: boolean,
  classes: number,
): { params: number; macs: number; poolOps: number } {
  const f = (x: number): number => Math.floor(x * m + 1e-9);
  const rows: Array<[number, number, 1 | 2, number, number]> = [
    // [dw channels, pw channels, stride, dw α, pw α_out]
    [32, 64, 1, 0, alpha],
    [64, 128, cifar ? 1 : 2, alpha, alpha],
    [128, 128, 1, alpha, alpha],
    [128, 256, 2, alpha, alpha],
    [256, 256, 1, alpha, alpha],
    [256, 512, 2, alpha, alpha],
    [512, 512, 1, alpha, alpha],
    [512, 512, 1, alpha, alpha],
    [512, 512, 1, alpha, alpha],
    [512, 512, 1, alpha, alpha],
    [512, 512, 1, alpha, 0],
    [512, 1024, 2, 0, 0],
    [1024, 1024, 1, 0, 0],
  ];
  let size = cifar ? input : input / 2;
  const stem = { c: f(32), out: size };
  const convs: Conv[] = [];
  for (const [dwc, pwc, s, a, ao] of rows) {
    convs.push({ k: 3, cin: f(dwc), cout: f(dwc), ai: a, ao: a, size, stride: s, dw: true });
    size /= s;
    convs.push({ k: 1, cin: f(dwc), cout: f(pwc), ai: a, ao, size, stride: 1, dw: false });
  }
  return total(stem, convs, { c: f(1024), size }, classes);
}

/** Hand count of v2 (inverted residuals t = 1, 6, …; tail 1280, ×m above 1). */
export function handCountV2(
  m: number,
  alpha: number,
  input: number,
  cifar: boolean,
  classes: number,
): { params: number; macs: number; poolOps: number } {
  const f = (x: number): number => Math.floor(x * m + 1e-9);
  // [expansion t, output channels, repeats, stride of the first] (Sandler et al. 2018, Table 2)
  const table: Array<[number, number, number, 1 | 2]> = [
    [1, 16, 1, 1],
    [6, 24, 2, cifar ? 1 : 2],
    [6, 32, 3, 2],
    [6, 64, 4, 2],
    [6, 96, 3, 1],
    [6, 160, 3, 2],
    [6, 320, 1, 1],
  ];
  let size = cifar ? input : input / 2;
  const stem = { c: f(32), out: size };
  const convs: Conv[] = [];
  let cin = f(32);
  let index = 0;
  for (const [t, c, n, s0] of table) {
    for (let r = 0; r < n; r++, index++) {
      const s = r === 0 ? s0 : 1;
      const a = index < 13 ? alpha : 0;
      const mid = t * cin;
      convs.push({ k: 1, cin, cout: mid, ai: 0, ao: a, size, stride: 1, dw: false });
      convs.push({ k: 3, cin: mid, cout: mid, ai: a, ao: a, size, stride: s, dw: true });
      size /= s;
      convs.push({ k: 1, cin: mid, cout: f(c), ai: a, ao: 0, size, stride: 1, dw: false });
      cin = f(c);
    }
  }
  const tail = m > 1 ? f(1280) : 1280;
  convs.push({ k: 1, cin, cout: tail, ai: 0, ao: 0, size, stride: 1, dw: false });
  return total(stem, convs, { c: tail, size }, classes);
}
