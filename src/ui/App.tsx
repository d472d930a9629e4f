import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASS_NAMES } from '../data/face';
import { useLabWorker } from './hooks/useLabWorker';
import { useDataLoader } from './hooks/useDataLoader';
import { useRunManager } from './hooks/useRunManager';
import { getCost, setCostCounter } from './hooks/costService';
import { parseLabUrl, toTrainConfig } from './state/labUrl';
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
import { UseKeptRun } from './components/UseKeptRun';
import { finishedRunSummary } from './lib/runSummary';
import { Panel } from './components/Panel';
import { formatAlpha } from './lib/formatAlpha';
import { networkAlpha } from './lib/modelLabel';
import { useWorkerPool } from './hooks/useWorkerPool';
import { useRunWeights } from './hooks/useRunWeights';
import { RunProgress } from './components/RunProgress';
import { DATA_BASE_PATH } from './hooks/useDataLoader';
import { invalidFieldsReason } from './lib/fieldCheck';
import { useRunBudget } from './hooks/useRunBudget';
import { useFinishedRunModel } from './hooks/useFinishedRunModel';
import { LectureLinkPanel } from './components/LectureLinkPanel';
import { describeRun } from './lib/effectiveSettings';
import { isClassName } from './i18n/classNames';
import { usePageFrame } from './hooks/usePageFrame';
import { useFieldErrors } from './hooks/useFieldErrors';
import { HeaderTools } from './components/HeaderTools';

/**
 * The lab page: data, controls, live curves, runs, sweep, cost, octave views and models. The
 * whole configuration lives in one LabState mirrored in the URL (src/ui/state/labSchema.ts).
 */
export function App() {
  const { t } = useTranslation();
  const initial = useMemo(() => parseLabUrl(window.location.search), []);
  const [lab, setLab] = useState<LabState>(initial.state);
  const [notices, setNotices] = useState<string[]>(initial.notices);
  const hidden = initial.hidden;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fieldErrors, onFieldError] = useFieldErrors();
  const patch = useCallback((p: Partial<LabState>) => setLab((s) => ({ ...s, ...p })), []);
  const { theme, lang } = usePageFrame(lab, hidden);

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
  const runWeights = useRunWeights(api);
  const runs = useRunManager({
    onRunFinished: runWeights.onRunFinished,
    api,
    backend: worker.backend?.name ?? null,
    dataReady: data.status === 'ready',
    trainCount: data.summary?.trainCount ?? 50_000,
    getCost: (c) => getCost(c),
    extraApis: pool.extra,
  });
  const sweepBase = useMemo(() => toTrainConfig(lab), [lab]);
  const trainCount = data.summary?.trainCount ?? 50_000;
  const active = runs.runs.find((r) => r.id === runs.activeId) ?? null;
  const budget = useRunBudget(lab, runs.runs, worker.backend?.name ?? null, data.summary?.trainCount ?? 50_000);
  const blocked = !api
    ? t('blocked.worker')
    : data.status === 'loading'
      ? t('blocked.loading')
      : data.status !== 'ready'
        ? t('blocked.loadFirst')
        : worker.initialising
          ? t('blocked.backend')
          : (invalidFieldsReason(fieldErrors) ?? (budget?.level === 'refuse' ? budget.message : null));
  const runNumber = (id: string | null) => runs.runs.find((r) => r.id === id)?.number ?? 0;
  const activeLabel = active
    ? t('page.runLabel', { number: runNumber(active.id), alpha: formatAlpha(active.config.alpha) })
    : null;
  const { modelStamp, setModelStamp, lastFinishedId } = useFinishedRunModel(runs.activeId, runs.runs);
  const lastFinished = runs.runs.find((r) => r.id === lastFinishedId);
  const lastSummary = lastFinished ? finishedRunSummary(lastFinished, runNumber(lastFinished.id)) : null;
  const selected = runs.runs.find((r) => r.id === selectedId) ?? [...runs.runs].reverse().find((r) => r.test) ?? null;
  // CIFAR-10's class names in the page language (names the catalogue does not know stay as the data gives them).
  const dataClassNames = data.summary?.classNames;
  const classNames = useMemo(
    () => (dataClassNames ?? CLASS_NAMES).map((n) => (isClassName(n) ? t(`class.${n}`) : n)),
    [dataClassNames, t],
  );
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
  const sweepPanel = sweepHidden ? null : (
    <Panel id="sweep-h" title={t('page.sweepTitle')}>
      <SweepPanel
        alphas={lab.sweep}
        onAlphasChange={(sweep) => patch({ sweep })}
        blockedReason={blocked}
        repeats={lab.repeats}
        onRepeatsChange={(repeats) => patch({ repeats })}
        base={sweepBase}
        runs={runs.runs}
        slots={pool.planned}
        trainCount={trainCount}
        onRun={(alphas) => {
          void pool.ensure();
          runs.enqueue(planSweep(sweepBase, alphas, lab.repeats), `sweep-${Date.now().toString(36)}`);
        }}
      />
      {pool.error ? <p className="notice">{pool.error}</p> : null}
    </Panel>
  );

  return (
    <div className={`lab${lab.presenter ? ' presenter' : ''}`}>
      <header>
        <h1>{t('page.brand')}</h1>
        <span className="subtitle">{t('page.subtitle')}</span>
        <HeaderTools lab={lab} hidden={hidden} theme={theme} lang={lang} patch={patch} />
      </header>
      <NoticeBar notices={notices} onDismiss={() => setNotices([])} />
      {runs.storeError ? <p className="notice">{t('page.storeError', { error: runs.storeError })}</p> : null}
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
              trainCount={trainCount}
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
            {sweepPanel}
            <LectureLinkPanel state={lab} hidden={hidden} />
          </div>
        ) : null}
        <div className="stack">
          {lab.presenter ? (
            <section className="panel presenter-run" aria-label={t('page.presenterRegion')}>
              <p className="muted" data-testid="presenter-banner">
                {t('page.presenterBanner', { alpha: formatAlpha(lab.alpha), depth: lab.depth })}{' '}
                {hidden.has('presenter') ? t('page.presenterLocked') : t('page.presenterHint')}
              </p>
              <p data-testid="presenter-steps">{t('effective.stepLimit', { line: describeRun(sweepBase, trainCount) })}</p>
              {runButtons}
              {progress}
            </section>
          ) : null}
          {lab.presenter ? sweepPanel : null}
          <LiveCharts runs={runs.runs} x={lab.x} onXChange={(x) => patch({ x })} />
          <CostPanel config={lab} />
          <RunsTable
            runs={runs.runs}
            selectedId={selected?.id ?? null}
            activeId={runs.activeId}
            onSelect={setSelectedId}
            onToggleVisible={(id, v) => runs.setVisible([id], v)}
            onDelete={(ids) => (runs.remove(ids), runWeights.forget(ids))}
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
            runs={runs.runs}
            weights={runWeights}
            dataReady={data.status === 'ready'}
          />
          <FrequencyPanel
            api={api}
            enabled={hasModel}
            blockedReason={active ? t('page.waitForRun') : null}
            modelLabel={modelStamp?.label ?? ''}
            alpha={modelStamp?.loaded ? (modelStamp.alpha ?? null) : modelStamp ? (lastFinished?.config.alpha ?? null) : null}
            image={lab.image}
            testCount={data.summary?.testCount ?? 10_000}
            tools={(jobRunning) => (
              <UseKeptRun
                api={api}
                runs={runs.runs}
                weights={runWeights}
                busy={active !== null || jobRunning}
                modelLabel={modelStamp?.label ?? ''}
                setModelStamp={setModelStamp}
              />
            )}
          />
          <Panel
            id="model-h"
            title={((title) =>
              selected
                ? t('page.modelTitleRun', { title, number: runNumber(selected.id), alpha: formatAlpha(selected.config.alpha) })
                : title)(lab.presenter ? t('page.modelTitlePresenter') : t('page.modelTitle'))}
          >
            {!lab.presenter ? (
              <ModelPanel
                api={api}
                hasModel={hasModel}
                busy={active !== null}
                onLoaded={(label, layers) =>
                  setModelStamp((m) => ({
                    version: (m?.version ?? 0) + 1,
                    label: t('page.loadedModel', { what: label }),
                    loaded: true,
                    alpha: networkAlpha(layers),
                  }))
                }
              />
            ) : null}
            {selected?.test ? (
              <ConfusionMatrix test={selected.test} classNames={classNames} />
            ) : (
              <p className="muted">{t('page.selectRun')}</p>
            )}
          </Panel>
        </div>
      </div>
    </div>
  );
}
