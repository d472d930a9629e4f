import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { InspectResult, LabWorkerApi } from '../../train/protocol';
import { OctaveViews } from './OctaveViews';

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
}

/**
 * "Inspect the octaves": for one test image, the high- and low-frequency maps of a chosen
 * OctConv layer and their spectra (from the worker's inspect with spectra), refreshed on request
 * and every N steps while training. Requests never overlap.
 */
export function InspectSection({ api, enabled, image, onImageChange, every, subscribeSteps, classNames, testCount }: InspectSectionProps) {
  const imgId = useId();
  const [result, setResult] = useState<InspectResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const imageRef = useRef(image);
  imageRef.current = image;

  const refresh = useCallback(async () => {
    if (!api || busy.current) return;
    busy.current = true;
    try {
      setResult(await api.inspect(imageRef.current, { spectra: true }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      busy.current = false;
    }
  }, [api]);

  useEffect(() => subscribeSteps((step) => step % every === 0 && void refresh()), [subscribeSteps, every, refresh]);
  useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, image, refresh]);

  return (
    <section className="panel" aria-labelledby="inspect-h" data-testid="inspect">
      <h2 id="inspect-h">Inspect the octaves</h2>
      <div className="buttons" style={{ alignItems: 'center' }}>
        <label htmlFor={imgId}>Test image #</label>
        <input id={imgId} type="number" min={0} max={testCount - 1} step={1} value={image} style={{ width: 90 }}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 0 && v < testCount) onImageChange(v);
          }} />
        <button type="button" disabled={!api || !enabled} onClick={() => void refresh()}>
          Refresh
        </button>
        <span className="muted">auto every {every} steps while training</span>
      </div>
      {!enabled ? <p className="muted">Train (or load) a model to see its high- and low-frequency feature maps and spectra.</p> : null}
      {error ? <p className="error">{error}</p> : null}
      {result ? (
        <div>
          <p className="muted">
            {result.layers.length} octave layers, {result.latencyMs.toFixed(0)} ms in the worker; predicted{' '}
            <strong data-testid="inspect-pred">{classNames[result.predicted] ?? result.predicted}</strong>
          </p>
          <OctaveViews result={result} classNames={classNames} />
        </div>
      ) : null}
    </section>
  );
}
