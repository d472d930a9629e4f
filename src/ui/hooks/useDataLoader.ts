/**
 * Loads CIFAR-10 into the worker (cache → network → dropped files) and tracks progress for the
 * data panel. The worker keeps the data; the page only gets the summary, including what happened
 * with the browser's cache; the page asks for persistent storage (a Window-only API) after a load.
 */
import { useCallback, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { DataProgress, DataSummary, LabWorkerApi } from '../../train/protocol';
import { formatBytes } from '../lib/costMath';
import { t } from '../i18n';
import { askReason, readDownloadEnv, shouldAskBeforeDownload } from '../lib/downloadPolicy';

/** Where the built site serves CIFAR-10 from (relative to the page; `npm run data` fills it). */
export const DATA_BASE_PATH = 'data/cifar10/';

/** Whether the browser keeps this site's storage under pressure (navigator.storage.persist()). */
export type PersistState = 'unknown' | 'granted' | 'refused' | 'unsupported';

/** State of the data panel. */
export interface DataState {
  /**
   * 'ready' once a dataset is in the worker, and it stays 'ready' when a later load fails (the
   * worker replaces its dataset only after a successful load): `error` then says what failed.
   * 'probing': the first load is checking the cache and the download size; 'confirm': it waits
   * for the user to allow a large download (a phone or a metered connection, see downloadPolicy.ts).
   */
  status: 'idle' | 'probing' | 'confirm' | 'loading' | 'ready' | 'error';
  /** While 'confirm': bytes the download would fetch (null: unknown), and why the page asks. */
  confirm: { downloadBytes: number | null; reason: string } | null;
  progress: DataProgress | null;
  summary: DataSummary | null;
  error: string | null;
  persist: PersistState;
  /** Message after "Clear cached data" (or its error). */
  cacheMessage: string | null;
  /** Load from the site's data folder (or the IndexedDB cache). */
  loadFromUrl(): Promise<void>;
  /**
   * The load when the page opens: like loadFromUrl, except that on a phone or a metered
   * connection a download over 50 MiB waits in 'confirm' for the user (a cached copy loads at once).
   */
  autoLoad(): Promise<void>;
  /** Load from user files (the official archive or the .bin files). */
  loadFromFiles(files: File[]): Promise<void>;
  /** Delete the cached dataset from this browser (the loaded data stays in use). */
  clearCache(): Promise<void>;
}

/** Asks for persistent storage once per page (Chromium grants it by site engagement, or refuses). */
async function requestPersist(): Promise<PersistState> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return 'unsupported';
  try {
    return (await storage.persisted()) || (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'unsupported';
  }
}

/** Data loading state machine bound to the worker `api`. */
export function useDataLoader(api: LabWorkerApi | null): DataState {
  const [status, setStatus] = useState<DataState['status']>('idle');
  const [progress, setProgress] = useState<DataProgress | null>(null);
  const [summary, setSummary] = useState<DataSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [persist, setPersist] = useState<PersistState>('unknown');
  const [cacheMessage, setCacheMessage] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<DataState['confirm']>(null);
  const last = useRef({ summary, progress });
  last.current = { summary, progress };

  const load = useCallback(
    async (source: Parameters<LabWorkerApi['loadData']>[0]) => {
      if (!api) return;
      const had = last.current.summary !== null;
      const before = last.current.progress;
      setStatus('loading');
      setConfirm(null);
      setError(null);
      setCacheMessage(null);
      setProgress({ phase: 'download', loadedBytes: 0, totalBytes: 0 });
      try {
        const s = await api.loadData(
          source,
          Comlink.proxy((p: DataProgress) => setProgress(p)),
        );
        setSummary(s);
        setProgress((p) => ({
          phase: 'done',
          loadedBytes: p?.totalBytes || p?.loadedBytes || 0,
          totalBytes: p?.totalBytes || p?.loadedBytes || 0,
        }));
        setStatus('ready');
        if (s.cache && s.cache.state !== 'not-stored') setPersist(await requestPersist());
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        // The worker still holds the dataset it had (LabSession.loadData replaces it only on success).
        if (had) setProgress(before);
        setStatus(had ? 'ready' : 'error');
      }
    },
    [api],
  );

  const loadFromUrl = useCallback(
    () => load({ kind: 'url', baseUrl: new URL(DATA_BASE_PATH, window.location.href).href }),
    [load],
  );
  const autoLoad = useCallback(async () => {
    if (!api) return;
    const env = readDownloadEnv();
    if (askReason(env) === '') return loadFromUrl();
    setStatus('probing');
    const probe = await api
      .probeData(new URL(DATA_BASE_PATH, window.location.href).href)
      .catch(() => ({ cached: false, downloadBytes: null }));
    if (!shouldAskBeforeDownload(probe, env)) return loadFromUrl();
    setConfirm({ downloadBytes: probe.downloadBytes, reason: askReason(env) });
    setStatus('confirm');
  }, [api, loadFromUrl]);
  const loadFromFiles = useCallback((files: File[]) => load({ kind: 'files', files }), [load]);
  const clearCache = useCallback(async () => {
    if (!api) return;
    try {
      const figures = await api.clearDataCache();
      const used = figures.usageBytes !== undefined ? t('data.storageNow', { bytes: formatBytes(figures.usageBytes) }) : '';
      // The status line now says what is true: nothing is cached any more.
      setSummary((sum) => (sum ? { ...sum, cache: { state: 'not-stored', reason: t('data.youCleared'), ...figures } } : sum));
      setCacheMessage(`${t('data.cleared')}${used}`);
    } catch (e) {
      setCacheMessage(t('data.clearFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  }, [api]);

  return {
    status,
    confirm,
    progress,
    summary,
    error,
    persist,
    cacheMessage,
    loadFromUrl,
    autoLoad,
    loadFromFiles,
    clearCache,
  };
}
