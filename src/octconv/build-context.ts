/**
 * What every model builder of the family shares while it builds: the seed, the octave layers the
 * probe exposes, the list of OctConvs with their nominal α (stored in the model's metadata).
 */
import { octConv, type OctConvOptions } from './octconv';
import { octBatchNorm, type SymbolicOctave } from './octave-layers';
import type { OctaveLayerRecord, OctaveMetadata } from './metadata';

/** Collects the octave layers whose outputs the probe exposes. */
export type Recorder = (name: string, alphaIn: number, alphaOut: number, y: SymbolicOctave) => void;

/** What one build collects: the model seed, exposed octave layers, every OctConv (nominal α). */
export interface BuildContext {
  seed: number;
  record: Recorder;
  layers: OctaveLayerRecord[];
  convs: OctaveMetadata['octaveConvs'];
}

/** A fresh context for one model build with `seed`. */
export function createBuildContext(seed: number): BuildContext {
  const layers: OctaveLayerRecord[] = [];
  return {
    seed,
    layers,
    convs: [],
    record: (name, alphaIn, alphaOut, y) =>
      layers.push({ name, alphaIn, alphaOut, high: y.high?.sourceLayer.name ?? null, low: y.low?.sourceLayer.name ?? null }),
  };
}

/**
 * OctConv followed by per-branch BatchNorm and an optional ReLU (`'relu6'` clips at 6, as in
 * MobileNet v2); registers the OctConv in the context.
 * @param x input octave tensor (symbolic, NHWC branches)
 * @throws Error from {@link octConv} for invalid options
 */
export function octConvBn(
  ctx: BuildContext,
  x: SymbolicOctave,
  o: Omit<OctConvOptions, 'seed'>,
  activation: boolean | 'relu6',
): SymbolicOctave {
  ctx.convs.push({ name: o.name, alphaIn: o.alphaIn, alphaOut: o.alphaOut });
  return octBatchNorm(octConv(x, { ...o, seed: ctx.seed }), o.name, activation);
}

/** Channels of an octave tensor (both branches). */
export function channelsOf(x: SymbolicOctave): number {
  return ((x.high?.shape[3] as number) ?? 0) + ((x.low?.shape[3] as number) ?? 0);
}
