/**
 * Runs of the session: a queue (single runs and α sweeps, src/train/run-queue.ts) over one or
 * more training workers (slot 0 = the page's main worker, further slots = the parallel sweep
 * workers), the live runs' events folded in with applyTrainEvent, chart snapshots throttled to
 * CHART_REDRAW_INTERVAL_MS, and finished runs persisted in IndexedDB (RunStore) so a reload
 * loses nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { BackendName, LabWorkerApi, TrainConfig, TrainEvent } from '../../train/protocol';
import type { CostReport } from '../../octconv/types';
import { applyTrainEvent, createRun, isFinished, type RunRecord } from '../lib/runs';
import { RunStore } from '../lib/runStore';
import { createThrottle } from '../lib/throttle';
import { CHART_REDRAW_INTERVAL_MS } from '../lib/cadence';
import { RunQueue } from '../../train/face';
import { plannedStepsOf } from '../lib/runProgress';
import { mergeRestoredRuns } from '../lib/runRestore';
import { useRunPersistence } from './useRunPersistence';

/** How long to wait for a run's final event after start() resolves before calling it stopped (ms). */
const FINAL_EVENT_GRACE_MS = 5_000;

/** A run waiting in the queue. */
interface QueuedRun {
  id: string;
  config: TrainConfig;
  sweepId: string | null;
}

/** Most slots the queue has (main worker + parallel workers). */
const MAX_SLOTS = 8;

/** What the page can do with runs. */
export interface RunManager {
  /** All runs, oldest first; a snapshot refreshed at most 4×/s while training. */
  runs: RunRecord[];
  /** The run in progress on the main worker (or the first one running), if any. */
  activeId: string | null;
  /** Every run in progress (one per worker). */
  activeIds: string[];
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
  /** Ready parallel workers (slots 1…); sweeps spread over them. */
  extraApis?: LabWorkerApi[];
  /** Called once a run has ended on `api` (its final weights are there), after it is persisted. */
  onRunFinished?(api: LabWorkerApi, runId: string): Promise<void>;
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
  const [activeIds, setActiveIds] = useState<string[]>([]);
  const [queued, setQueued] = useState(0);
  const [storeError, setStoreError] = useState<string | null>(null);
  const queueRef = useRef(new RunQueue<QueuedRun>(MAX_SLOTS));
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

  useRunPersistence(runsRef, activeIds[0] ?? null, queued, store, setStoreError);

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
      const merged = mergeRestoredRuns(await s.list(), runsRef.current, nextNumberRef.current);
      merged.rewrite.forEach((r) => void s.put(r).catch(() => {}));
      runsRef.current = merged.runs;
      nextNumberRef.current = merged.nextNumber;
      setRuns([...runsRef.current]);
    });
  }, [store]);

  /** The worker of a slot: 0 = main worker, 1… = parallel workers. */
  const apiOf = (slot: number): LabWorkerApi | null =>
    slot === 0 ? depsRef.current.api : ((depsRef.current.extraApis ?? [])[slot - 1] ?? null);
  const syncActive = () => {
    setQueued(queueRef.current.queued.length);
    setActiveIds(queueRef.current.running.map((r) => r.id));
  };

  /** Trains one run on one slot's worker and settles its status. */
  const runOn = useCallback(
    async (api: LabWorkerApi, next: QueuedRun) => {
      const d = depsRef.current;
      const cost = await d.getCost(next.config).catch(() => null);
      update(
        next.id,
        (r) => ({
          ...r,
          status: 'running',
          backend: d.backend,
          cost: cost && {
            params: cost.params,
            macs: cost.macs,
            activationElements: cost.activationElements,
            vanilla: cost.vanilla,
          },
        }),
        true,
      );
      // Events travel on the callback proxy's own MessagePort, so start() may resolve before the
      // final 'done'/'error' event has arrived: wait for it (briefly) before settling the status.
      let settle: () => void = () => {};
      const finalEvent = new Promise<void>((resolve) => (settle = resolve));
      const onEvent = (e: TrainEvent) => {
        update(e.runId, (r) => applyTrainEvent(r, e), e.type !== 'step');
        if (e.type === 'step') {
          queueRef.current.progress(e.runId, e.step, e.elapsedMs);
          // The octave views show the main worker's model.
          if (api === depsRef.current.api) stepListeners.current.forEach((fn) => fn(e.step));
        }
        if (e.type === 'done' || e.type === 'error') settle();
      };
      try {
        await api.start(next.id, next.config, Comlink.proxy(onEvent));
        await Promise.race([finalEvent, new Promise((resolve) => setTimeout(resolve, FINAL_EVENT_GRACE_MS))]);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        update(next.id, (r) => (isFinished(r) ? r : { ...r, status: 'error', message }), true);
      }
      update(next.id, (r) => (isFinished(r) ? r : { ...r, status: 'stopped' }), true);
      await persist(next.id);
      await depsRef.current.onRunFinished?.(api, next.id).catch(() => {});
    },
    [persist, update],
  );

  const pump = useCallback(() => {
    const d = depsRef.current;
    if (!d.api || !d.dataReady) return;
    // Parallel workers take sweep runs only; single runs go to the main worker (its model is the one the views inspect).
    const slots = [0, ...(d.extraApis ?? []).map((_, i) => i + 1)].filter((s) => s < MAX_SLOTS);
    const started = [];
    for (const slot of slots) {
      const head = queueRef.current.queued[0];
      if (!head || (slot > 0 && head.payload.sweepId === null)) continue;
      started.push(...queueRef.current.assign([slot]));
    }
    syncActive();
    for (const run of started) {
      const api = apiOf(run.slot);
      if (!api) continue;
      void runOn(api, run.payload).then(() => {
        queueRef.current.finish(run.id);
        syncActive();
        pump();
      });
    }
  }, [runOn]);

  useEffect(() => {
    pump();
  }, [deps.api, deps.dataReady, deps.extraApis, pump]);

  const enqueue = useCallback(
    (configs: TrainConfig[], sweepId: string | null = null) => {
      const now = Date.now();
      const items = configs.map((config) => ({ id: newRunId(), config, sweepId }));
      const hidden = new Set(runsRef.current.filter((r) => !r.visible).map((r) => r.id));
      runsRef.current = [
        ...runsRef.current,
        ...items.map((q, i) => ({
          ...createRun(q.id, q.config, now + i, depsRef.current.trainCount, sweepId, nextNumberRef.current++),
          visible: !hidden.has(q.id),
        })),
      ];
      queueRef.current.enqueue(
        items.map((q) => ({ id: q.id, payload: q, totalSteps: plannedStepsOf(runsRef.current.find((r) => r.id === q.id)!) })),
      );
      setQueued(queueRef.current.queued.length);
      setRuns([...runsRef.current]);
      pump();
    },
    [pump],
  );

  const stop = useCallback(async () => {
    const dropped = queueRef.current.drop();
    setQueued(0);
    runsRef.current = runsRef.current.filter((r) => !dropped.includes(r.id));
    setRuns([...runsRef.current]);
    await Promise.all(queueRef.current.running.map((r) => apiOf(r.slot)?.stop()));
  }, []);

  const remove = useCallback(
    (ids: string[]) => {
      const active = new Set(queueRef.current.running.map((r) => r.id));
      const drop = ids.filter((id) => !active.has(id));
      queueRef.current.drop(drop);
      setQueued(queueRef.current.queued.length);
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

  const eachRunning = (fn: (api: LabWorkerApi) => Promise<void>) =>
    Promise.all(
      queueRef.current.running
        .map((r) => apiOf(r.slot))
        .filter((a): a is LabWorkerApi => a !== null)
        .map(fn),
    ).then(() => {});
  return {
    runs,
    activeId: activeIds[0] ?? null,
    activeIds,
    queued,
    enqueue,
    pause: () => eachRunning((a) => a.pause()),
    resume: () => eachRunning((a) => a.resume()),
    stop,
    remove,
    setVisible,
    subscribeSteps,
    storeError,
  };
}
