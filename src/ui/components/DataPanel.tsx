import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataState } from '../hooks/useDataLoader';
import { formatBytes } from '../lib/costMath';
import { cacheSentence, persistSentence } from '../lib/cacheText';

/** Props of {@link DataPanel}. */
export interface DataPanelProps {
  data: DataState;
  /** False until the worker is up (loading needs it). */
  workerReady: boolean;
}

/**
 * CIFAR-10 status: a byte progress bar while loading (network, or the IndexedDB cache on the
 * next visit), the summary when loaded, a clear message naming `npm run data` when the files
 * are absent, and a drop zone / file picker for the official archive or the .bin files.
 */
export function DataPanel({ data, workerReady }: DataPanelProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const p = data.progress;
  const pct = p && p.totalBytes > 0 ? Math.min(100, (100 * p.loadedBytes) / p.totalBytes) : data.status === 'ready' ? 100 : 0;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) void data.loadFromFiles(files);
  };
  return (
    <section className="panel" aria-labelledby="data-h">
      <h2 id="data-h">{t('data.title')}</h2>
      {data.status === 'ready' && data.summary ? (
        <p data-testid="data-summary">
          {t('data.summary', {
            train: data.summary.trainCount,
            test: data.summary.testCount,
            origin: data.summary.origin === 'cache' ? t('data.fromCache') : t(`data.origin.${data.summary.origin}`),
            seconds: (data.summary.loadMs / 1000).toFixed(1),
          })}
        </p>
      ) : null}
      {data.status === 'ready' && data.summary?.cache ? (
        <p
          className={data.summary.cache.state === 'not-stored' ? 'notice-text' : 'muted'}
          data-testid="data-cache-status"
          data-state={data.summary.cache.state}
        >
          {cacheSentence(data.summary.cache)} {persistSentence(data.persist)}{' '}
          <button type="button" onClick={() => void data.clearCache()} data-testid="data-cache-clear">
            {t('data.clearCache')}
          </button>
        </p>
      ) : null}
      {data.cacheMessage ? (
        <p className="muted" role="status" data-testid="data-cache-message">
          {data.cacheMessage}
        </p>
      ) : null}
      {data.status === 'loading' || data.status === 'ready' ? (
        <div>
          <div
            className="progress"
            role="progressbar"
            aria-label={t('data.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(pct)}
            data-testid="data-progress"
          >
            <div style={{ width: `${pct}%` }} />
          </div>
          <p className="muted" data-testid="data-progress-text">
            {data.status === 'ready'
              ? t('data.loaded')
              : p?.phase === 'cache'
                ? t('data.readingCache')
                : p?.phase === 'parse'
                  ? t('data.parsing')
                  : t('data.downloading')}{' '}
            {p?.file ? `${p.file} ` : ''}
            {p ? `${formatBytes(p.loadedBytes)}${p.totalBytes ? ` / ${formatBytes(p.totalBytes)}` : ''}` : ''} — {pct.toFixed(0)}{' '}
            %
          </p>
        </div>
      ) : null}
      {data.status === 'error' ? (
        <p className="error" role="alert" data-testid="data-error">
          {data.error}
        </p>
      ) : null}
      {data.status === 'loading' && data.summary ? <p className="muted">{t('data.loadingNew')}</p> : null}
      {data.status === 'idle' ? <p className="muted">{workerReady ? t('data.notLoaded') : t('data.startingWorker')}</p> : null}
      {data.status === 'probing' ? <p className="muted">{t('download.probing')}</p> : null}
      {data.status === 'confirm' && data.confirm ? (
        <div data-testid="data-confirm">
          <p>
            {t('download.question', {
              size:
                data.confirm.downloadBytes !== null ? t('download.size', { size: formatBytes(data.confirm.downloadBytes) }) : '',
              reason: data.confirm.reason,
            })}
          </p>
          <div className="buttons">
            <button type="button" onClick={() => void data.loadFromUrl()} data-testid="data-download">
              {data.confirm.downloadBytes !== null
                ? t('download.button', { size: formatBytes(data.confirm.downloadBytes) })
                : t('download.buttonUnknown')}
            </button>
          </div>
        </div>
      ) : null}
      {data.status !== 'ready' && data.status !== 'confirm' ? (
        <div className="buttons">
          <button
            type="button"
            onClick={() => void data.loadFromUrl()}
            disabled={!workerReady || data.status === 'loading' || data.status === 'probing'}
          >
            {t('data.load')}
          </button>
        </div>
      ) : null}
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="muted">{t('data.drop')}</span>
        <button type="button" onClick={() => input.current?.click()} disabled={!workerReady}>
          {t('data.choose')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".gz,.tgz,.tar,.bin,.txt"
          className="sr-only"
          tabIndex={-1}
          aria-label={t('data.filesLabel')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length) void data.loadFromFiles(files);
          }}
        />
      </div>
      {data.status === 'ready' && data.error ? (
        <p className="error data-error-kept" role="alert" data-testid="data-error">
          {t('data.filesFailed', { error: data.error })}
        </p>
      ) : null}
    </section>
  );
}
