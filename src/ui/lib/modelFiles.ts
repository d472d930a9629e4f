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
