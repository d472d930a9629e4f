/**
 * α (ratio of low-frequency channels, paper §3.1) as the page shows it: rounded to at most 3
 * decimals, trailing zeros dropped (0.3333333 → "0.333", 0.125 → "0.125", 0.5 → "0.5").
 * `short` drops the leading zero for compact legends (0.5 → ".5", 1 → "1").
 */
export function formatAlpha(alpha: number, short = false): string {
  if (!Number.isFinite(alpha)) return String(alpha);
  const s = String(Number(alpha.toFixed(3)));
  return short ? s.replace(/^0\./, '.') : s;
}
