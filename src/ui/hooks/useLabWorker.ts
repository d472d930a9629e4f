/**
 * Creates the training worker once, wraps it with comlink (src/train/protocol.ts) and picks a
 * backend. The page never touches tensors: everything goes through {@link LabWorkerApi}.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { BackendChoice, BackendName, LabWorkerApi } from '../../train/protocol';
import type { BackendPreference } from '../state/labSchema';

/** What the page knows about the worker. */
export interface LabWorkerHandle {
  api: Comlink.Remote<LabWorkerApi> | null;
  backend: BackendChoice | null;
  /** Message when the worker or backend could not start. */
  error: string | null;
  /** True while init() runs. */
  initialising: boolean;
  /** Re-pick the backend (override); 'auto' lets the worker rank them. */
  selectBackend(pref: BackendPreference): Promise<void>;
}

/** Start the worker and initialise the preferred backend ('auto' = the worker's ranking). */
export function useLabWorker(preference: BackendPreference): LabWorkerHandle {
  const apiRef = useRef<Comlink.Remote<LabWorkerApi> | null>(null);
  const [api, setApi] = useState<Comlink.Remote<LabWorkerApi> | null>(null);
  const [backend, setBackend] = useState<BackendChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [initialising, setInitialising] = useState(true);

  const init = useCallback(async (remote: Comlink.Remote<LabWorkerApi>, pref: BackendPreference) => {
    setInitialising(true);
    try {
      const choice = await remote.init(pref === 'auto' ? undefined : (pref as BackendName));
      setBackend(choice);
      setError(null);
    } catch (e) {
      setError(`Backend ${pref} could not start: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setInitialising(false);
    }
  }, []);

  useEffect(() => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../../train/worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      setError(`The training worker could not start: ${e instanceof Error ? e.message : String(e)}`);
      setInitialising(false);
      return;
    }
    worker.addEventListener('error', (ev) => setError(`Training worker error: ${ev.message || 'failed to load'}`));
    const remote = Comlink.wrap<LabWorkerApi>(worker);
    apiRef.current = remote;
    setApi(() => remote);
    void init(remote, preference);
    return () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
      apiRef.current = null;
    };
    // The worker lives for the page; the preference only matters at start (overrides use selectBackend).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const selectBackend = useCallback(
    async (pref: BackendPreference) => {
      if (apiRef.current) await init(apiRef.current, pref);
    },
    [init],
  );

  return { api, backend, error, initialising, selectBackend };
}
