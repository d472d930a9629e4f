/**
 * Plain-language messages for training failures whose raw text only makes sense to a tfjs or
 * Emscripten developer (DOM-free).
 */

/** Raw messages of an exhausted WASM heap or a failed GPU allocation (tfjs 4.22.0 wasm/webgl/webgpu). */
const OUT_OF_MEMORY = [
  /memory access out of bounds/i,
  /^Aborted\(/,
  /out of memory/i,
  /Cannot enlarge memory/i,
  /Failed to allocate/i,
  /Array buffer allocation failed/i,
];

/**
 * The message of a failed training run: the raw error, preceded by what to do when it is an
 * out-of-memory failure (activations of a deep net at a large batch exceed the backend's memory).
 * @param raw the error's own message.
 * @param context the run's depth and batch size, named in the hint.
 */
export function describeTrainingFailure(raw: string, context: { depth: number; batchSize: number }): string {
  const cleaned = raw.replace(/\.\.+$/, '.').trim();
  if (!OUT_OF_MEMORY.some((re) => re.test(cleaned))) return cleaned;
  return (
    `out of memory: Oct-ResNet-${context.depth} at batch ${context.batchSize} needs more memory than ` +
    `this backend has — lower the batch size or choose a smaller depth (${cleaned})`
  );
}
