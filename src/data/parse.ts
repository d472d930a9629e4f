/**
 * Parsing of the CIFAR-10 binary version (Krizhevsky 2009, "binary version" on the dataset page):
 * records of <1 byte label><1024 bytes R><1024 bytes G><1024 bytes B>, each plane 32×32 row-major.
 * Pure byte work: no tfjs, no DOM, no Node APIs.
 */
import { CIFAR10_CHANNELS, CIFAR10_CLASSES, CIFAR10_RECORD_BYTES, CIFAR10_SIZE, type Cifar10Split } from './types';

/** The ten official class names, index = label byte. */
export const CLASS_NAMES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

const PLANE = CIFAR10_SIZE * CIFAR10_SIZE;
const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Checks the size of a batch file and returns its record count.
 *
 * @throws Error naming the file when it is empty or its size is not a multiple of 3,073 bytes.
 */
export function countRecords(bytes: Uint8Array, fileName: string): number {
  if (bytes.length === 0) {
    throw new Error(`${fileName}: the file is empty (expected records of ${fmt(CIFAR10_RECORD_BYTES)} bytes)`);
  }
  const rest = bytes.length % CIFAR10_RECORD_BYTES;
  if (rest !== 0) {
    const whole = Math.floor(bytes.length / CIFAR10_RECORD_BYTES);
    throw new Error(
      `${fileName}: size ${fmt(bytes.length)} bytes is not a multiple of ${fmt(CIFAR10_RECORD_BYTES)} ` +
        `(${fmt(whole)} whole records + ${fmt(rest)} bytes): the file is truncated or is not a CIFAR-10 batch`,
    );
  }
  return bytes.length / CIFAR10_RECORD_BYTES;
}

/**
 * Decodes every record of a batch file into a destination split, starting at record `at`
 * (planar R,G,B → interleaved NHWC). Used to fill the 50,000-image train split without an
 * intermediate copy per file.
 *
 * @param dest images uint8 [≥ at+count, 32, 32, 3] and labels uint8 [≥ at+count].
 * @throws Error as {@link countRecords}, or naming the file and record when a label byte is ≥ 10.
 */
export function decodeBatchInto(
  bytes: Uint8Array,
  fileName: string,
  dest: { images: Uint8Array; labels: Uint8Array },
  at: number,
): number {
  const count = countRecords(bytes, fileName);
  const { images, labels } = dest;
  for (let n = 0; n < count; n++) {
    const rec = n * CIFAR10_RECORD_BYTES;
    const label = bytes[rec];
    if (label >= CIFAR10_CLASSES) {
      throw new Error(`${fileName}: record ${fmt(n)} (byte offset ${fmt(rec)}) has label ${label}; labels must be 0–9`);
    }
    labels[at + n] = label;
    const r = rec + 1;
    const g = r + PLANE;
    const b = g + PLANE;
    let out = (at + n) * PLANE * CIFAR10_CHANNELS;
    for (let p = 0; p < PLANE; p++) {
      images[out] = bytes[r + p];
      images[out + 1] = bytes[g + p];
      images[out + 2] = bytes[b + p];
      out += 3;
    }
  }
  return count;
}

/**
 * Parses one batch file into a split of NHWC uint8 images.
 *
 * Input: `count` records of 3,073 bytes (label, R plane, G plane, B plane; planes row-major).
 * Output: `images` uint8 [count, 32, 32, 3] (NHWC, interleaved RGB), `labels` uint8 [count].
 * The output owns fresh buffers (the input may be released afterwards).
 *
 * @param bytes The whole file.
 * @param fileName Used in error messages only.
 * @throws Error naming the file when it is empty, when its size is not a multiple of 3,073 bytes
 *   (truncated or padded), or when a label byte is ≥ 10 (with the record index).
 */
export function parseBatchFile(bytes: Uint8Array, fileName: string): Cifar10Split {
  const count = countRecords(bytes, fileName);
  const split: Cifar10Split = {
    images: new Uint8Array(count * PLANE * CIFAR10_CHANNELS),
    labels: new Uint8Array(count),
    count,
  };
  decodeBatchInto(bytes, fileName, split, 0);
  return split;
}

/** A class name: 1–40 letters, digits, spaces, '_' or '-' (the official ten are lower-case words). */
const CLASS_NAME = /^[\p{L}\p{N}_ -]{1,40}$/u;

/**
 * Reads `batches.meta.txt`: one class name per line; empty lines (the official file ends with one)
 * and surrounding whitespace / CR are ignored.
 *
 * @returns the ten names in label order.
 * @throws Error naming the file when it does not hold exactly 10 names, or naming the line when
 *   one is not a class name ({@link CLASS_NAME}) or repeats another.
 */
export function parseMetaFile(text: string, fileName: string): string[] {
  const names = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (names.length !== CIFAR10_CLASSES) {
    throw new Error(
      `${fileName}: expected ${CIFAR10_CLASSES} class names (one a line), found ${names.length}` +
        (names.length > 0 ? ` (${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''})` : ''),
    );
  }
  // Lines of HTML, JSON or binary junk are not names (they would silently become the labels).
  const lines = text.split('\n').map((line) => line.trim());
  const lineOf = (name: string, from = 0) => lines.indexOf(name, from) + 1;
  names.forEach((name) => {
    if (!CLASS_NAME.test(name)) {
      const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
      throw new Error(
        `${fileName}: line ${lineOf(name)} ${JSON.stringify(shown)} is not a class name (letters, digits, spaces, '_' or '-', ` +
          'at most 40 characters): is this the CIFAR-10 batches.meta.txt?',
      );
    }
    const first = lineOf(name);
    const again = lineOf(name, first);
    if (again > 0) throw new Error(`${fileName}: class name ${JSON.stringify(name)} appears twice (lines ${first} and ${again})`);
  });
  return names;
}
