import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabWorkerApi } from '../../train/protocol';
import type { OctaveLayerInfo } from '../../octconv/types';
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
  /** Called after a model was loaded (e.g. to refresh the octave views), with a short description and its octave layers. */
  onLoaded(description: string, layers: OctaveLayerInfo[]): void;
}

/**
 * Save the current model (kept in IndexedDB by the worker, and downloaded as `<name>.json` +
 * `<name>.weights.bin` in the standard tfjs format, the manifest naming that weights file) and
 * load one back, by name or from the two files.
 */
export function ModelPanel({ api, hasModel, busy, onLoaded }: ModelPanelProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const filesId = useId();
  const [name, setName] = useState('octconv-model');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const act = async (fn: () => Promise<string | { text: string; error: boolean }>) => {
    try {
      const r = await fn();
      setMessage(typeof r === 'string' ? { text: r, error: false } : r);
    } catch (e) {
      setMessage({ text: t('model.error', { message: e instanceof Error ? e.message : String(e) }), error: true });
    }
  };
  const save = () =>
    act(async () => {
      const names = modelFileNames(name);
      const files = await api!.saveModel(name);
      downloadBlob(names.json, withWeightsPath(files.modelJson, names.weights), 'application/json');
      downloadBlob(names.weights, files.weights, 'application/octet-stream');
      return files.storedInBrowser
        ? t('model.saved', { name, json: names.json, weights: names.weights })
        : {
            text: t('model.notSaved', {
              reason: files.notStoredReason ?? t('model.unknownReason'),
              json: names.json,
              weights: names.weights,
            }),
            error: true,
          };
    });
  const loadByName = () =>
    act(async () => {
      const layers = await api!.loadModel({ name });
      onLoaded(t('model.byName', { name }), layers);
      return t('model.loadedName', { name, layers: layers.length });
    });
  const loadFiles = (list: FileList | null) =>
    act(async () => {
      const files = [...(list ?? [])];
      const json = files.find((f) => f.name.endsWith('.json'));
      if (!json) throw new Error(t('model.noJson'));
      const modelJson = await readChosenFile(json.name, () => json.text());
      const bins = files.filter((f) => !f.name.endsWith('.json'));
      // Several .bin files: take the one the manifest names (or the only one).
      const bin = bins.length === 1 ? bins[0] : bins.find((f) => f.name === weightsFileName(modelJson));
      if (!bin) throw new Error(t('model.noBin', { weights: weightsFileName(modelJson), json: json.name }));
      const layers = await api!.loadModel({ modelJson, weights: await readChosenFile(bin.name, () => bin.arrayBuffer()) });
      onLoaded(t('model.byFiles', { json: json.name, bin: bin.name }), layers);
      return t('model.loadedFiles', { json: json.name, bin: bin.name, layers: layers.length });
    });
  return (
    <div className="model-tools">
      <div className="field">
        <label htmlFor={nameId}>{t('model.name')}</label>
        <input id={nameId} type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="buttons">
        <button type="button" disabled={!api || !hasModel || busy || !name} onClick={() => void save()}>
          {t('model.save')}
        </button>
        <button type="button" disabled={!api || busy || !name} onClick={() => void loadByName()}>
          {t('model.loadByName')}
        </button>
        <label htmlFor={filesId} className="muted" style={{ alignSelf: 'center' }}>
          {t('model.orFiles')}
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
        <p className={message.error ? 'error' : 'muted'} role="status" data-testid="model-message">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
