/**
 * The tfjs-free face of the data layer, for the page: types, the class names and the file names.
 * (./index also re-exports batching, which needs tfjs.)
 */
export * from './types';
export { CLASS_NAMES } from './parse';
export { CIFAR10_FILES, DATA_COMMAND_HELP } from './files';
