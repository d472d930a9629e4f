/**
 * The octave description stored in a model's user-defined metadata (saved and restored by the
 * standard tfjs save/load), so probes and cost reports also work on loaded models.
 */
import type * as tf from '@tensorflow/tfjs';
import type { OctModelConfig } from './types';

/** One exposed octave layer: the names of the layers producing its high/low outputs. */
export interface OctaveLayerRecord {
  name: string;
  alphaIn: number;
  alphaOut: number;
  /** Layer whose output is the high branch (after BN+ReLU, or after the residual add + ReLU). */
  high: string | null;
  low: string | null;
}

/** Metadata of a model built by buildOctResNet or buildOctMobileNet. */
export interface OctaveMetadata {
  config: OctModelConfig;
  octaveLayers: OctaveLayerRecord[];
  /** Every OctConv (including shortcuts) with its nominal α_in/α_out. */
  octaveConvs: Array<{ name: string; alphaIn: number; alphaOut: number }>;
}

const KEY = 'octconv';

/** Stores the octave description in the model (key 'octconv'). */
export function writeOctaveMetadata(model: tf.LayersModel, meta: OctaveMetadata): void {
  model.setUserDefinedMetadata({ [KEY]: meta as unknown as Record<string, unknown> });
}

/**
 * Reads the octave description.
 * @throws Error if the model was not built by buildOctResNet (no metadata)
 */
export function readOctaveMetadata(model: tf.LayersModel, caller: string): OctaveMetadata {
  const meta = (model.getUserDefinedMetadata() as Record<string, unknown> | undefined)?.[KEY];
  if (meta == null) throw new Error(`${caller}: model '${model.name}' has no octave metadata; build it with buildOctResNet`);
  return meta as OctaveMetadata;
}

/** Like {@link readOctaveMetadata} but returns null instead of throwing. */
export function tryReadOctaveMetadata(model: tf.LayersModel): OctaveMetadata | null {
  const meta = (model.getUserDefinedMetadata() as Record<string, unknown> | undefined)?.[KEY];
  return (meta as OctaveMetadata | undefined) ?? null;
}
