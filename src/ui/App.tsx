import { useCallback, useEffect, useMemo, useState } from 'react';
import { CLASS_NAMES } from '../data/face';
import { useLabWorker } from './hooks/useLabWorker';
import { useDataLoader } from './hooks/useDataLoader';
import { useRunManager } from './hooks/useRunManager';
import { getCost, setCostCounter } from './hooks/costService';
import { parseLabUrl, serialiseLabUrl, toTrainConfig } from './state/labUrl';
import type { LabState } from './state/labSchema';
import { planSweep } from './lib/sweepQueue';
import { NoticeBar } from './components/NoticeBar';
import { DataPanel } from './components/DataPanel';
import { ControlsPanel } from './components/ControlsPanel';
import { RunButtons } from './components/RunButtons';
import { BackendIndicator } from './components/BackendIndicator';
import { LiveCharts } from './components/LiveCharts';
import { RunsTable } from './components/RunsTable';
import { SweepPanel } from './components/SweepPanel';
import { AccuracyVsMacsChart } from './components/AccuracyVsMacsChart';
import { CostPanel } from './components/CostPanel';
import { ModelPanel } from './components/ModelPanel';
import { ConfusionMatrix } from './components/ConfusionMatrix';
import { InspectSection } from './components/InspectSection';
import { FrequencyPanel } from './components/FrequencyPanel';
import { finishedRunSummary } from './lib/runSummary';
import { Panel } from './components/Panel';
import { formatAlpha } from './lib/formatAlpha';
import { useWorkerPool } from './hooks/useWorkerPool';
import { RunProgress } from './components/RunProgress';
import { DATA_BASE_PATH } from './hooks/useDataLoader';
import { invalidFieldsReason } from './lib/fieldCheck';
import { useRunBudget } from './hooks/useRunBudget';
import { useFinishedRunModel } from './hooks/useFinishedRunModel';

/** Resolve the theme choice ('auto' follows the system setting). */
function resolveTheme(t: LabState['theme']): 'light' | 'dark' {
  if (t !== 'auto') return t;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * The lab page: data, controls, live curves, runs, sweep, cost, octave views and models. The
 * whole configuration lives in one LabState mirrored in the URL (src/ui/state/labSchema.ts).
 */
export function App() {
  const initial = useMemo(() => parseLabUrl(window.location.search), []);
  const [lab, setLab] = useState<LabState>(initial.state);
  const [notices, setNotices] = useState<string[]>(initial.notices);
  const hidden = initial.hidden;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** The model in the worker changed outside a run's steps (run ended, model loaded). */

  /** Number controls holding an invalid typed value (label → error): they block Train. */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const onFieldError = useCallback(
    (label: string, error: string | null) =>
      setFieldErrors((m) => {
        if ((m[label] ?? null) === error) return m;
        const { [label]: _old, ...rest } = m;
        return error === null ? rest : { ...rest, [label]: error };
      }),
    [],
  );
  const patch = useCallback((p: Partial<LabState>) => setLab((s) => ({ ...s, ...p })), []);
  useEffect(() => {
    const q = serialiseLabUrl(lab, hidden);
    const url = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [lab, hidden]);
  const theme = resolveTheme(lab.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const worker = useLabWorker(lab.backend);
  const data = useDataLoader(worker.api);
  const { api } = worker;
  // Costs are counted in the worker (the page never loads tfjs), once its backend is up.
  const backendReady = worker.backend !== null;
  useEffect(() => {
    if (api && backendReady) setCostCounter((k) => api.cost(k));
  }, [api, backendReady]);
  // Load CIFAR-10 as soon as the worker is up (from the IndexedDB cache after the first visit);
  // on a phone or a metered connection a large download waits for the user's click.
  useEffect(() => {
    if (api && data.status === 'idle') void data.autoLoad();
  }, [api, data]);

  // Parallel sweep workers load CIFAR-10 from the URL (the IndexedDB cache after the first load).
  const pool = useWorkerPool(
    worker.backend?.name ?? null,
    data.summary && data.summary.origin !== 'files' ? new URL(DATA_BASE_PATH, window.location.href).href : null,
  );
  const runs = useRunManager({
    api,
    backend: worker.backend?.name ?? null,
    dataReady: data.status === 'ready',
    trainCount: data.summary?.trainCount ?? 50_000,
    getCost: (c) => getCost(c),
    extraApis: pool.extra,
  });
  const sweepBase = useMemo(() => toTrainConfig(lab), [lab]);
  const active = runs.runs.find((r) => r.id === runs.activeId) ?? null;
  const budget = useRunBudget(lab, runs.runs, worker.backend?.name ?? null, data.summary?.trainCount ?? 50_000);
  const blocked = !api
    ? 'Starting the worker…'
    : data.status === 'loading'
      ? 'Loading CIFAR-10…'
      : data.status !== 'ready'
        ? 'Load CIFAR-10 first.'
        : worker.initialising
          ? 'Choosing a backend…'
          : (invalidFieldsReason(fieldErrors) ?? (budget?.level === 'refuse' ? budget.message : null));
  const runNumber = (id: string | null) => runs.runs.find((r) => r.id === id)?.number ?? 0;
  const activeLabel = active ? `run #${runNumber(active.id)} (α=${formatAlpha(active.config.alpha)})` : null;
  const { modelStamp, setModelStamp, lastFinishedId } = useFinishedRunModel(runs.activeId, runs.runs);
  const lastFinished = runs.runs.find((r) => r.id === lastFinishedId);
  const lastSummary = lastFinished ? finishedRunSummary(lastFinished, runNumber(lastFinished.id)) : null;
  const selected = runs.runs.find((r) => r.id === selectedId) ?? [...runs.runs].reverse().find((r) => r.test) ?? null;
  const classNames = data.summary?.classNames ?? CLASS_NAMES;
  // The worker holds a model only after a run of THIS page session (restored runs have none) or a load.
  const [sessionTrained, setSessionTrained] = useState(false);
  useEffect(() => {
    if (runs.activeId) setSessionTrained(true);
  }, [runs.activeId]);
  const hasModel = sessionTrained || modelStamp !== null;

  const runButtons = (
    <>
      {budget?.level === 'warn' ? (
        <p className="notice" data-testid="run-budget">
          {budget.message}
        </p>
      ) : null}
      <RunButtons
        status={active?.status ?? null}
        blockedReason={blocked}
        queued={runs.queued}
        lastRunSummary={lastSummary}
        onTrain={() => runs.enqueue([toTrainConfig(lab)])}
        onPause={() => void runs.pause()}
        onResume={() => void runs.resume()}
        onStop={() => void runs.stop()}
      />
    </>
  );
  const progress = <RunProgress runs={runs.runs} slots={pool.slots} />;
  // Without the α slider (alpha_hide=1) a sweep would let students train any α: hide it too.
  const sweepHidden = hidden.has('sweep') || hidden.has('alpha');

  return (
    <div className={`lab${lab.presenter ? ' presenter' : ''}`}>
      <header>
        <h1>OctConv Lab</h1>
        <span className="subtitle">Drop an Octave (Chen et al., ICCV 2019) on real CIFAR-10, trained in your browser</span>
        <div className="header-tools">
          {!hidden.has('theme') ? (
            <button
              type="button"
              aria-label={`switch to ${theme === 'dark' ? 'light' : 'dark'} mode`}
              onClick={() => patch({ theme: theme === 'dark' ? 'light' : 'dark' })}
            >
              {theme === 'dark' ? '☀ Light' : '☾ Dark'}
            </button>
          ) : null}
          {!hidden.has('presenter') ? (
            <button type="button" aria-pressed={lab.presenter} onClick={() => patch({ presenter: !lab.presenter })}>
              Presenter mode
            </button>
          ) : null}
        </div>
      </header>
      <NoticeBar notices={notices} onDismiss={() => setNotices([])} />
      {runs.storeError ? <p className="notice">Runs are not kept across reloads here: {runs.storeError}</p> : null}
      <div className="grid">
        {!lab.presenter ? (
          <div className="stack">
            <DataPanel data={data} workerReady={api !== null} />
            <ControlsPanel
              state={lab}
              hidden={hidden}
              onChange={patch}
              runButtons={
                <>
                  {runButtons}
                  {progress}
                </>
              }
              onFieldError={onFieldError}
              backend={
                <BackendIndicator
                  choice={worker.backend}
                  error={worker.error}
                  initialising={worker.initialising}
                  preference={lab.backend}
                  disabled={active !== null}
                  onOverride={(backend) => {
                    patch({ backend });
                    void worker.selectBackend(backend);
                  }}
                />
              }
            />
            {!sweepHidden ? (
              <Panel id="sweep-h" title="α sweep">
                <SweepPanel
                  alphas={lab.sweep}
                  onAlphasChange={(sweep) => patch({ sweep })}
                  blockedReason={blocked}
                  repeats={lab.repeats}
                  onRepeatsChange={(repeats) => patch({ repeats })}
                  base={sweepBase}
                  runs={runs.runs}
                  slots={pool.planned}
                  trainCount={data.summary?.trainCount ?? 50_000}
                  onRun={(alphas) => {
                    void pool.ensure();
                    runs.enqueue(planSweep(sweepBase, alphas, lab.repeats), `sweep-${Date.now().toString(36)}`);
                  }}
                />
                {pool.error ? <p className="notice">{pool.error}</p> : null}
              </Panel>
            ) : null}
          </div>
        ) : null}
        <div className="stack">
          {lab.presenter ? (
            <section className="panel presenter-run" aria-label="Run controls (presenter mode)">
              <p className="muted" data-testid="presenter-banner">
                Presenter mode: α = {formatAlpha(lab.alpha)}, Oct-ResNet-{lab.depth}.{' '}
                {hidden.has('presenter')
                  ? 'Locked by presenter_hide=1 in the link.'
                  : 'Press “Presenter mode” above to show the controls; add presenter_hide=1 to the link to lock it.'}
              </p>
              {runButtons}
              {progress}
            </section>
          ) : null}
          <LiveCharts runs={runs.runs} x={lab.x} onXChange={(x) => patch({ x })} />
          <CostPanel config={lab} />
          <RunsTable
            runs={runs.runs}
            selectedId={selected?.id ?? null}
            activeId={runs.activeId}
            onSelect={setSelectedId}
            onToggleVisible={(id, v) => runs.setVisible([id], v)}
            onDelete={runs.remove}
          />
          <AccuracyVsMacsChart runs={runs.runs} />
          <InspectSection
            api={api}
            enabled={hasModel}
            image={lab.image}
            onImageChange={(image) => patch({ image })}
            every={lab.inspectEvery}
            subscribeSteps={runs.subscribeSteps}
            classNames={classNames}
            testCount={data.summary?.testCount ?? 10_000}
            activeRun={activeLabel}
            model={modelStamp}
            presenter={lab.presenter}
          />
          <FrequencyPanel
            api={api}
            enabled={hasModel}
            blockedReason={active ? 'Wait for the run to finish (or stop it): the experiments use the finished model.' : null}
            modelLabel={modelStamp?.label ?? ''}
            alpha={modelStamp && !modelStamp.label.startsWith('loaded') ? (lastFinished?.config.alpha ?? null) : null}
            image={lab.image}
            testCount={data.summary?.testCount ?? 10_000}
          />
          <Panel
            id="model-h"
            title={`${lab.presenter ? 'Per-class results' : 'Model and per-class results'}${selected ? ` (run #${runNumber(selected.id)}, α=${formatAlpha(selected.config.alpha)})` : ''}`}
          >
            {!lab.presenter ? (
              <ModelPanel
                api={api}
                hasModel={hasModel}
                busy={active !== null}
                onLoaded={(label) => setModelStamp((m) => ({ version: (m?.version ?? 0) + 1, label: `loaded ${label}` }))}
              />
            ) : null}
            {selected?.test ? (
              <ConfusionMatrix test={selected.test} classNames={classNames} />
            ) : (
              <p className="muted">Select a finished run to see its confusion matrix.</p>
            )}
          </Panel>
        </div>
      </div>
    </div>
  );
}
