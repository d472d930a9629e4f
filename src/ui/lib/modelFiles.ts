/**
 * Helpers for the standard tfjs model format (model.json + binary weights). DOM-free.
 */

/**
 * The weights file name a tfjs model.json refers to (weightsManifest[0].paths[0], without './'),
 * so the downloaded pair loads back with tf.loadLayersModel; 'weights.bin' when absent or unreadable.
 */
export function weightsFileName(modelJson: string): string {
  try {
    const m = JSON.parse(modelJson) as { weightsManifest?: { paths?: string[] }[] };
    const p = m.weightsManifest?.[0]?.paths?.[0];
    return typeof p === 'string' && p ? p.replace(/^\.\//, '').replace(/[\\/]/g, '_') : 'weights.bin';
  } catch {
    return 'weights.bin';
  }
}

/** File names of a downloaded model: `<stem>.json` and `<stem>.weights.bin`. */
export interface ModelFileNames {
  json: string;
  weights: string;
}

/**
 * File names for downloading a model called `name` (characters other than letters, digits, '.',
 * '-' and '_' become '_'), so that two models downloaded into one folder never share a weights
 * file (the browser would rename the second one to "weights (1).bin").
 * @throws Error when `name` has no usable character.
 */
export function modelFileNames(name: string): ModelFileNames {
  const stem = name
    .trim()
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '');
  if (!stem) throw new Error(`model name ${JSON.stringify(name)} has no letters or digits to name the files with`);
  return { json: `${stem}.json`, weights: `${stem}.weights.bin` };
}

/**
 * model.json with every weightsManifest group pointing at `weightsFile` (one file holds all
 * weights), so tf.loadLayersModel and this lab find the downloaded weights by their real name.
 * @throws Error when `modelJson` is not JSON or has no weightsManifest array.
 */
export function withWeightsPath(modelJson: string, weightsFile: string): string {
  let m: { weightsManifest?: unknown };
  try {
    m = JSON.parse(modelJson) as { weightsManifest?: unknown };
  } catch {
    throw new Error('model.json is not valid JSON');
  }
  if (!Array.isArray(m.weightsManifest)) throw new Error('model.json has no weightsManifest array');
  const weightsManifest = (m.weightsManifest as Record<string, unknown>[]).map((g) => ({ ...g, paths: [weightsFile] }));
  return JSON.stringify({ ...m, weightsManifest });
}
