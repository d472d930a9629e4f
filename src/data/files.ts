/**
 * File names of the CIFAR-10 binary version and the help text shown when they are missing.
 * Shared by the parser, the Node loader, the `npm run data` script and the browser loader.
 */

/** The five training batches, in official order (records 0–9,999, 10,000–19,999, …). */
export const TRAIN_FILES = [
  'data_batch_1.bin',
  'data_batch_2.bin',
  'data_batch_3.bin',
  'data_batch_4.bin',
  'data_batch_5.bin',
] as const;

/** The test batch (official test images 0–9,999). */
export const TEST_FILE = 'test_batch.bin';

/** The class-name file: ten names, one a line (plus a trailing empty line in the official copy). */
export const META_FILE = 'batches.meta.txt';

/** All seven files the dataset consists of, in the order they are loaded and listed. */
export const CIFAR10_FILES: readonly string[] = [...TRAIN_FILES, TEST_FILE, META_FILE];

/** Name of the official archive on the dataset page. */
export const ARCHIVE_FILE = 'cifar-10-binary.tar.gz';

/** Official download URL (Krizhevsky 2009, https://www.cs.toronto.edu/~kriz/cifar.html). */
export const ARCHIVE_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';

/** Published MD5 of the official archive (from the dataset page). */
export const ARCHIVE_MD5 = 'c32a1d4ab5d03f1284b67883e8d87530';

/** Records in each official batch file. */
export const RECORDS_PER_FILE = 10_000;

/** The exact commands that put the dataset in place; quoted by every "not found" error. */
export const DATA_COMMAND_HELP =
  'run `npm run data` (downloads the official archive) or `npm run data -- --from PATH` ' +
  '(PATH = a local cifar-10-binary.tar.gz or a folder with the .bin files)';

/** Last path component of a file name ('cifar-10-batches-bin/test_batch.bin' → 'test_batch.bin'). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** True when a name looks like a gzip-compressed tarball (.tar.gz or .tgz). */
export function isArchiveName(name: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(name);
}
