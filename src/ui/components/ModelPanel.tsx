import { useId, useState } from 'react';
import type { LabWorkerApi } from '../../train/protocol';
import { downloadBlob } from '../lib/download';
import { weightsFileName } from '../lib/modelFiles';

/** Props of {@link ModelPanel}. */
export interface ModelPanelProps {
  api: LabWorkerApi | null;
  /** A model exists in the worker (trained or loaded). */
  hasModel: boolean;
  /** Saving/loading is disabled while a run is active. */
  busy: boolean;
  /** Called after a model was loaded (e.g. to refresh the octave views). */
  onLoaded(layerCount: number): void;
}

/**
 * Save the current model (kept in IndexedDB by the worker, and downloaded as model.json +
 * weights in the standard tfjs format) and load one back, by name or from the two files.
 */
export function ModelPanel({ api, hasModel, busy, onLoaded }: ModelPanelProps) {
  const nameId = useId();
  const filesId = useId();
  const [name, setName] = useState('octconv-model');
  const [message, setMessage] = useState<string | null>(null);
  const act = async (fn: () => Promise<string>) => {
    try {
      setMessage(await fn());
    } catch (e) {
      setMessage(`Error: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const save = () =>
    act(async () => {
      const files = await api!.saveModel(name);
      const stem = name.replace(/[^\w.-]+/g, '_');
      downloadBlob(`${stem}.json`, files.modelJson, 'application/json');
      downloadBlob(weightsFileName(files.modelJson), files.weights, 'application/octet-stream');
      return `Saved "${name}" in this browser and downloaded model.json + weights.`;
    });
  const loadByName = () =>
    act(async () => {
      const layers = await api!.loadModel({ name });
      onLoaded(layers.length);
      return `Loaded "${name}" (${layers.length} octave layers).`;
    });
  const loadFiles = (list: FileList | null) =>
    act(async () => {
      const files = [...(list ?? [])];
      const json = files.find((f) => f.name.endsWith('.json'));
      const bin = files.find((f) => !f.name.endsWith('.json'));
      if (!json || !bin) throw new Error('choose both the model .json file and its weights .bin file');
      const layers = await api!.loadModel({ modelJson: await json.text(), weights: await bin.arrayBuffer() });
      onLoaded(layers.length);
      return `Loaded ${json.name} (${layers.length} octave layers).`;
    });
  return (
    <div>
      <div className="field">
        <label htmlFor={nameId}>Model name</label>
        <input id={nameId} type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="buttons">
        <button type="button" disabled={!api || !hasModel || busy || !name} onClick={() => void save()}>
          Save + download
        </button>
        <button type="button" disabled={!api || busy || !name} onClick={() => void loadByName()}>
          Load by name
        </button>
        <label htmlFor={filesId} className="muted" style={{ alignSelf: 'center' }}>
          or load files:
        </label>
        <input id={filesId} type="file" multiple accept=".json,.bin" disabled={!api || busy} onChange={(e) => void loadFiles(e.target.files)} />
      </div>
      {message ? <p className={message.startsWith('Error') ? 'error' : 'muted'} role="status">{message}</p> : null}
    </div>
  );
}
