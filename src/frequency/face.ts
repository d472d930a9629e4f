/** The tfjs-free face of the frequency experiments, for the page: result types and the radial band filter of one image. */
export * from './types';
export { filterImage, DEFAULT_RADII } from './bands';
export { sensitivityBands, SENSITIVITY_BAND_EDGES, type SensitivityBand, type SensitivityWorstCell } from './sensitivityBands';
