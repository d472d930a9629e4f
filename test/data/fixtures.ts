/**
 * Test fixtures for the data layer: the real dataset from CIFAR10_DIR (parsed once per test file)
 * and small synthetic batch files / archives for the bad-input and plumbing tests.
 */
import { gzipSync } from 'fflate';
import { createTar } from 'nanotar';
import type { Cifar10Dataset, NamedBytes } from '../../src/data';
import { loadCifar10FromDir, resolveCifar10Dir } from '../../src/data/node';

let real: Promise<Cifar10Dataset> | null = null;

/** The real CIFAR-10 from CIFAR10_DIR (default ../shared/cifar10), parsed once per test file. */
export function realDataset(): Promise<Cifar10Dataset> {
  real ??= loadCifar10FromDir(resolveCifar10Dir());
  return real;
}

/** The seven official file names. */
export const NAMES = [
  'data_batch_1.bin',
  'data_batch_2.bin',
  'data_batch_3.bin',
  'data_batch_4.bin',
  'data_batch_5.bin',
  'test_batch.bin',
  'batches.meta.txt',
];

/** Official meta file text (ten names + trailing empty line). */
export const META_TEXT = 'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n';

/**
 * A synthetic batch file of `records` records: label (i + salt) % 10, pixel byte at plane offset p of
 * channel c = (i·7 + c·50 + p + salt) % 256.
 */
export function syntheticBatch(records: number, salt: number): Uint8Array {
  const bytes = new Uint8Array(records * 3073);
  for (let i = 0; i < records; i++) {
    bytes[i * 3073] = (i + salt) % 10;
    for (let c = 0; c < 3; c++) {
      for (let p = 0; p < 1024; p++) bytes[i * 3073 + 1 + c * 1024 + p] = (i * 7 + c * 50 + p + salt) % 256;
    }
  }
  return bytes;
}

/** The seven files with synthetic batches of `records` records each (distinct bytes per file). */
export function syntheticFiles(records: number): NamedBytes[] {
  return NAMES.map((name, k) => ({
    name,
    bytes: name.endsWith('.txt') ? new TextEncoder().encode(META_TEXT) : syntheticBatch(records, k),
  }));
}

/** A .tar.gz holding the given files under `prefix` (the official archive uses cifar-10-batches-bin/). */
export function tarGz(files: NamedBytes[], prefix = 'cifar-10-batches-bin/'): Uint8Array {
  const tar = createTar([{ name: prefix }, ...files.map((f) => ({ name: `${prefix}${f.name}`, data: f.bytes }))]);
  return gzipSync(tar, { level: 1 });
}
