/**
 * Keeps every finished run inspectable. When a run ends on any training worker, its final
 * weights (tfjs files) are fetched from that worker; a parallel worker's run is handed to the
 * main worker (which the octave views ask), and every run is stored in IndexedDB (WeightStore,
 * bounded, oldest evicted first) so it can be inspected again after a reload. Which runs are not
 * kept across reloads, and why, is part of the state (the page shows it).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabWorkerApi } from '../../train/protocol';
import { WEIGHTS_LIMIT_BYTES, WeightStore, type KeptWeights } from '../lib/weightStore';

/** What the page knows about kept run weights. */
export interface RunWeights {
  /** Runs that can be inspected now: weights in the main worker or in this browser's store. */
  available: ReadonlySet<string>;
  /** Runs kept in IndexedDB (survive a reload). */
  stored: ReadonlyMap<string, KeptWeights>;
  /** Bytes kept in IndexedDB, and the limit. */
  usedBytes: number;
  limitBytes: number;
  /** Runs of this session not kept across reloads, with the reason (evicted, too big, no store). */
  notKept: ReadonlyMap<string, string>;
  /** Fetch a finished run's weights from the worker that trained it (pass as RunManagerDeps.onRunFinished). */
  onRunFinished(api: LabWorkerApi, runId: string): Promise<void>;
  /** Makes sure the main worker holds run `runId`'s weights (from the store after a reload). @throws Error when none are kept. */
  ensure(runId: string): Promise<void>;
  /** Forgets deleted runs' weights (worker and store). */
  forget(runIds: readonly string[]): void;
  /** Storage problem (shown, never fatal). */
  error: string | null;
}

/** The hook; `main` is the page's main worker (the one the octave views inspect). */
export function useRunWeights(main: LabWorkerApi | null): RunWeights {
  const mainRef = useRef(main);
  mainRef.current = main;
  const inWorker = useRef(new Set<string>());
  const storeRef = useRef<Promise<WeightStore | null> | null>(null);
  const [stored, setStored] = useState<Map<string, KeptWeights>>(new Map());
  const [notKept, setNotKept] = useState<Map<string, string>>(new Map());
  const [inWorkerIds, setInWorkerIds] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const store = useCallback(() => {
    storeRef.current ??= WeightStore.open().catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    });
    return storeRef.current;
  }, []);
  const refresh = useCallback(async (s: WeightStore) => setStored(new Map((await s.list()).map((k) => [k.runId, k]))), []);
  const markInWorker = (id: string) => {
    inWorker.current.add(id);
    setInWorkerIds(new Set(inWorker.current));
  };

  useEffect(() => {
    void store().then((s) => s && refresh(s));
  }, [store, refresh]);

  const onRunFinished = useCallback(
    async (api: LabWorkerApi, runId: string) => {
      const files = await api.runWeights(runId).catch(() => null);
      if (!files) return;
      const m = mainRef.current;
      // Structured clone, not transfer: the same files also go to the store below.
      if (m && api !== m) await m.keepRunWeights(runId, files);
      markInWorker(runId);
      const s = await store();
      const note = (id: string, why: string) => setNotKept((prev) => new Map(prev).set(id, why));
      if (!s) return note(runId, 'no IndexedDB in this browser: kept for this session only');
      try {
        const out = await s.put(runId, files);
        out.evicted.forEach((id) => note(id, `evicted (oldest first) to stay under ${s.limitBytes / 2 ** 20} MiB`));
        if (!out.stored) note(runId, out.reason ?? 'not stored');
        await refresh(s);
      } catch (e) {
        note(runId, `could not be stored (${e instanceof Error ? e.message : String(e)})`);
      }
    },
    [store, refresh],
  );

  const ensure = useCallback(
    async (runId: string) => {
      if (inWorker.current.has(runId)) return;
      const m = mainRef.current;
      const s = await store();
      const files = s ? await s.get(runId) : null;
      if (!m || !files) throw new Error(`the final weights of this run are not kept (${notKept.get(runId) ?? 'not stored'})`);
      await m.keepRunWeights(runId, files);
      markInWorker(runId);
    },
    [store, notKept],
  );

  const forget = useCallback(
    (runIds: readonly string[]) => {
      runIds.forEach((id) => inWorker.current.delete(id));
      setInWorkerIds(new Set(inWorker.current));
      void mainRef.current?.forgetRunWeights([...runIds]).catch(() => {});
      void store().then(async (s) => {
        if (!s) return;
        await s.delete(runIds).catch(() => {});
        await refresh(s);
      });
    },
    [store, refresh],
  );

  const available = new Set([...inWorkerIds, ...stored.keys()]);
  const usedBytes = [...stored.values()].reduce((n, k) => n + k.bytes, 0);
  return { available, stored, usedBytes, limitBytes: WEIGHTS_LIMIT_BYTES, notKept, onRunFinished, ensure, forget, error };
}
