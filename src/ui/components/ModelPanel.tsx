import { useId, useState } from 'react';
import type { LabWorkerApi } from '../../train/protocol';
import { readChosenFile } from '../../data/face';
import { downloadBlob } from '../lib/download';
import { modelFileNames, weightsFileName, withWeightsPath } from '../lib/modelFiles';

/** Props of {@link ModelPanel}. */
export interface ModelPanelProps {
  api: LabWorkerApi | null;
  /** A model exists in the worker (trained or loaded). */
  hasModel: boolean;
  /** Saving/loading is disabled while a run is active. */
  busy: boolean;
  /** Called after a model was loaded (e.g. to refresh the octave views), with a short description. */
  onLoaded(description: string): void;
}

/**
 * Save the current model (kept in IndexedDB by the worker, and downloaded as `<name>.json` +
 * `<name>.weights.bin` in the standard tfjs format, the manifest naming that weights file) and
 * load one back, by name or from the two files.
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
      const names = modelFileNames(name);
      const files = await api!.saveModel(name);
      downloadBlob(names.json, withWeightsPath(files.modelJson, names.weights), 'application/json');
      downloadBlob(names.weights, files.weights, 'application/octet-stream');
      return files.storedInBrowser
        ? `Saved "${name}" in this browser and downloaded ${names.json} + ${names.weights}.`
        : `Not saved in this browser: ${files.notStoredReason ?? 'unknown reason'}. Downloaded ${names.json} + ${names.weights}: load them back with "or load files".`;
    });
  const loadByName = () =>
    act(async () => {
      const layers = await api!.loadModel({ name });
      onLoaded(`model "${name}"`);
      return `Loaded "${name}" (${layers.length} octave layers).`;
    });
  const loadFiles = (list: FileList | null) =>
    act(async () => {
      const files = [...(list ?? [])];
      const json = files.find((f) => f.name.endsWith('.json'));
      if (!json) throw new Error('choose both the model .json file and its weights .bin file (no .json chosen)');
      const modelJson = await readChosenFile(json.name, () => json.text());
      const bins = files.filter((f) => !f.name.endsWith('.json'));
      // Several .bin files: take the one the manifest names (or the only one).
      const bin = bins.length === 1 ? bins[0] : bins.find((f) => f.name === weightsFileName(modelJson));
      if (!bin) throw new Error(`choose the weights file ${weightsFileName(modelJson)} together with ${json.name}`);
      const layers = await api!.loadModel({ modelJson, weights: await readChosenFile(bin.name, () => bin.arrayBuffer()) });
      onLoaded(`files ${json.name} + ${bin.name}`);
      return `Loaded ${json.name} + ${bin.name} (${layers.length} octave layers).`;
    });
  return (
    <div className="model-tools">
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
        <input
          id={filesId}
          type="file"
          multiple
          accept=".json,.bin"
          disabled={!api || busy}
          onChange={(e) => void loadFiles(e.target.files)}
        />
      </div>
      {message ? (
        <p className={/^(Error|Not saved)/.test(message) ? 'error' : 'muted'} role="status" data-testid="model-message">
          {message}
        </p>
      ) : null}
    </div>
  );
}
