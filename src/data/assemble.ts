/**
 * Assembling the dataset from the seven files of the binary version (or the archive holding them).
 * DOM-free and Node-free.
 */
import { extractCifar10Archive } from './archive';
import { baseName, CIFAR10_FILES, isArchiveName, META_FILE, RECORDS_PER_FILE, TEST_FILE, TRAIN_FILES } from './files';
import { countRecords, decodeBatchInto, parseMetaFile } from './parse';
import { CIFAR10_RECORD_BYTES, type Cifar10Dataset, type Cifar10Split } from './types';

/** A named file, as read from disk, fetched, or dropped on the page. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Options of {@link assembleCifar10}. */
export interface AssembleOptions {
  /**
   * Records each .bin file must hold (default 10,000, the official count; a file cut at a record
   * boundary is reported as truncated). Tests with small synthetic files set it lower.
   */
  recordsPerFile?: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** True when two byte arrays are identical (cheap length and first-record test first). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const head = Math.min(a.length, CIFAR10_RECORD_BYTES);
  for (let i = 0; i < head; i++) if (a[i] !== b[i]) return false;
  for (let i = head; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Collects the seven dataset files from loose files and/or archives, keyed by base name.
 * Files with other names (a README, verify.sh, readme.html) are ignored.
 *
 * @throws Error when no file is given, when a name occurs twice (also between an archive and a
 *   loose file), when two batch files have identical bytes, or when any of the seven is missing.
 */
export function collectCifar10Files(files: ReadonlyArray<NamedBytes>): Map<string, { bytes: Uint8Array; from: string }> {
  if (files.length === 0) {
    throw new Error(`no files given: expected cifar-10-binary.tar.gz or the seven files ${CIFAR10_FILES.join(', ')}`);
  }
  const wanted = new Set(CIFAR10_FILES);
  const found = new Map<string, { bytes: Uint8Array; from: string }>();
  const seenInputs = new Set<string>();
  const add = (name: string, bytes: Uint8Array, from: string): void => {
    const prev = found.get(name);
    if (prev) {
      throw new Error(`${name} was given twice (${prev.from} and ${from}): give each file once`);
    }
    found.set(name, { bytes, from });
  };
  const ignored: string[] = [];
  for (const f of files) {
    if (seenInputs.has(f.name)) {
      throw new Error(`${f.name} was given twice: give each file once`);
    }
    seenInputs.add(f.name);
    const name = baseName(f.name);
    if (isArchiveName(name) || (!wanted.has(name) && isGzip(f.bytes))) {
      for (const [member, bytes] of extractCifar10Archive(f.bytes, f.name)) add(member, bytes, `${f.name}:${member}`);
    } else if (wanted.has(name)) {
      add(name, f.bytes, f.name);
    } else {
      ignored.push(f.name);
    }
  }
  const missing = CIFAR10_FILES.filter((n) => !found.has(n));
  if (missing.length > 0) {
    throw new Error(
      `missing ${missing.join(', ')} (got ${[...found.keys(), ...ignored].join(', ') || 'nothing usable'}); ` +
        `expected cifar-10-binary.tar.gz or the seven files ${CIFAR10_FILES.join(', ')}`,
    );
  }
  const bins = [...TRAIN_FILES, TEST_FILE];
  for (let i = 0; i < bins.length; i++) {
    for (let j = 0; j < i; j++) {
      if (sameBytes(found.get(bins[i])!.bytes, found.get(bins[j])!.bytes)) {
        throw new Error(`${bins[i]} has the same bytes as ${bins[j]}: the same file was given twice under two names`);
      }
    }
  }
  return found;
}

/**
 * Builds the dataset: train = data_batch_1…5 concatenated in order (50,000 records), test =
 * test_batch (10,000), class names from batches.meta.txt. Images are NHWC uint8 [N,32,32,3]
 * (≈184 MB for both splits, never float32); the input buffers may be released afterwards.
 *
 * @param files The five data_batch_k.bin + test_batch.bin + batches.meta.txt, or the official
 *   cifar-10-binary.tar.gz (or both kinds, as long as no file occurs twice). Other names are ignored.
 * @throws Error naming the file for: a missing member, a file given twice, a size that is not a
 *   multiple of 3,073, a record count ≠ `recordsPerFile` (truncated), a label ≥ 10, a meta file with
 *   ≠ 10 names, a non-gzip or truncated archive.
 */
export function assembleCifar10(files: ReadonlyArray<NamedBytes>, options: AssembleOptions = {}): Cifar10Dataset {
  return assembleCollected(collectCifar10Files(files), options);
}

/**
 * {@link assembleCifar10} on files already collected by {@link collectCifar10Files} (the install
 * step validates the members it is about to write without unpacking the archive twice).
 */
export function assembleCollected(
  found: ReadonlyMap<string, { bytes: Uint8Array; from: string }>,
  options: AssembleOptions = {},
): Cifar10Dataset {
  const perFile = options.recordsPerFile ?? RECORDS_PER_FILE;
  const get = (name: string): { bytes: Uint8Array; from: string } => found.get(name)!;

  const checkCount = (name: string): number => {
    const { bytes, from } = get(name);
    const count = countRecords(bytes, from);
    if (count !== perFile) {
      throw new Error(
        `${from}: ${fmt(count)} records (${fmt(bytes.length)} bytes), expected ${fmt(perFile)} ` +
          `(${fmt(perFile * CIFAR10_RECORD_BYTES)} bytes): the file is truncated or not an official batch`,
      );
    }
    return count;
  };
  // Validate all sizes before allocating the 150 MB train buffer.
  const trainCounts = TRAIN_FILES.map(checkCount);
  const testCount = checkCount(TEST_FILE);
  const classNames = parseMetaFile(new TextDecoder().decode(get(META_FILE).bytes), get(META_FILE).from);

  const trainTotal = trainCounts.reduce((a, b) => a + b, 0);
  const train: Cifar10Split = {
    images: new Uint8Array(trainTotal * (CIFAR10_RECORD_BYTES - 1)),
    labels: new Uint8Array(trainTotal),
    count: trainTotal,
  };
  let at = 0;
  for (const name of TRAIN_FILES) at += decodeBatchInto(get(name).bytes, get(name).from, train, at);
  const test: Cifar10Split = {
    images: new Uint8Array(testCount * (CIFAR10_RECORD_BYTES - 1)),
    labels: new Uint8Array(testCount),
    count: testCount,
  };
  decodeBatchInto(get(TEST_FILE).bytes, get(TEST_FILE).from, test, 0);
  return { train, test, classNames };
}
