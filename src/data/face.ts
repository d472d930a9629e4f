/**
 * The tfjs-free face of src/data for the page (src/ui imports only such faces): reading files the
 * user chose, with errors that name the file.
 */
export { fileReadError, readChosenFile } from './fileRead';
