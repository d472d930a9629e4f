import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { InspectResult, LabWorkerApi } from '../../train/protocol';
import { OctaveViews } from './OctaveViews';
import { FrequencyExplainer } from './FrequencyExplainer';

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
  /** Presenter mode: the image picker and Refresh button are hidden. */
  presenter: boolean;
}

/** Identity of the model in the worker, for {@link InspectSectionProps.model}. */
export interface ModelStamp {
  version: number;
  label: string;
  /** The model was loaded (by name or from files), not trained by a run of this page. */
  loaded?: boolean;
}

/**
 * "Inspect the octaves": for one test image, the high- and low-frequency maps of a chosen
 * OctConv layer and their spectra (from the worker's inspect with spectra), refreshed on request,
 * every N steps while training, and when the model changes (end of a run: the final model; a
 * loaded model). Requests never overlap: one asked for during another runs right after it.
 */
export function InspectSection(props: InspectSectionProps) {
  const { api, enabled, image, onImageChange, every, subscribeSteps, classNames, testCount, activeRun, model } = props;
  const { t } = useTranslation();
  const imgId = useId();
  const [result, setResult] = useState<{ r: InspectResult; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      try {
        while (next !== null) {
          const shown: string = next;
          pending.current = null;
          const r = await api.inspect(imageRef.current, { spectra: true });
          setResult({ r, label: shown });
          setError(null);
          next = pending.current;
        }
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        busy.current = false;
      }
    },
    [api],
  );

  useEffect(
    () =>
      subscribeSteps((step) => {
        labelRef.current = `${activeRef.current ?? 'run'}, step ${step}`;
        if (step % every === 0) void refresh();
      }),
    [subscribeSteps, every, refresh],
  );
  useEffect(() => {
    if (!model) return;
    labelRef.current = model.label;
    void refresh(model.label);
  }, [model, refresh]);
  useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, image, refresh]);

  return (
    <section className="panel" aria-labelledby="inspect-h" data-testid="inspect">
      <h2 id="inspect-h">{t('inspect.title')}</h2>
      <div className="buttons presenter-hide" style={{ alignItems: 'center' }}>
        <label htmlFor={imgId}>{t('inspect.testImage')}</label>
        <input
          id={imgId}
          type="number"
          min={0}
          max={testCount - 1}
          step={1}
          value={image}
          style={{ width: 90 }}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 0 && v < testCount) onImageChange(v);
          }}
        />
        <button type="button" disabled={!api || !enabled} onClick={() => void refresh()} data-testid="inspect-refresh">
          {t('inspect.refresh')}
        </button>
        <span className="muted">{t('inspect.auto', { every })}</span>
      </div>
      {!enabled ? <p className="muted">{t('inspect.needModel')}</p> : null}
      {error ? <p className="error">{error}</p> : null}
      {result ? (
        <div>
          <p className="muted">
            {t('inspect.imageModel', { image })} <span data-testid="inspect-model">{result.label || t('inspect.current')}</span>.{' '}
            {t('inspect.stats', { layers: result.r.layers.length, ms: result.r.latencyMs.toFixed(0) })}{' '}
            <strong data-testid="inspect-pred">{classNames[result.r.predicted] ?? result.r.predicted}</strong>
          </p>
          <OctaveViews result={result.r} classNames={classNames} />
          <FrequencyExplainer />
        </div>
      ) : null}
    </section>
  );
}
