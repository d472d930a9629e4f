/**
 * Per-layer seeds derived from the model seed, so that the same seed gives the same weights and
 * every layer still draws different numbers.
 */

/**
 * FNV-1a hash of `${seed}/${layerName}` as a non-negative 31-bit integer.
 * @param seed model seed (any finite number)
 * @param layerName unique layer name, e.g. 'stage1/block2/conv1/hh'
 * @returns a seed for `tf.initializers.*({ seed })`
 */
export function layerSeed(seed: number, layerName: string): number {
  const text = `${seed}/${layerName}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}
