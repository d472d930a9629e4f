/**
 * Extra training workers for parallel sweeps. Each is a separate Web Worker with its own tfjs
 * backend, its own copy of CIFAR-10 (from the IndexedDB cache the first worker filled) and its
 * share of the cores' WASM threads: the page runs up to {@link MAX_WORKERS} workers, each with
 * floor(hardwareConcurrency / workers) threads. Only for WASM/CPU: GPU backends share one device,
 * so their runs stay one at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { BackendName, LabWorkerApi } from '../../train/protocol';
import { forwardApi } from './useLabWorker';

/** Most training workers the page starts (memory: each holds CIFAR-10, ~180 MB). */
export const MAX_WORKERS = 4;

/** Workers and WASM threads each for `cores` logical cores: workers = min(MAX_WORKERS, cores). */
export function workerPlan(cores: number): { workers: number; threadsEach: number } {
  const c = Math.max(1, Math.floor(cores || 1));
  const workers = Math.min(MAX_WORKERS, c);
  return { workers, threadsEach: Math.max(1, Math.floor(c / workers)) };
}

/** The pool: ready extra workers (data loaded), how many are wanted, and any start error. */
export interface WorkerPool {
  extra: LabWorkerApi[];
  /** Total workers a sweep may use now (1 + ready extras). */
  slots: number;
  /** Workers the cores allow for this backend. */
  planned: number;
  error: string | null;
  /** Starts the extra workers (once); resolves when they are ready or failed. */
  ensure(): Promise<void>;
}

/**
 * Starts `planned − 1` extra workers on demand (ensure()), on `backend`, loading CIFAR-10 from
 * `dataUrl`. Terminates them with the page.
 */
export function useWorkerPool(backend: BackendName | null, dataUrl: string | null): WorkerPool {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  const plan = workerPlan(cores);
  const planned = backend === 'wasm' || backend === 'cpu' ? plan.workers : 1;
  const [extra, setExtra] = useState<LabWorkerApi[]>([]);
  const [error, setError] = useState<string | null>(null);
  const started = useRef<Promise<void> | null>(null);
  const workers = useRef<Worker[]>([]);

  useEffect(() => () => workers.current.forEach((w) => w.terminate()), []);

  const ensure = useCallback(() => {
    if (planned <= 1 || !backend || !dataUrl) return Promise.resolve();
    started.current ??= (async () => {
      const results = await Promise.allSettled(
        Array.from({ length: planned - 1 }, async (_, i) => {
          const w = new Worker(new URL('../../train/worker.ts', import.meta.url), {
            type: 'module',
            name: `lab-worker-${i + 2} threads=${plan.threadsEach}`,
          });
          workers.current.push(w);
          const api = forwardApi(Comlink.wrap<LabWorkerApi>(w));
          await api.init(backend);
          await api.loadData(
            { kind: 'url', baseUrl: dataUrl },
            Comlink.proxy(() => {}),
          );
          return api;
        }),
      );
      const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const bad = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (bad)
        setError(
          `A parallel training worker could not start (${bad.reason instanceof Error ? bad.reason.message : String(bad.reason)}); runs use ${1 + ok.length} worker(s).`,
        );
      setExtra(ok);
    })();
    return started.current;
  }, [backend, dataUrl, planned, plan.threadsEach]);

  return { extra, slots: 1 + extra.length, planned, error, ensure };
}
