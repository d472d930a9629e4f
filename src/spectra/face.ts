/** The tfjs-free face of the spectra module, for the page: result types and the image decomposition. */
export * from './types';
export { decomposeImage } from './decompose';
