/**
 * Public face of the octave-convolution core (DOM-free, tfjs only). See docs/architecture.md §3–5.
 */
export * from './types';
export { splitChannels } from './split';
export { octConv, type OctConvOptions } from './octconv';
export { octBatchNorm, octAddRelu, BN_MOMENTUM, BN_EPSILON, type OctaveTensor, type SymbolicOctave } from './octave-layers';
export { NearestUpsample2x, upsampleNearest2x } from './upsample';
export { buildOctResNet } from './resnet';
export { validateOctResNetConfig, BASIC_FOUR_STAGES } from './config';
export { buildOctMobileNet } from './mobilenet';
export { validateOctMobileNetConfig, isMobileNetConfig } from './mobilenet-plan';
export { buildOctModel, validateOctModelConfig } from './build';
export { listOctaveLayers, createOctaveProbe } from './probe';
export { countCost } from './cost';
export { registerKernelFixes } from '../tfjs-fixes/index';
