/**
 * The paper's closed-form cost ratios of an OctConv vs a vanilla convolution, shown beside the
 * counted figures in the cost panel (the counted ones come from src/octconv's countCost).
 */
import { checkAlpha } from '../../octconv/face';
import { t } from '../i18n';

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
 * MACs ratio of a middle OctConv layer (α_in = α_out = α) with stride 2 to the vanilla stride-2
 * conv. Stride 2 is done by pooling (docs/architecture.md §3, paper §3.3): H→H = conv(pool(X_H))
 * at the high output's size, H→L = conv(pool(pool(X_H))) and L→L = conv(pool(X_L)) at ¼ of it,
 * and L→H = conv(X_L) with no upsampling, at the high output's full size. Against vanilla (c_in·c_out
 * at the high output's size) the four paths cost
 * (1−α)² + α(1−α)/4 + α²/4 + α(1−α) = 1 − ¾·α
 * (81.3 % at α = .25, where a stride-1 layer costs 1 − ¾α(2−α) = 67.2 %): only L→H loses its ¼.
 * @throws Error when α ∉ [0, 1].
 */
export function octaveStride2MacsRatio(alpha: number): number {
  checkAlpha(alpha, 'octaveStride2MacsRatio');
  return 1 - 0.75 * alpha;
}

/** The closed form the cost table shows for a middle layer of `stride`, as text in the current language. */
export function macsFormulaText(stride: 1 | 2): string {
  return t(stride === 2 ? 'cost.formula2' : 'cost.formula1');
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
