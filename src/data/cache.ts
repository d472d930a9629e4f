/**
 * The browser's IndexedDB cache of the parsed CIFAR-10 dataset (idb), stored in pieces.
 *
 * Chromium refuses single IndexedDB values over about 133 MB in a non-persistent (incognito-like)
 * profile, and the parsed dataset is 184 MB, so each of its four arrays is stored as ≤ 32 MiB
 * chunks (records `[baseUrl, part, index]`) next to one small entry per base URL that holds the
 * layout and the signature: the sha256 of the seven files. Everything is written in one
 * transaction (all or nothing) and read back into the final arrays chunk by chunk, one copy each.
 * DOM-free: runs in a Web Worker and in Node tests (fake-indexeddb). See docs/data-cache.md.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { CacheReport, Cifar10Dataset } from './types';

const DB_NAME = 'octconv-lab-cifar10';
/** 1: one value per dataset (refused in some Chromium modes); 2: chunked. */
const DB_VERSION = 2;
const ENTRIES = 'entries';
const CHUNKS = 'chunks';
/** Bytes per stored chunk: well below every browser's single-value limit. */
export const CACHE_CHUNK_BYTES = 32 * 1024 * 1024;

/** The four arrays of a dataset, in the order they are stored. */
const PARTS = ['train.images', 'train.labels', 'test.images', 'test.labels'] as const;
type PartName = (typeof PARTS)[number];

/** What is stored per base URL besides the chunks. */
interface CacheEntry {
  /** sha256 (hex) of the seven files, in CIFAR10_FILES order. */
  signature: string[];
  /** Bytes of the seven files as downloaded (for the progress bar of a cache load). */
  downloadedBytes: number;
  /** Length in bytes of each stored array. */
  lengths: Record<PartName, number>;
  chunkBytes: number;
  trainCount: number;
  testCount: number;
  classNames: string[];
  /** ms since the epoch. */
  storedAt: number;
}

/** A cached dataset read back, with what the entry says about it. */
export interface CachedDataset {
  dataset: Cifar10Dataset;
  signature: string[];
  downloadedBytes: number;
  storedAt: number;
}

function partArray(d: Cifar10Dataset, part: PartName): Uint8Array {
  const [split, field] = part.split('.') as ['train' | 'test', 'images' | 'labels'];
  return d[split][field];
}

/** All chunk keys of one base URL (array keys sort after strings and numbers). */
function chunkRange(base: string): IDBKeyRange {
  return IDBKeyRange.bound([base], [base, []]);
}

/**
 * Opens the cache database, upgrading from version 1 (which dropped its single-value store).
 * @throws the browser's error when IndexedDB is unavailable or blocked (private mode, policy).
 */
async function open(): Promise<IDBPDatabase> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available here');
  return openDB(DB_NAME, DB_VERSION, {
    upgrade(db) {
      for (const old of [...db.objectStoreNames]) if (old !== ENTRIES && old !== CHUNKS) db.deleteObjectStore(old);
      if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES);
      if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS);
    },
  });
}

/** The origin's storage use and quota in bytes (navigator.storage.estimate), when the browser tells. */
export async function storageFigures(): Promise<Pick<CacheReport, 'usageBytes' | 'quotaBytes'>> {
  try {
    const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
    if (!storage?.estimate) return {};
    const { usage, quota } = await storage.estimate();
    return { usageBytes: usage, quotaBytes: quota };
  } catch {
    return {};
  }
}

/** A plain-language reason for a failed open or write, from the DOMException the browser threw. */
export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = (e as { message?: string } | null)?.message ?? String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return "the browser's storage quota for this site is exhausted";
  if (/too large|exceeds|size/i.test(message)) return `the browser refused a value as too large (${message})`;
  if (name === 'InvalidStateError' || name === 'SecurityError' || /not available|denied|blocked/i.test(message)) {
    return `site storage is unavailable here (private browsing, or site data blocked): ${message}`;
  }
  return `the browser refused the write (${name || 'error'}: ${message || 'no detail'})`;
}

/**
 * The signature (sha256 of the seven files, CIFAR10_FILES order) of the copy cached for `base`,
 * or null when none is cached or IndexedDB cannot be opened. Reads only the small entry, no chunks.
 */
export async function cachedSignature(base: string): Promise<string[] | null> {
  try {
    const db = await open();
    try {
      const entry = (await db.get(ENTRIES, base)) as CacheEntry | undefined;
      return entry ? entry.signature : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Reads the cached dataset of `base` when `accept(signature)` says its signature is current.
 * A cached copy that is not accepted, or whose chunks are incomplete, is deleted (replaced on the
 * next store, never served).
 *
 * @returns the dataset, or `{ miss }` with why nothing was served ('none' | 'stale' | 'incomplete' |
 *   'unavailable: <reason>').
 */
export async function readCachedDataset(
  base: string,
  accept: (signature: string[]) => boolean,
): Promise<CachedDataset | { miss: string }> {
  let db: IDBPDatabase;
  try {
    db = await open();
  } catch (e) {
    return { miss: `unavailable: ${describeStorageError(e)}` };
  }
  try {
    const entry = (await db.get(ENTRIES, base)) as CacheEntry | undefined;
    if (!entry) return { miss: 'none' };
    if (!accept(entry.signature)) {
      await deleteEntry(db, base);
      return { miss: 'stale' };
    }
    const tx = db.transaction(CHUNKS, 'readonly');
    const arrays = {} as Record<PartName, Uint8Array>;
    for (const part of PARTS) {
      const length = entry.lengths[part];
      const out = new Uint8Array(length);
      for (let i = 0, at = 0; at < length; i++, at += entry.chunkBytes) {
        const chunk = (await tx.store.get([base, part, i])) as ArrayBuffer | undefined;
        if (!chunk || chunk.byteLength !== Math.min(entry.chunkBytes, length - at)) {
          await deleteEntry(db, base);
          return { miss: 'incomplete' };
        }
        out.set(new Uint8Array(chunk), at);
      }
      arrays[part] = out;
    }
    await tx.done;
    return {
      dataset: {
        train: { images: arrays['train.images'], labels: arrays['train.labels'], count: entry.trainCount },
        test: { images: arrays['test.images'], labels: arrays['test.labels'], count: entry.testCount },
        classNames: entry.classNames,
      },
      signature: entry.signature,
      downloadedBytes: entry.downloadedBytes,
      storedAt: entry.storedAt,
    };
  } finally {
    db.close();
  }
}

async function deleteEntry(db: IDBPDatabase, base: string): Promise<void> {
  const tx = db.transaction([ENTRIES, CHUNKS], 'readwrite');
  await Promise.all([tx.objectStore(CHUNKS).delete(chunkRange(base)), tx.objectStore(ENTRIES).delete(base), tx.done]);
}

/**
 * Stores `dataset` for `base` in one transaction (chunks, then the entry), replacing what was
 * there. Never throws: a refused write leaves the previous state and is reported.
 *
 * @param signature sha256 (hex) of the seven files, in CIFAR10_FILES order.
 * @returns state 'stored' (with the write time in ms) or 'not-stored' with the reason, plus the
 *   storage figures after the attempt.
 */
export async function storeCachedDataset(
  base: string,
  dataset: Cifar10Dataset,
  signature: string[],
  downloadedBytes: number,
): Promise<CacheReport> {
  const t0 = performance.now();
  let db: IDBPDatabase | null = null;
  try {
    db = await open();
    const tx = db.transaction([ENTRIES, CHUNKS], 'readwrite');
    const chunks = tx.objectStore(CHUNKS);
    const requests: Promise<unknown>[] = [chunks.delete(chunkRange(base))];
    const lengths = {} as Record<PartName, number>;
    for (const part of PARTS) {
      const array = partArray(dataset, part);
      lengths[part] = array.length;
      // Each put clones its value at once, so only one chunk's copy is alive at a time.
      for (let i = 0, at = 0; at < array.length; i++, at += CACHE_CHUNK_BYTES) {
        requests.push(chunks.put(array.slice(at, at + CACHE_CHUNK_BYTES).buffer, [base, part, i]));
      }
    }
    const entry: CacheEntry = {
      signature,
      downloadedBytes,
      lengths,
      chunkBytes: CACHE_CHUNK_BYTES,
      trainCount: dataset.train.count,
      testCount: dataset.test.count,
      classNames: dataset.classNames,
      storedAt: Date.now(),
    };
    requests.push(tx.objectStore(ENTRIES).put(entry, base));
    await Promise.all([...requests, tx.done]);
    return { state: 'stored', ms: performance.now() - t0, ...(await storageFigures()) };
  } catch (e) {
    return { state: 'not-stored', reason: describeStorageError(e), ...(await storageFigures()) };
  } finally {
    db?.close();
  }
}

/**
 * Deletes the cached dataset of one base URL, or every cached dataset when none is given.
 * @throws the browser's error when IndexedDB cannot be opened.
 */
export async function clearCachedDatasets(base?: string): Promise<void> {
  const db = await open();
  try {
    if (base === undefined) {
      const tx = db.transaction([ENTRIES, CHUNKS], 'readwrite');
      await Promise.all([tx.objectStore(ENTRIES).clear(), tx.objectStore(CHUNKS).clear(), tx.done]);
    } else {
      await deleteEntry(db, base);
    }
  } finally {
    db.close();
  }
}
