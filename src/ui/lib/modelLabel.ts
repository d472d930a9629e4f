/**
 * Short model labels for tables and legends ("R8", "R20×0.5", "MBv1×1", "MBv2×0.5"): the family
 * and its size, so a MobileNet run is never labelled with the (ignored) ResNet depth. DOM-free.
 */
import type { TrainConfig } from '../../train/protocol';
import type { OctaveLayerInfo } from '../../octconv/types';

/**
 * Compact model label of a config: Oct-ResNet → `R<depth>` (with `×<width>` when the width
 * multiplier is not 1); Oct-MobileNet v1/v2 → `MBv1×<width>` / `MBv2×<width>` (always with the
 * width, which is the MobileNet's size knob; depth does not apply to MobileNets).
 */
export function shortModelName(c: Pick<TrainConfig, 'architecture' | 'depth' | 'widthMultiplier'>): string {
  const arch = c.architecture ?? 'resnet';
  if (arch === 'resnet') return `R${c.depth}${c.widthMultiplier !== 1 ? `×${c.widthMultiplier}` : ''}`;
  return `MBv${arch === 'mobilenet-v1' ? 1 : 2}×${c.widthMultiplier}`;
}

/**
 * The network α of a model from its octave layers (e.g. a loaded model, whose config the page
 * does not know): the largest α_out, since the first layer (α_in = 0) and the last stage
 * (α_out = 0) are plain; null when the list is empty.
 */
export function networkAlpha(layers: readonly Pick<OctaveLayerInfo, 'alphaOut'>[]): number | null {
  return layers.length === 0 ? null : Math.max(...layers.map((l) => l.alphaOut));
}
