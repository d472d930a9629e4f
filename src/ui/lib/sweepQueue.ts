/**
 * α sweep planning (paper §4.2 ablation: the same net and recipe at several α). DOM-free.
 */
import type { TrainConfig } from '../../train/protocol';
import { seedList } from '../../train/face';
import { t } from '../i18n';

/**
 * The configs of a sweep: `base` with each α in turn, in the given order, duplicates removed;
 * with `repeats` = N each α is run with seeds base.seed, base.seed + 1, …, base.seed + N − 1
 * (α-major, as `npm run sweep -- --seeds N`).
 * @throws Error when the list is empty, a value is outside [0, 1] or repeats < 1.
 */
export function planSweep(base: TrainConfig, alphas: number[], repeats = 1): TrainConfig[] {
  if (alphas.length === 0) throw new Error('A sweep needs at least one α value');
  const seeds = seedList(base.seed, repeats);
  const seen = new Set<number>();
  const out: TrainConfig[] = [];
  for (const a of alphas) {
    if (!Number.isFinite(a) || a < 0 || a > 1) throw new Error(`Sweep α values must be in [0, 1] (got ${a})`);
    if (seen.has(a)) continue;
    seen.add(a);
    for (const seed of seeds) out.push({ ...base, alpha: a, seed });
  }
  return out;
}

/** Parse "0, .125, 0.25" into numbers; throws a message naming the bad entry. */
export function parseAlphaList(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new Error(t('alphaList.empty'));
  return parts.map((p) => {
    const v = Number(p);
    if (!/^(\d+\.?\d*|\.\d+)$/.test(p) || v < 0 || v > 1) throw new Error(t('alphaList.bad', { entry: p }));
    return v;
  });
}

/** The sweep box's text checked as the user types: the distinct α values, or why it is refused. */
export type AlphaListCheck = { ok: true; alphas: number[]; duplicates: number } | { ok: false; error: string };

/**
 * Checks the sweep box's text ({@link parseAlphaList}): the distinct α values in typed order and
 * how many duplicates were dropped, or the error naming the bad entry (the Run sweep button is
 * disabled and shows no run count then).
 */
export function checkAlphaList(text: string): AlphaListCheck {
  try {
    const list = parseAlphaList(text);
    const alphas = [...new Set(list)];
    return { ok: true, alphas, duplicates: list.length - alphas.length };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
