/**
 * Short model labels for tables and legends ("R8", "R20×0.5", "MBv1×1", "MBv2×0.5"): the family
 * and its size, so a MobileNet run is never labelled with the (ignored) ResNet depth. DOM-free.
 */
import type { TrainConfig } from '../../train/protocol';

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
