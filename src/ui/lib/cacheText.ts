/**
 * The data panel's sentences about the browser's CIFAR-10 cache (pure, unit-tested): cached or
 * not and why, the site's storage use against its quota, and whether storage is persistent.
 */
import type { CacheReport } from '../../data/types';
import type { PersistState } from '../hooks/useDataLoader';
import { formatBytes } from './costMath';

/** "Site storage: 176.1 MiB of 9.8 GiB." when the browser told both figures, else ''. */
export function storageSentence(r: Pick<CacheReport, 'usageBytes' | 'quotaBytes'>): string {
  if (r.usageBytes === undefined || r.quotaBytes === undefined) return '';
  return `Site storage: ${formatBytes(r.usageBytes)} of ${formatBytes(r.quotaBytes)}.`;
}

/**
 * One sentence on the cache outcome of a load, e.g. "Cached in this browser (read in 0.9 s)." or
 * "Not cached: the browser's storage quota for this site is exhausted." followed by the storage figures.
 */
export function cacheSentence(r: CacheReport): string {
  const secs = r.ms !== undefined ? ` in ${(r.ms / 1000).toFixed(1)} s` : '';
  const head =
    r.state === 'hit'
      ? `Cached in this browser (read${secs}).${r.reason ? ` Note: ${r.reason}.` : ''}`
      : r.state === 'stored'
        ? `Cached in this browser for the next visit (written${secs}).`
        : `Not cached: ${r.reason ?? 'unknown reason'}. The next visit downloads it again.`;
  const storage = storageSentence(r);
  return storage ? `${head} ${storage}` : head;
}

/** What navigator.storage.persist() answered, in words ('' while unknown). */
export function persistSentence(p: PersistState): string {
  if (p === 'granted') return 'Persistent storage: granted (the browser will not evict the cache on its own).';
  if (p === 'refused') return 'Persistent storage: refused by the browser, so it may evict the cache when space runs low.';
  if (p === 'unsupported') return 'Persistent storage: not supported by this browser.';
  return '';
}
