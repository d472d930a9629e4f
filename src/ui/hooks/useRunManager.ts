/**
 * Runs of the session: a queue (single runs and α sweeps), the live run's events folded in with
 * applyTrainEvent, chart snapshots throttled to CHART_REDRAW_INTERVAL_MS, and finished runs
 * persisted in IndexedDB (RunStore) so a reload loses nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { BackendName, LabWorkerApi, TrainConfig, TrainEvent } from '../../train/protocol';
import type { CostReport } from '../../octconv/types';
import { applyTrainEvent, createRun, isFinished, numberRuns, type RunRecord } from '../lib/runs';
import { RunStore } from '../lib/runStore';
import { createThrottle } from '../lib/throttle';
import { CHART_REDRAW_INTERVAL_MS } from '../lib/cadence';
import { restoredAsInterrupted } from '../lib/runPersistence';
import { useRunPersistence } from './useRunPersistence';

/** How long to wait for a run's final event after start() resolves before calling it stopped (ms). */
const FINAL_EVENT_GRACE_MS = 5_000;

/** A run waiting in the queue. */
interface QueuedRun {
  id: string;
  config: TrainConfig;
  sweepId: string | null;
}

/** What the page can do with runs. */
export interface RunManager {
  /** All runs, oldest first; a snapshot refreshed at most 4×/s while training. */
  runs: RunRecord[];
  /** The run in progress, if any. */
  activeId: string | null;
  /** Runs waiting to start. */
  queued: number;
  /** Queue runs (a sweep passes several configs and a sweep id). */
  enqueue(configs: TrainConfig[], sweepId?: string | null): void;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stop the active run (its final evaluation still runs) and drop the queue. */
  stop(): Promise<void>;
  remove(ids: string[]): void;
  setVisible(ids: string[], visible: boolean): void;
  /** Called with every step event of the active run (for the octave views' refresh cadence). */
  subscribeSteps(fn: (step: number) => void): () => void;
  /** Persistence problem (shown, never fatal). */
  storeError: string | null;
}

/** Options of {@link useRunManager}. */
export interface RunManagerDeps {
  api: LabWorkerApi | null;
  backend: BackendName | null;
  /** True once CIFAR-10 is loaded in the worker. */
  dataReady: boolean;
  trainCount: number;
  /** Cost of a config (page-side counter or the worker's), attached to the run. */
  getCost(config: TrainConfig): Promise<CostReport | null>;
}

let counter = 0;
/** A unique, sortable run id. */
function newRunId(): string {
  counter += 1;
  return `run-${Date.now().toString(36)}-${counter}`;
}

/** The run manager hook. */
export function useRunManager(deps: RunManagerDeps): RunManager {
  const runsRef = useRef<RunRecord[]>([]);
  const [runs, setRuns] = useState<RunRecord[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [queued, setQueued] = useState(0);
  const [storeError, setStoreError] = useState<string | null>(null);
  const queueRef = useRef<QueuedRun[]>([]);
  const activeRef = useRef<string | null>(null);
  const storeRef = useRef<Promise<RunStore | null> | null>(null);
  const stepListeners = useRef(new Set<(step: number) => void>());
  const depsRef = useRef(deps);
  depsRef.current = deps;
  /** Next stable run number: never reused within the page session (RunRecord.number). */
  const nextNumberRef = useRef(1);

  const throttle = useMemo(() => createThrottle(() => setRuns([...runsRef.current]), CHART_REDRAW_INTERVAL_MS), []);

  const store = useCallback(() => {
    storeRef.current ??= RunStore.open().catch((e: unknown) => {
      setStoreError(e instanceof Error ? e.message : String(e));
      return null;
    });
    return storeRef.current;
  }, []);

  useRunPersistence(runsRef, activeId, queued, store, setStoreError);

  const update = useCallback(
    (id: string, fn: (r: RunRecord) => RunRecord, immediate = false) => {
      runsRef.current = runsRef.current.map((r) => (r.id === id ? fn(r) : r));
      if (immediate) {
        throttle.call();
        throttle.flush();
      } else throttle.call();
    },
    [throttle],
  );

  const persist = useCallback(
    async (id: string) => {
      const run = runsRef.current.find((r) => r.id === id);
      const s = await store();
      if (run && s && isFinished(run)) await s.put(run).catch((e: unknown) => setStoreError(String(e)));
    },
    [store],
  );

  // Restore finished runs of earlier visits.
  useEffect(() => {
    void store().then(async (s) => {
      if (!s) return;
      const stored = await s.list();
      // A run that was in progress when the page went away is shown (and kept) as interrupted.
      const saved = stored.map(restoredAsInterrupted);
      saved.filter((r, i) => r !== stored[i]).forEach((r) => void s.put(r).catch(() => {}));
      const known = new Set(runsRef.current.map((r) => r.id));
      const unnumbered = new Set(saved.filter((r) => !r.number).map((r) => r.id));
      const restored = numberRuns(saved.filter((r) => !known.has(r.id)));
      // Runs queued before the restore finished are renumbered after the restored ones (only
      // those whose number a restored run may hold; a second restore pass changes nothing).
      const maxRestored = restored.reduce((m, r) => Math.max(m, r.number), 0);
      let next = [...restored, ...runsRef.current].reduce((m, r) => Math.max(m, r.number), 0);
      const fresh = runsRef.current.map((r) => (r.number > maxRestored ? r : { ...r, number: ++next }));
      runsRef.current = [...restored, ...fresh];
      nextNumberRef.current = Math.max(nextNumberRef.current, next + 1);
      // Keep the numbers given to older records.
      restored.filter((r) => unnumbered.has(r.id)).forEach((r) => void s.put(r).catch(() => {}));
      setRuns([...runsRef.current]);
    });
  }, [store]);

  const pump = useCallback(async () => {
    const d = depsRef.current;
    if (activeRef.current || !d.api || !d.dataReady) return;
    const next = queueRef.current.shift();
    setQueued(queueRef.current.length);
    if (!next) return;
    activeRef.current = next.id;
    setActiveId(next.id);
    const cost = await d.getCost(next.config).catch(() => null);
    update(next.id, (r) => ({
      ...r,
      status: 'running',
      backend: d.backend,
      cost: cost && { params: cost.params, macs: cost.macs, activationElements: cost.activationElements, vanilla: cost.vanilla },
    }), true);
    // Events travel on the callback proxy's own MessagePort, so start() may resolve before the
    // final 'done'/'error' event has arrived: wait for it (briefly) before settling the status.
    let settle: () => void = () => {};
    const finalEvent = new Promise<void>((resolve) => (settle = resolve));
    const onEvent = (e: TrainEvent) => {
      update(e.runId, (r) => applyTrainEvent(r, e), e.type !== 'step');
      if (e.type === 'step') stepListeners.current.forEach((fn) => fn(e.step));
      if (e.type === 'done' || e.type === 'error') settle();
    };
    try {
      await d.api.start(next.id, next.config, Comlink.proxy(onEvent));
      await Promise.race([finalEvent, new Promise((resolve) => setTimeout(resolve, FINAL_EVENT_GRACE_MS))]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      update(next.id, (r) => (isFinished(r) ? r : { ...r, status: 'error', message }), true);
    }
    update(next.id, (r) => (isFinished(r) ? r : { ...r, status: 'stopped' }), true);
    await persist(next.id);
    activeRef.current = null;
    setActiveId(null);
    void pump();
  }, [persist, update]);

  useEffect(() => {
    void pump();
  }, [deps.api, deps.dataReady, pump]);

  const enqueue = useCallback(
    (configs: TrainConfig[], sweepId: string | null = null) => {
      const now = Date.now();
      const items = configs.map((config) => ({ id: newRunId(), config, sweepId }));
      const hidden = new Set(runsRef.current.filter((r) => !r.visible).map((r) => r.id));
      runsRef.current = [
        ...runsRef.current,
        ...items.map((q, i) => ({ ...createRun(q.id, q.config, now + i, depsRef.current.trainCount, sweepId, nextNumberRef.current++), visible: !hidden.has(q.id) })),
      ];
      queueRef.current.push(...items);
      setQueued(queueRef.current.length);
      setRuns([...runsRef.current]);
      void pump();
    },
    [pump],
  );

  const stop = useCallback(async () => {
    const dropped = queueRef.current.map((q) => q.id);
    queueRef.current = [];
    setQueued(0);
    runsRef.current = runsRef.current.filter((r) => !dropped.includes(r.id));
    setRuns([...runsRef.current]);
    if (activeRef.current) await depsRef.current.api?.stop();
  }, []);

  const remove = useCallback(
    (ids: string[]) => {
      const drop = ids.filter((id) => id !== activeRef.current);
      queueRef.current = queueRef.current.filter((q) => !drop.includes(q.id));
      setQueued(queueRef.current.length);
      runsRef.current = runsRef.current.filter((r) => !drop.includes(r.id));
      setRuns([...runsRef.current]);
      void store().then((s) => s?.delete(drop));
    },
    [store],
  );

  const setVisible = useCallback(
    (ids: string[], visible: boolean) => {
      for (const id of ids) update(id, (r) => ({ ...r, visible }), true);
      ids.forEach((id) => void persist(id));
    },
    [persist, update],
  );

  const subscribeSteps = useCallback((fn: (step: number) => void) => {
    stepListeners.current.add(fn);
    return () => void stepListeners.current.delete(fn);
  }, []);

  return {
    runs,
    activeId,
    queued,
    enqueue,
    pause: async () => void (await depsRef.current.api?.pause()),
    resume: async () => void (await depsRef.current.api?.resume()),
    stop,
    remove,
    setVisible,
    subscribeSteps,
    storeError,
  };
}
