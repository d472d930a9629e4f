/**
 * Snapshots of the run in progress in the runs store, and a leave-page prompt while training
 * (issue 14 item 2); the pure rules are in ../lib/runPersistence.ts.
 */
import { useEffect, type RefObject } from 'react';
import type { RunRecord } from '../lib/runs';
import type { RunStore } from '../lib/runStore';
import { leaveWarning, runsDueForSnapshot, RUNNING_SNAPSHOT_INTERVAL_MS } from '../lib/runPersistence';

/**
 * While `activeId` is set: writes the runs in progress (read from `runsRef`) every
 * RUNNING_SNAPSHOT_INTERVAL_MS and on `pagehide`, and asks before the page is left
 * (`beforeunload`). Write failures go to `onError` (never fatal).
 */
export function useRunPersistence(
  runsRef: RefObject<RunRecord[]>,
  activeId: string | null,
  queued: number,
  store: () => Promise<RunStore | null>,
  onError: (message: string) => void,
): void {
  useEffect(() => {
    if (activeId === null) return;
    const written = new Map<string, number>();
    const write = async () => {
      const s = await store();
      if (!s) return;
      // Read after the await: a run that finished meanwhile is not written back as running.
      for (const run of runsDueForSnapshot(runsRef.current, written)) {
        written.set(run.id, run.step);
        void s.put(run).catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
      }
    };
    void write();
    const timer = setInterval(() => void write(), RUNNING_SNAPSHOT_INTERVAL_MS);
    const onHide = () => void write();
    addEventListener('pagehide', onHide);
    return () => {
      clearInterval(timer);
      removeEventListener('pagehide', onHide);
    };
  }, [activeId, runsRef, store, onError]);

  useEffect(() => {
    const text = leaveWarning(activeId, queued);
    if (text === null) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = text;
      return text;
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [activeId, queued]);
}
