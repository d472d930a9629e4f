/**
 * The tfjs-free face of the data layer, for the page (src/ui imports only such faces): types, the
 * class names, the file names, and reading files the user chose with errors that name the file.
 * (./index also re-exports batching, which needs tfjs.)
 */
export * from './types';
export { CLASS_NAMES } from './parse';
export { CIFAR10_FILES, DATA_COMMAND_HELP } from './files';
export { fileReadError, readChosenFile } from './fileRead';
