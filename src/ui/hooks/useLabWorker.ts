/**
 * Creates the training worker once, wraps it with comlink (src/train/protocol.ts) and picks a
 * backend. The page never touches tensors: everything goes through {@link LabWorkerApi}.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { BackendChoice, BackendName, LabWorkerApi } from '../../train/protocol';
import type { BackendPreference } from '../state/labSchema';
import { t } from '../i18n';

/**
 * A plain object that forwards every LabWorkerApi method to the comlink remote. React (19.2 dev
 * builds log prop diffs) and other code may inspect values they hold; a comlink Proxy answers
 * every property read with another remote call, so the raw proxy never leaves this hook.
 */
export function forwardApi(remote: Comlink.Remote<LabWorkerApi>): LabWorkerApi {
  return {
    init: (preferred) => remote.init(preferred),
    loadData: (source, onProgress) => remote.loadData(source, onProgress),
    clearDataCache: () => remote.clearDataCache(),
    probeData: (baseUrl) => remote.probeData(baseUrl),
    cost: (config) => remote.cost(config),
    start: (runId, config, onEvent) => remote.start(runId, config, onEvent),
    pause: () => remote.pause(),
    resume: () => remote.resume(),
    stop: () => remote.stop(),
    inspect: (imageIndex, options) => remote.inspect(imageIndex, options),
    saveModel: (name) => remote.saveModel(name),
    loadModel: (source) => remote.loadModel(source),
    frequency: (options, onProgress) => remote.frequency(options, onProgress),
    cancelFrequency: () => remote.cancelFrequency(),
    runWeights: (runId) => remote.runWeights(runId),
    keepRunWeights: (runId, files) => remote.keepRunWeights(runId, files),
    forgetRunWeights: (runIds) => remote.forgetRunWeights(runIds),
  };
}

/** What the page knows about the worker. */
export interface LabWorkerHandle {
  /** The worker's API (callbacks must be wrapped with Comlink.proxy). */
  api: LabWorkerApi | null;
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
  const apiRef = useRef<LabWorkerApi | null>(null);
  const [api, setApi] = useState<LabWorkerApi | null>(null);
  const [backend, setBackend] = useState<BackendChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [initialising, setInitialising] = useState(true);

  const init = useCallback(async (remote: LabWorkerApi, pref: BackendPreference) => {
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
      setError(t('worker.startFailed', { error: e instanceof Error ? e.message : String(e) }));
      setInitialising(false);
      return;
    }
    worker.addEventListener('error', (ev) => setError(t('worker.error', { error: ev.message || t('worker.failedToLoad') })));
    const remote = Comlink.wrap<LabWorkerApi>(worker);
    const forwarded = forwardApi(remote);
    apiRef.current = forwarded;
    setApi(forwarded);
    void init(forwarded, preference);
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
