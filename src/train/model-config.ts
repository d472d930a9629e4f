/**
 * From a run's TrainConfig to the model config the octconv core builds (Oct-ResNet or
 * Oct-MobileNet with the CIFAR stem), and a short model name for labels. DOM-free, tfjs-free.
 */
import type { OctModelConfig } from '../octconv/types';
import type { ModelArchitecture, TrainConfig } from './protocol';

/** The architectures a run can use, in the order the controls list them. */
export const MODEL_ARCHITECTURES: readonly ModelArchitecture[] = ['resnet', 'mobilenet-v1', 'mobilenet-v2'];

/** The fields of a TrainConfig that determine the model. */
export type ModelFields = Pick<TrainConfig, 'architecture' | 'depth' | 'widthMultiplier' | 'alpha' | 'block'>;

/**
 * The model config of a run on CIFAR-10 (32×32×3 inputs, 10 classes): an Oct-ResNet of
 * depth/block, or an Oct-MobileNet v1/v2 with `cifarStem` (depth and block are ignored).
 * @param seed seed of the weight initialisation
 */
export function modelConfigOf(c: ModelFields, seed: number): OctModelConfig {
  const arch = c.architecture ?? 'resnet';
  if (arch === 'resnet')
    return { depth: c.depth, widthMultiplier: c.widthMultiplier, alpha: c.alpha, block: c.block, numClasses: 10, seed };
  return {
    version: arch === 'mobilenet-v1' ? 1 : 2,
    widthMultiplier: c.widthMultiplier,
    alpha: c.alpha,
    numClasses: 10,
    seed,
    cifarStem: true,
  };
}

/** 'Oct-ResNet-20', 'Oct-MobileNet v2 ×1' (the vanilla nets have the same names at α = 0). */
export function modelName(c: ModelFields): string {
  const arch = c.architecture ?? 'resnet';
  if (arch === 'resnet') return `Oct-ResNet-${c.depth}`;
  return `Oct-MobileNet ${arch === 'mobilenet-v1' ? 'v1' : 'v2'} ×${c.widthMultiplier}`;
}

/**
 * @throws Error `architecture must be one of resnet, mobilenet-v1, mobilenet-v2 (got …)` for any
 *   other value (absent is fine: 'resnet').
 */
export function validateArchitecture(value: unknown): void {
  if (value !== undefined && !MODEL_ARCHITECTURES.includes(value as ModelArchitecture)) {
    throw new Error(`architecture must be one of ${MODEL_ARCHITECTURES.join(', ')} (got ${String(value)})`);
  }
}
