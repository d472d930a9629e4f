/**
 * Octave activations (and optionally their spectra) of one test image, as typed arrays for the
 * page (docs/architecture.md §1.4, §7). Runs the model in inference mode (BatchNorm moving statistics).
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR10_SIZE, createBatchStream } from '../data/index';
import type { ChannelStats, Cifar10Split } from '../data/types';
import type { OctaveProbe } from '../octconv/index';
import { DEFAULT_CUTOFF, octaveSpectra } from '../spectra/index';
import type { FeatureMap, InspectOptions, InspectResult, LayerActivations } from './protocol';

const IMAGE_BYTES = 32 * 32 * 3;

/** Reads a [1, H, W, C] activation back as a FeatureMap (one `await data()`), or null. */
async function toFeatureMap(t: tf.Tensor4D | null): Promise<FeatureMap | null> {
  if (t == null) return null;
  const [, height, width, channels] = t.shape;
  // A copy: on some backends data() hands out the backend's own buffer, which a transfer would detach.
  const data = Float32Array.from(await t.data());
  return { height, width, channels, data };
}

/**
 * Inspects test image `imageIndex`: its pixels, label, the model's prediction and softmax
 * probabilities, and the high [H, W, cH] / low [H/2, W/2, cL] maps of every requested octave
 * layer, with their spectra when `options.spectra` (removeMean default true, cutoff default
 * 0.125 cycles/pixel). Normalises the image exactly like training (same ChannelStats).
 * @throws Error when imageIndex is not an integer in [0, test.count) or a layer name is unknown.
 */
export async function inspectImage(
  model: tf.LayersModel,
  probe: OctaveProbe,
  test: Cifar10Split,
  stats: ChannelStats,
  imageIndex: number,
  options: InspectOptions = {},
): Promise<InspectResult> {
  const t0 = performance.now();
  if (!Number.isInteger(imageIndex) || imageIndex < 0 || imageIndex >= test.count) {
    throw new Error(`imageIndex must be an integer in [0, ${test.count}) (got ${imageIndex})`);
  }
  const wanted = options.layerNames;
  const known = probe.layers.map((l) => l.name);
  for (const name of wanted ?? []) {
    if (!known.includes(name)) throw new Error(`unknown octave layer '${name}'; layers: ${known.join(', ')}`);
  }
  const image = test.images.slice(imageIndex * IMAGE_BYTES, (imageIndex + 1) * IMAGE_BYTES);
  const one: Cifar10Split = { images: image, labels: test.labels.slice(imageIndex, imageIndex + 1), count: 1 };
  const batch = createBatchStream(one, { batchSize: 1, seed: 0, shuffle: false, augment: false, stats }).epoch(0).next().value!;
  const probs = tf.tidy(() => tf.softmax(model.apply(batch.xs, { training: false }) as tf.Tensor2D));
  const outputs = probe.run(batch.xs);
  try {
    const probabilities = Array.from(await probs.data());
    const layers: LayerActivations[] = [];
    for (let i = 0; i < probe.layers.length; i++) {
      const info = probe.layers[i];
      if (wanted && !wanted.includes(info.name)) continue;
      const high = await toFeatureMap(outputs[i].high);
      const low = await toFeatureMap(outputs[i].low);
      const entry: LayerActivations = { info, high, low };
      if (options.spectra) {
        entry.spectra = await octaveSpectra(high, low, {
          // One frequency axis for every layer: cycles/pixel of the 32×32 input grid (docs/architecture.md §1.4),
          // so a stage-2 layer's high branch covers 0–0.25 and its low branch 0–0.125.
          referenceSize: CIFAR10_SIZE,
          removeMean: options.removeMean ?? true,
          cutoff: options.cutoff ?? DEFAULT_CUTOFF,
        });
      }
      layers.push(entry);
    }
    return {
      imageIndex,
      image,
      label: test.labels[imageIndex],
      predicted: probabilities.indexOf(Math.max(...probabilities)),
      probabilities,
      layers,
      latencyMs: performance.now() - t0,
    };
  } finally {
    tf.dispose([batch.xs, batch.labels, probs]);
    for (const o of outputs) tf.dispose([o.high, o.low].filter((t): t is tf.Tensor4D => t != null));
  }
}

/** The ArrayBuffers of an InspectResult, for a transfer list (comlink.transfer). */
export function inspectTransferables(r: InspectResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([r.image.buffer as ArrayBuffer]);
  for (const l of r.layers) {
    for (const m of [l.high, l.low]) if (m) buffers.add(m.data.buffer as ArrayBuffer);
    for (const s of [l.spectra?.high, l.spectra?.low]) if (s) buffers.add(s.logMagnitude.buffer as ArrayBuffer);
  }
  return [...buffers];
}
