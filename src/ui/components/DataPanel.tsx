import { useRef, useState, type DragEvent } from 'react';
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
      <h2 id="data-h">Data: CIFAR-10</h2>
      {data.status === 'ready' && data.summary ? (
        <p data-testid="data-summary">
          {data.summary.trainCount.toLocaleString()} train + {data.summary.testCount.toLocaleString()} test images, from{' '}
          {data.summary.origin === 'cache' ? 'the browser cache (IndexedDB)' : data.summary.origin} in{' '}
          {(data.summary.loadMs / 1000).toFixed(1)} s.
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
            Clear cached data
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
            aria-label="CIFAR-10 loading progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(pct)}
            data-testid="data-progress"
          >
            <div style={{ width: `${pct}%` }} />
          </div>
          <p className="muted" data-testid="data-progress-text">
            {data.status === 'ready'
              ? 'Loaded'
              : p?.phase === 'cache'
                ? 'Reading cache'
                : p?.phase === 'parse'
                  ? 'Parsing'
                  : 'Downloading'}{' '}
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
      {data.status === 'loading' && data.summary ? (
        <p className="muted">Loading new data; the current data stays in use if this fails.</p>
      ) : null}
      {data.status === 'idle' ? (
        <p className="muted">{workerReady ? 'Not loaded yet.' : 'Starting the training worker…'}</p>
      ) : null}
      {data.status === 'probing' ? <p className="muted">Checking the browser cache…</p> : null}
      {data.status === 'confirm' && data.confirm ? (
        <div data-testid="data-confirm">
          <p>
            CIFAR-10 is not cached in this browser yet
            {data.confirm.downloadBytes !== null ? `; the download is ${formatBytes(data.confirm.downloadBytes)}` : ''}. It does
            not start on its own because {data.confirm.reason}. After one download it loads from the browser cache.
          </p>
          <div className="buttons">
            <button type="button" onClick={() => void data.loadFromUrl()} data-testid="data-download">
              {data.confirm.downloadBytes !== null ? `Download ${formatBytes(data.confirm.downloadBytes)}` : 'Download CIFAR-10'}
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
            Load CIFAR-10
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
        <span className="muted">Drop cifar-10-binary.tar.gz or the .bin files here, or </span>
        <button type="button" onClick={() => input.current?.click()} disabled={!workerReady}>
          choose files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".gz,.tgz,.tar,.bin,.txt"
          className="sr-only"
          tabIndex={-1}
          aria-label="CIFAR-10 files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length) void data.loadFromFiles(files);
          }}
        />
      </div>
      {data.status === 'ready' && data.error ? (
        <p className="error data-error-kept" role="alert" data-testid="data-error">
          Those files could not be loaded ({data.error}); the CIFAR-10 data loaded before is still in use.
        </p>
      ) : null}
    </section>
  );
}
