import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NO_MODEL_MESSAGE, type InspectResult, type LabWorkerApi } from '../../train/protocol';
import { OctaveViews, type CompareResult } from './OctaveViews';
import { FrequencyExplainer } from './FrequencyExplainer';
import { WholeNumberInput } from './WholeNumberInput';
import { InspectRunPicker, inspectRunLabel } from './InspectRunPicker';
import type { RunWeights } from '../hooks/useRunWeights';
import type { RunRecord } from '../lib/runs';

/** Props of {@link InspectSection}. */
export interface InspectSectionProps {
  api: LabWorkerApi | null;
  /** True once a model exists in the worker. */
  enabled: boolean;
  /** Test image index (lab state `image`). */
  image: number;
  onImageChange(i: number): void;
  /** Refresh every this many training steps (lab state `inspectEvery`). */
  every: number;
  subscribeSteps(fn: (step: number) => void): () => void;
  classNames: readonly string[];
  testCount: number;
  /** The run in progress, e.g. "run #2 (α=0.5)": step refreshes are labelled "<activeRun>, step N". */
  activeRun: string | null;
  /**
   * The worker's model changed (a run ended, a model was loaded): a new `version` refreshes the
   * views at once, and `label` (e.g. "run #2 completed, step 50") names the model shown.
   */
  model: ModelStamp | null;
  /** Presenter mode (the image picker stays; Refresh and the cadence note are hidden: a new image refreshes). */
  presenter: boolean;
  /** The page's runs and their kept final weights: any kept finished run can be shown, and compared with another. */
  runs?: readonly RunRecord[];
  weights?: RunWeights | null;
  /** False while the worker has no CIFAR-10 yet (kept runs are inspected once it has; default true). */
  dataReady?: boolean;
}

/** Identity of the model in the worker, for {@link InspectSectionProps.model}. */
export interface ModelStamp {
  version: number;
  label: string;
  /** The model was loaded (by name or from files), not trained by a run of this page. */
  loaded?: boolean;
  /** α of a loaded model, from its octave layers (null when it has none). */
  alpha?: number | null;
}

/**
 * "Inspect the octaves": for one test image, the high- and low-frequency maps of a chosen
 * OctConv layer and their spectra (from the worker's inspect with spectra), refreshed on request,
 * every N steps while training, and when the model changes (end of a run: the final model; a
 * loaded model). Requests never overlap: one asked for during another runs right after it.
 */
export function InspectSection(props: InspectSectionProps) {
  const { api, image, onImageChange, every, subscribeSteps, classNames, testCount, activeRun, model, weights } = props;
  const runs = props.runs ?? [];
  const { t } = useTranslation();
  const [result, setResult] = useState<{ r: InspectResult; label: string; compare: CompareResult | null } | null>(null);
  const [picked, setPicked] = useState({ runId: '', compareId: '' });
  // Without a current model (e.g. after a reload), show the latest kept run.
  const latestKept = [...runs].reverse().find((r) => weights?.available.has(r.id))?.id ?? '';
  const runId = picked.runId || (props.enabled ? '' : latestKept);
  const enabled = props.enabled || (runId !== '' && props.dataReady !== false);
  const labelOf = (id: string) => {
    const r = runs.find((x) => x.id === id);
    return r ? inspectRunLabel(r) : id;
  };
  /** Runs to inspect (run id or '' = current) with their labels; read by refresh. */
  const weightsRef = useRef(weights);
  weightsRef.current = weights;
  const pickRef = useRef({ runId, compareId: picked.compareId, label: labelOf(runId), compareLabel: labelOf(picked.compareId) });
  pickRef.current = { runId, compareId: picked.compareId, label: labelOf(runId), compareLabel: labelOf(picked.compareId) };
  const [error, setError] = useState<string | null>(null);
  /** True once a refresh has shown a model: until then every step event asks for one. */
  const shown = useRef(false);
  const busy = useRef(false);
  const pending = useRef<string | null>(null);
  const imageRef = useRef(image);
  imageRef.current = image;
  /** Name of the model the worker holds now (updated by step events and model changes). */
  const labelRef = useRef(model?.label ?? '');
  const activeRef = useRef(activeRun);
  activeRef.current = activeRun;

  const refresh = useCallback(
    async (label: string = labelRef.current) => {
      if (!api) return;
      if (busy.current) {
        pending.current = label;
        return;
      }
      busy.current = true;
      let next: string | null = label;
      while (next !== null) {
        const pick = pickRef.current;
        const shownLabel: string = pick.runId ? pick.label : next;
        pending.current = null;
        try {
          const of = async (id: string) => {
            if (id) await weightsRef.current?.ensure(id);
            return api.inspect(imageRef.current, { spectra: true, ...(id ? { runId: id } : {}) });
          };
          const r = await of(pick.runId);
          const compare = pick.compareId ? { result: await of(pick.compareId), label: pick.compareLabel } : null;
          setResult({ r, label: shownLabel, compare });
          setError(null);
          shown.current = true;
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
        // A request made meanwhile (e.g. the first step's, after a refresh that found no model) runs now.
        next = pending.current;
      }
      busy.current = false;
    },
    [api],
  );

  useEffect(
    () =>
      subscribeSteps((step) => {
        labelRef.current = t('inspect.liveLabel', { run: activeRef.current ?? t('inspect.someRun'), step });
        // A picked finished run does not change while another trains; only the current model does.
        // The first readback of a run (step 1) already has weights: show them, then every N steps.
        if (pickRef.current.runId === '' && (step % every === 0 || !shown.current)) void refresh();
      }),
    [subscribeSteps, every, refresh, t],
  );
  // A new run builds a new model: show its first step at once too.
  useEffect(() => {
    if (activeRun) shown.current = false;
  }, [activeRun]);
  useEffect(() => {
    if (!model) return;
    labelRef.current = model.label;
    void refresh(model.label);
  }, [model, refresh]);
  useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, image, refresh, runId, picked.compareId]);

  return (
    <section className="panel" aria-labelledby="inspect-h" data-testid="inspect">
      <h2 id="inspect-h">{t('inspect.title')}</h2>
      <div className="buttons" style={{ alignItems: 'center' }}>
        <WholeNumberInput
          label={t('inspect.testImage')}
          value={image}
          min={0}
          max={testCount - 1}
          step={1}
          width={90}
          onChange={onImageChange}
        />
        <button
          type="button"
          className="presenter-hide"
          disabled={!api || !enabled}
          onClick={() => void refresh()}
          data-testid="inspect-refresh"
        >
          {t('inspect.refresh')}
        </button>
        <span className="muted presenter-hide">{t('inspect.auto', { every })}</span>
      </div>
      {weights ? (
        <InspectRunPicker
          runs={runs}
          weights={weights}
          hasCurrent={props.enabled}
          runId={runId}
          compareId={picked.compareId}
          onChange={setPicked}
        />
      ) : null}
      {!enabled ? <p className="muted">{t('inspect.needModel')}</p> : null}
      {error?.startsWith(NO_MODEL_MESSAGE) ? (
        <p className="muted" data-testid="inspect-waiting">
          {activeRun ? t('inspect.waitingFirstStep') : error}
        </p>
      ) : error ? (
        <p className="error">{error}</p>
      ) : null}
      {result ? (
        <div>
          <p className="muted">
            {t('inspect.imageModel', { image })} <span data-testid="inspect-model">{result.label || t('inspect.current')}</span>.{' '}
            {t('inspect.stats', { layers: result.r.layers.length, ms: result.r.latencyMs.toFixed(0) })}{' '}
            <strong data-testid="inspect-pred">{classNames[result.r.predicted] ?? result.r.predicted}</strong>
          </p>
          <OctaveViews result={result.r} classNames={classNames} label={result.label} compare={result.compare} />
          <FrequencyExplainer />
        </div>
      ) : null}
    </section>
  );
}
