/**
 * The data panel's sentences about the browser's CIFAR-10 cache (pure, unit-tested): cached or
 * not and why, the site's storage use against its quota, and whether storage is persistent.
 */
import type { CacheReport } from '../../data/types';
import type { PersistState } from '../hooks/useDataLoader';
import { formatBytes } from './costMath';
import { t } from '../i18n';

/** "Site storage: 176.1 MiB of 9.8 GiB." when the browser told both figures, else ''. */
export function storageSentence(r: Pick<CacheReport, 'usageBytes' | 'quotaBytes'>): string {
  if (r.usageBytes === undefined || r.quotaBytes === undefined) return '';
  return t('cache.storage', { usage: formatBytes(r.usageBytes), quota: formatBytes(r.quotaBytes) });
}

/**
 * One sentence on the cache outcome of a load, e.g. "Cached in this browser (read in 0.9 s)." or
 * "Not cached: the browser's storage quota for this site is exhausted." followed by the storage figures.
 */
export function cacheSentence(r: CacheReport): string {
  const secs = r.ms !== undefined ? t('cache.secs', { seconds: (r.ms / 1000).toFixed(1) }) : '';
  const head =
    r.state === 'hit'
      ? `${t('cache.hit', { secs })}${r.reason ? t('cache.note', { reason: r.reason }) : ''}`
      : r.state === 'stored'
        ? t('cache.stored', { secs })
        : t('cache.notStored', { reason: r.reason ?? t('cache.unknownReason') });
  const storage = storageSentence(r);
  return storage ? `${head} ${storage}` : head;
}

/** What navigator.storage.persist() answered, in words ('' while unknown). */
export function persistSentence(p: PersistState): string {
  if (p === 'granted') return t('cache.persistGranted');
  if (p === 'refused') return t('cache.persistRefused');
  if (p === 'unsupported') return t('cache.persistUnsupported');
  return '';
}
