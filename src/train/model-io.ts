/**
 * Saving and loading models in the standard tfjs layers format (model.json + one weights.bin),
 * in memory (tf.io.withSaveHandler / tf.io.fromMemory) and, where the environment has IndexedDB
 * and tfjs sees a browser or worker, also under `indexeddb://octconv-lab/<name>`. DOM-free.
 */
import * as tf from '@tensorflow/tfjs';
import type { SavedModelFiles } from './protocol';
import { describeStorageError } from '../data/cache';

/** IndexedDB URL prefix of saved models. */
export const MODEL_STORE_PREFIX = 'indexeddb://octconv-lab/';

/** File name of the weights inside model.json's manifest. */
const WEIGHTS_FILE = 'weights.bin';

/** True when tfjs can use its IndexedDB handler here (browser page or worker with indexedDB). */
export function hasModelStore(): boolean {
  return typeof indexedDB !== 'undefined' && tf.env().getBool('IS_BROWSER');
}

/**
 * Checks a model name: 1–100 characters of letters, digits, '-', '_', '.', ' '.
 * @throws Error naming the rule.
 */
export function checkModelName(name: string): void {
  if (typeof name !== 'string' || !/^[\w.\- ]{1,100}$/.test(name)) {
    throw new Error(`model name must be 1–100 letters, digits, '-', '_', '.' or spaces (got '${String(name)}')`);
  }
}

/**
 * Serialises `model` to model.json (text) + weights.bin (one ArrayBuffer), the files
 * `tf.loadLayersModel` reads. Keeps the user-defined metadata (the octave layer description).
 */
export async function modelToFiles(model: tf.LayersModel): Promise<SavedModelFiles> {
  let files: SavedModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const weights = a.weightData == null ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(a.weightData);
      const json = {
        modelTopology: a.modelTopology,
        format: a.format ?? 'layers-model',
        generatedBy: a.generatedBy,
        convertedBy: a.convertedBy ?? null,
        userDefinedMetadata: a.userDefinedMetadata,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: a.weightSpecs ?? [] }],
      };
      files = { modelJson: JSON.stringify(json), weights };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
    }),
  );
  if (!files) throw new Error('saving the model produced no artifacts');
  return files;
}

/**
 * Rebuilds a model from the files of {@link modelToFiles} (or any tfjs layers model.json whose
 * manifest lists one weights file).
 * @throws Error when model.json is not valid JSON or lacks modelTopology/weightsManifest.
 */
export async function modelFromFiles(files: SavedModelFiles): Promise<tf.LayersModel> {
  let json: {
    modelTopology?: object;
    weightsManifest?: Array<{ weights: tf.io.WeightsManifestEntry[] }>;
    userDefinedMetadata?: Record<string, unknown>;
  };
  try {
    json = JSON.parse(files.modelJson);
  } catch (e) {
    throw new Error(`model.json is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new Error('model.json lacks modelTopology or weightsManifest (not a tfjs layers model)');
  }
  const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
  const expected = weightSpecs.reduce((sum, w) => sum + weightBytes(w), 0);
  if (files.weights.byteLength !== expected) {
    throw new Error(
      `weights.bin is ${files.weights.byteLength} bytes but model.json lists ${expected} bytes of weights: ` +
        'the file is truncated or belongs to another model',
    );
  }
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs,
      weightData: files.weights,
      userDefinedMetadata: json.userDefinedMetadata,
    }),
  );
}

/** Bytes of one weightsManifest entry (its quantized dtype when quantized). */
function weightBytes(w: tf.io.WeightsManifestEntry): number {
  const dtype = w.quantization?.dtype ?? w.dtype;
  const size = dtype === 'uint8' || dtype === 'bool' ? 1 : dtype === 'uint16' || dtype === 'float16' ? 2 : 4;
  return size * w.shape.reduce((a, b) => a * b, 1);
}

/**
 * Checks that `model` is a lab Oct-ResNet and safe to use: input NHWC [null, 32, 32, 3], output
 * [null, 10] and every weight finite. Reads all weights back once (sizes of the lab's models:
 * < 100 MB). No tensors are left behind.
 * @throws Error naming the input shape or the weight with non-finite values.
 */
export async function assertUsableModel(model: tf.LayersModel): Promise<void> {
  const input = model.inputs[0]?.shape ?? [];
  if (model.inputs.length !== 1 || JSON.stringify(input) !== '[null,32,32,3]') {
    throw new Error(
      `not an Oct-ResNet of this lab: it takes input ${JSON.stringify(input)}, the lab feeds CIFAR-10 images [null,32,32,3]`,
    );
  }
  const output = model.outputs[0]?.shape ?? [];
  if (model.outputs.length !== 1 || JSON.stringify(output) !== '[null,10]') {
    throw new Error(
      `not an Oct-ResNet of this lab: it outputs ${JSON.stringify(output)}, the lab needs 10 class scores [null,10]`,
    );
  }
  for (const w of model.weights) {
    const values = (await w.read().data()) as Float32Array;
    let bad = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) bad++;
    if (bad > 0)
      throw new Error(
        `weight ${w.originalName} holds ${bad} non-finite value${bad === 1 ? '' : 's'} (NaN or ±Infinity): the file is corrupt`,
      );
  }
}

/** Whether the browser really kept a saved model (see {@link storeModel}). */
export type StoreOutcome = { stored: true } | { stored: false; reason: string };

/** The bytes of tfjs weight data (one buffer or several, joined). */
function weightDataBytes(data: tf.io.ModelArtifacts['weightData']): Uint8Array {
  if (!data) return new Uint8Array(0);
  return new Uint8Array(tf.io.CompositeArrayBuffer.join(data));
}

/**
 * Saves `model` under `indexeddb://octconv-lab/<name>` and reads it back. tfjs resolves its
 * IndexedDB save when the put request succeeds, before the transaction commits, so a write the
 * browser refuses at commit (storage quota exhausted) still "succeeds": only the read-back tells.
 * @param weights the model's weights as {@link modelToFiles} wrote them (compared byte for byte).
 * @returns `{ stored: true }` only when the stored weights equal `weights`; otherwise the reason
 *   (no IndexedDB here, the write was refused, or nothing / something else was stored). Never throws.
 */
export async function storeModel(model: tf.LayersModel, name: string, weights: ArrayBuffer): Promise<StoreOutcome> {
  if (!hasModelStore()) return { stored: false, reason: 'this environment has no IndexedDB' };
  const url = MODEL_STORE_PREFIX + name;
  try {
    await model.save(url);
  } catch (e) {
    return { stored: false, reason: `the browser refused the write: ${describeStorageError(e)}` };
  }
  let back: tf.io.ModelArtifacts;
  try {
    const [handler] = tf.io.getLoadHandlers(url);
    if (!handler?.load) throw new Error('no IndexedDB load handler');
    back = await handler.load();
  } catch {
    return {
      stored: false,
      reason: `the browser reported the write done but kept nothing under '${name}' (storage full, or site data blocked)`,
    };
  }
  const got = weightDataBytes(back.weightData);
  const want = new Uint8Array(weights);
  if (got.length !== want.length || got.some((b, i) => b !== want[i])) {
    return {
      stored: false,
      reason: `the copy kept under '${name}' differs from the model (${got.length} weight bytes kept, ${want.length} saved; the write was not kept)`,
    };
  }
  return { stored: true };
}

/**
 * Loads a model saved by {@link storeModel}.
 * @throws Error when there is no IndexedDB here or no model of that name.
 */
export async function loadStoredModel(name: string): Promise<tf.LayersModel> {
  if (!hasModelStore()) throw new Error(`cannot load model '${name}': no IndexedDB in this environment`);
  try {
    return await tf.loadLayersModel(MODEL_STORE_PREFIX + name);
  } catch (e) {
    throw new Error(`no saved model named '${name}' in IndexedDB (${(e as Error).message})`, { cause: e });
  }
}
