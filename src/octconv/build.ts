/**
 * One entry point for every model of the family: Oct-ResNet or Oct-MobileNet by config.
 */
import type * as tf from '@tensorflow/tfjs';
import { buildOctResNet } from './resnet';
import { buildOctMobileNet } from './mobilenet';
import { isMobileNetConfig, validateOctMobileNetConfig } from './mobilenet-plan';
import { validateOctResNetConfig } from './config';
import type { OctModelConfig } from './types';

/**
 * Builds the model a config describes: {@link buildOctMobileNet} for a config with `version`,
 * else {@link buildOctResNet}. Input NHWC images, output logits [N, numClasses].
 * @throws Error for an invalid config (see validateOctModelConfig)
 */
export function buildOctModel(config: OctModelConfig): tf.LayersModel {
  return isMobileNetConfig(config) ? buildOctMobileNet(config) : buildOctResNet(config);
}

/**
 * Checks any model config without building it.
 * @throws Error naming the problem (see validateOctResNetConfig / validateOctMobileNetConfig)
 */
export function validateOctModelConfig(config: OctModelConfig): void {
  if (isMobileNetConfig(config)) validateOctMobileNetConfig(config);
  else validateOctResNetConfig(config);
}
