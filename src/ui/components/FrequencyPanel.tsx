import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import * as Comlink from 'comlink';
import { CANCELLED_MESSAGE, type FrequencyExperiment, type FrequencyProgress } from '../../frequency/types';
import type { LabWorkerApi } from '../../train/protocol';
import { AblationBars } from '../frequency-views/AblationBars';
import { BandChart } from '../frequency-views/BandChart';
import { FilteredExample } from '../frequency-views/FilteredExample';
import { SensitivityHeatmap } from '../frequency-views/SensitivityHeatmap';
import type { ModelFrequencyResults } from '../frequency-views/types';
import { WholeNumberInput } from './WholeNumberInput';

/** Props of {@link FrequencyPanel}. */
export interface FrequencyPanelProps {
  api: LabWorkerApi | null;
  /** True once the worker holds a model. */
  enabled: boolean;
  /** Why jobs cannot start now (e.g. a run trains), or null. */
  blockedReason: string | null;
  /** Name of the worker's model, e.g. "run #2 (α=0.5) completed, step 50"; results are kept per name. */
  modelLabel: string;
  /** α of the worker's model, null when unknown. */
  alpha: number | null;
  /** Test image for the filtered example. */
  image: number;
  testCount: number;
  /** Controls shown under the help text (e.g. one that loads a kept run), told whether a job runs. */
  tools?: (jobRunning: boolean) => ReactNode;
}

/**
 * "What does each octave carry?": runs the frequency experiments on the worker's model as a
 * background job (progress, cancel), keeps each model's results and overlays them: band-limited
 * top-1 curves, an example image filtered at the hovered radius, ablation bars, sensitivity maps.
 */
export function FrequencyPanel({ api, enabled, blockedReason, modelLabel, alpha, image, testCount, tools }: FrequencyPanelProps) {
  const { t } = useTranslation();
  const [images, setImages] = useState(Math.min(1000, testCount));
  const [results, setResults] = useState<ModelFrequencyResults[]>([]);
  const [progress, setProgress] = useState<FrequencyProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [hovered, setHovered] = useState<number | null>(null);
  const [pixels, setPixels] = useState<Uint8Array | null>(null);

  useEffect(() => {
    if (!api || !enabled) return;
    let live = true;
    api.inspect(image, { layerNames: [] }).then(
      (r) => live && setPixels(r.image),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, enabled, image, modelLabel]);

  const run = useCallback(
    async (experiments: FrequencyExperiment[]) => {
      if (!api) return;
      setError(null);
      setCancelled(false);
      setProgress({ phase: experiments[0], done: 0, total: 1 });
      // Progress comes through its own message port: a report can arrive after the job's result,
      // and must not bring back the bar (and keep the buttons disabled) once the job has ended.
      let ended = false;
      try {
        const r = await api.frequency(
          { experiments, images, sensitivityImages: Math.min(200, images) },
          Comlink.proxy((p: FrequencyProgress) => !ended && setProgress(p)),
        );
        setResults((list) => {
          const old = list.find((x) => x.label === modelLabel);
          const merged: ModelFrequencyResults = {
            ...old,
            label: modelLabel,
            alpha,
            ...(r.band && { band: r.band }),
            ...(r.ablation && { ablation: r.ablation }),
            ...(r.sensitivity && { sensitivity: r.sensitivity }),
          };
          return [...list.filter((x) => x.label !== modelLabel), merged];
        });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        // A cancel the user asked for is no error.
        if (message.includes(CANCELLED_MESSAGE)) setCancelled(true);
        else setError(message);
      } finally {
        ended = true;
        setProgress(null);
      }
    },
    [api, images, modelLabel, alpha],
  );

  const radii = results.find((r) => r.band)?.band?.lowPass.map((p) => p.radius) ?? [];
  const shownRadius = hovered ?? radii[4] ?? 0.125;
  const cannot = !api || !enabled ? t('freq.needModel') : blockedReason;
  return (
    <section className="panel" aria-labelledby="freq-h" data-testid="frequency">
      <h2 id="freq-h">{t('freq.title')}</h2>
      <p className="muted">{t('freq.help', { model: modelLabel || t('freq.noneYet') })}</p>
      {tools?.(progress !== null)}
      <div className="buttons" style={{ alignItems: 'center' }}>
        <WholeNumberInput
          label={t('freq.testImages')}
          value={images}
          min={10}
          lowest={1}
          max={testCount}
          step={10}
          width={80}
          onChange={setImages}
        />
        <button
          type="button"
          disabled={cannot !== null || progress !== null}
          onClick={() => void run(['band', 'ablation'])}
          data-testid="freq-run-band"
        >
          {t('freq.runBand')}
        </button>
        <button
          type="button"
          disabled={cannot !== null || progress !== null}
          onClick={() => void run(['sensitivity'])}
          data-testid="freq-run-sensitivity"
        >
          {t('freq.runSensitivity', { images: Math.min(200, images) })}
        </button>
        <button type="button" disabled={progress === null} onClick={() => void api?.cancelFrequency()} data-testid="freq-cancel">
          {t('freq.cancel')}
        </button>
      </div>
      {cannot ? <p className="muted">{cannot}</p> : null}
      {progress ? (
        <p data-testid="freq-progress">
          <label>
            {t(`freq.phase.${progress.phase}`)}: <progress max={progress.total} value={progress.done} /> {progress.done}/
            {progress.total}
          </label>
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {cancelled ? (
        <p className="muted" role="status" data-testid="freq-cancelled">
          {t('freq.cancelled')}
        </p>
      ) : null}
      <BandChart results={results} hovered={hovered} onHover={setHovered} />
      {pixels && radii.length > 0 ? <FilteredExample image={pixels} imageIndex={image} radius={shownRadius} /> : null}
      <div className="freq-row">
        {results.map((r) => (
          <AblationBars key={r.label} result={r} />
        ))}
      </div>
      <div className="freq-row">
        {results
          .filter((r) => r.sensitivity)
          .map((r) => (
            <SensitivityHeatmap key={r.label} label={r.label} map={r.sensitivity!} />
          ))}
      </div>
    </section>
  );
}
