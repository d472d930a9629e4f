import { useId, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabWorkerApi } from '../../train/protocol';
import type { RunWeights } from '../hooks/useRunWeights';
import { keptRunChoices, keptRunStamp, loadKeptRun } from '../lib/keptRunModel';
import type { ModelStamp } from './InspectSection';
import { inspectRunLabel } from './InspectRunPicker';
import type { RunRecord } from '../lib/runs';

/** Props of {@link UseKeptRun}. */
export interface UseKeptRunProps {
  api: LabWorkerApi | null;
  runs: readonly RunRecord[];
  weights: RunWeights;
  /** True while the worker cannot load a model (a run trains, a frequency job runs). */
  busy: boolean;
  /** Label of the worker's model: the "now run #N" note shows only while it is the kept run's. */
  modelLabel: string;
  /** Set to the kept run's stamp (its label and α) once its weights are the worker's model. */
  setModelStamp: Dispatch<SetStateAction<ModelStamp | null>>;
}

/**
 * "Use run #N's kept weights": makes a finished run's kept final weights the worker's current
 * model (after a reload the worker has none), so the frequency experiments can run on it. Shows
 * nothing while no finished run has kept weights.
 */
export function UseKeptRun({ api, runs, weights, busy, modelLabel, setModelStamp }: UseKeptRunProps) {
  const { t } = useTranslation();
  const id = useId();
  const [picked, setPicked] = useState('');
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean; label?: string } | null>(null);
  const choices = keptRunChoices(runs, weights.available);
  const run = choices.find((r) => r.id === picked) ?? choices[0];
  if (!run) return null;
  const use = async () => {
    if (!api) return;
    setLoading(true);
    setMessage(null);
    try {
      const layers = await loadKeptRun(api, weights.ensure, run.id);
      const stamp = keptRunStamp(run, null);
      setModelStamp((m) => ({ ...stamp, version: (m?.version ?? 0) + 1 }));
      setMessage({ text: t('kept.loaded', { number: run.number, layers: layers.length }), error: false, label: stamp.label });
    } catch (e) {
      setMessage({
        text: t('kept.error', { number: run.number, message: e instanceof Error ? e.message : String(e) }),
        error: true,
      });
    } finally {
      setLoading(false);
    }
  };
  return (
    <div data-testid="freq-kept">
      <div className="buttons" style={{ alignItems: 'center' }}>
        <label htmlFor={id}>{t('kept.run')}</label>
        <select id={id} value={run.id} onChange={(e) => setPicked(e.target.value)} data-testid="freq-kept-run">
          {choices.map((r) => (
            <option key={r.id} value={r.id}>
              {inspectRunLabel(r)} {t(`status.${r.status}`)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!api || busy || loading} onClick={() => void use()} data-testid="freq-use-kept">
          {t('kept.use', { number: run.number })}
        </button>
      </div>
      {message && (message.error || message.label === modelLabel) ? (
        <p className={message.error ? 'error' : 'muted'} role="status" data-testid="freq-kept-message">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
