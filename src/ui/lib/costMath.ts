/**
 * The paper's closed-form cost ratios of an OctConv vs a vanilla convolution, shown beside the
 * counted figures in the cost panel (the counted ones come from src/octconv's countCost).
 */
import { checkAlpha } from '../../octconv/face';

/**
 * MACs ratio of a middle OctConv layer (α_in = α_out = α) to the vanilla conv:
 * 1 − ¾·α·(2 − α) (paper Table 1: 82/67/44/30/26/25 % at α = .125/.25/.5/.75/.875/1).
 * @throws Error when α ∉ [0, 1].
 */
export function octaveMacsRatio(alpha: number): number {
  checkAlpha(alpha, 'octaveMacsRatio');
  return 1 - 0.75 * alpha * (2 - alpha);
}

/**
 * Activation-memory ratio of a middle OctConv layer's output to the vanilla output: 1 − ¾·α
 * (the low branch holds α of the channels at ¼ of the pixels; paper Table 1).
 * @throws Error when α ∉ [0, 1].
 */
export function octaveMemoryRatio(alpha: number): number {
  checkAlpha(alpha, 'octaveMemoryRatio');
  return 1 - 0.75 * alpha;
}

/** Format a ratio as a percentage with one decimal, e.g. 0.6719 → "67.2 %". */
export function formatPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)} %` : '—';
}

/** Format multiply-adds as millions, e.g. 40_550_000 → "40.55". */
export function formatMMacs(macs: number): string {
  return Number.isFinite(macs) ? (macs / 1e6).toFixed(2) : '—';
}

/** Format bytes with a binary unit (KiB, MiB, GiB). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}
