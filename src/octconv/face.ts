/**
 * The tfjs-free face of the octconv module, for the page: model/cost types and the channel split
 * with its α check (paper §3.1). (./index also exports the layer builders, which need tfjs.)
 */
export * from './types';
export { splitChannels, checkAlpha } from './split';
