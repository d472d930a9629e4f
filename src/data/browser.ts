/**
 * Loading CIFAR-10 in the browser: fetch the seven files from the app's own path (with byte
 * progress), verify them against the server's manifest and cache the parsed dataset in IndexedDB
 * (./cache), or take dropped/picked files.
 * DOM-free: only fetch, Blob and IndexedDB, so it runs inside a Web Worker (and in Node tests with
 * fake-indexeddb).
 */
import { assembleCifar10, type NamedBytes } from './assemble';
import { clearCachedDatasets, readCachedDataset, storeCachedDataset, storageFigures } from './cache';
import { canHash, sha256Hex } from './checksum';
import { CIFAR10_FILES, DATA_COMMAND_HELP } from './files';
import type { CacheReport, Cifar10Dataset, LoadProgress } from './types';
import { readChosenFile } from './fileRead';

/** Options of the loaders. */
export interface LoadOptions {
  /** Use the IndexedDB cache (default true where `indexedDB` exists). */
  cache?: boolean;
  /** Records per .bin file (default 10,000); tests with small synthetic files set it lower. */
  recordsPerFile?: number;
}

/** One entry of `manifest.json`, written by `npm run data` next to the files. */
export interface ManifestEntry {
  name: string;
  size: number;
  sha256: string;
}

/** A dataset loaded from a URL: where it came from and what happened with the cache. */
export interface UrlLoadResult {
  dataset: Cifar10Dataset;
  origin: 'network' | 'cache';
  cache: CacheReport;
}

/** The message shown when the dataset is not where the page looks for it. */
function notFoundMessage(baseUrl: string, detail: string): string {
  return (
    `CIFAR-10 not found at ${baseUrl} (${detail}). To serve it with the app, ${DATA_COMMAND_HELP}, ` +
    'then reload; or drop cifar-10-binary.tar.gz or the seven files (data_batch_1…5.bin, test_batch.bin, ' +
    'batches.meta.txt) on this page.'
  );
}

/** `url` with a trailing slash (the base the cache keys and file URLs use). */
export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The served manifest.json's entries (name, size in bytes, sha256), or null when absent, offline or invalid. */
export async function fetchManifest(base: string): Promise<ManifestEntry[] | null> {
  try {
    const res = await fetch(`${base}manifest.json`);
    if (!res.ok) return null;
    const json = (await res.json()) as { files?: ManifestEntry[] };
    const files = json.files;
    if (!Array.isArray(files) || !CIFAR10_FILES.every((n) => files.some((f) => f.name === n))) return null;
    return files;
  } catch {
    return null; // offline, or an HTML fallback page instead of JSON
  }
}

/**
 * Reads a stream to the end, calling `onChunk(bytes)` per chunk; returns the concatenated bytes.
 * A short read (connection cut) is caught later by the parser's size checks; Content-Length is not
 * compared because a server may send a compressed body.
 */
async function readAll(stream: ReadableStream<Uint8Array>, onChunk: (n: number) => void): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onChunk(value.length);
  }
  if (chunks.length === 1 && chunks[0].byteOffset === 0) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** At most this many files are downloaded at once (below the browser's 6 connections per host). */
export const MAX_PARALLEL_FETCHES = 3;

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * GETs one data file; throws the "not found" message (with the command to run) on HTTP 404 or an
 * HTML fallback page, and an Error naming the URL on other failures.
 */
async function fetchDataFile(base: string, name: string): Promise<Response> {
  const url = `${base}${name}`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`could not fetch ${url}: ${(e as Error).message}`, { cause: e });
  }
  const html = (res.headers.get('content-type') ?? '').includes('text/html');
  if (res.status === 404 || (res.ok && html)) {
    await res.body?.cancel();
    throw new Error(notFoundMessage(base, `HTTP ${res.status === 404 ? 404 : 'page instead of data'} for ${name}`));
  }
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}`);
  return res;
}

/** Sum of the seven files' Content-Length from HEAD requests; 0 when any is unknown or fails. */
async function totalFromHeads(base: string): Promise<number> {
  try {
    const lengths = await Promise.all(
      CIFAR10_FILES.map(async (name) => {
        const res = await fetch(`${base}${name}`, { method: 'HEAD' });
        return res.ok ? Number(res.headers.get('content-length') ?? 0) : 0;
      }),
    );
    return lengths.every((l) => l > 0) ? lengths.reduce((a, b) => a + b, 0) : 0;
  } catch {
    return 0;
  }
}

/**
 * Checks each downloaded file against the manifest's sha256 (when there is a manifest) and returns
 * the files' sha256 in CIFAR10_FILES order, or null when this page cannot hash (not a secure context).
 * @throws Error naming the file, both digests and the command that rewrites the served copy.
 */
async function verifyFiles(files: NamedBytes[], manifest: ManifestEntry[] | null): Promise<string[] | null> {
  if (!canHash()) return null;
  const signature: string[] = [];
  for (const name of CIFAR10_FILES) {
    const got = await sha256Hex(files.find((f) => f.name === name)!.bytes);
    const expected = manifest?.find((f) => f.name === name)?.sha256;
    if (expected !== undefined && expected !== got) {
      throw new Error(
        `${name} as served does not match manifest.json (sha256 ${got.slice(0, 12)}… instead of ${expected.slice(0, 12)}…): ` +
          `the server's copy is damaged or was changed; ${DATA_COMMAND_HELP} again, then reload. Nothing was cached.`,
      );
    }
    signature.push(got);
  }
  return signature;
}

/**
 * Loads CIFAR-10 from `${baseUrl}` (e.g. 'data/cifar10/', filled by `npm run data`): the IndexedDB
 * cache first — served only when its signature (the files' sha256) equals the server's
 * manifest.json, or when the server sends no manifest (offline) — else the seven files fetched (at
 * most MAX_PARALLEL_FETCHES at once) with byte progress (totals from manifest.json, else
 * Content-Length; 0 when unknown), checked against the manifest's sha256, parsed, and stored in the
 * cache in ≤ 32 MiB chunks (src/data/cache.ts). A stale cached copy is deleted, never served.
 *
 * @param onProgress Called with phase 'cache' | 'download' | 'parse' | 'done' and bytes (loaded/total).
 * @returns the dataset (NHWC uint8), where it came from, and the cache outcome (why it is not cached).
 * @throws Error telling the exact command (`npm run data`, `npm run data -- --from PATH`) or the
 *   drop option when the files are not found (HTTP 404 or an HTML fallback page); Error naming the
 *   URL for other HTTP failures; Error naming the file when its sha256 differs from the manifest;
 *   parse errors naming the file (see assembleCifar10).
 */
export async function loadCifar10FromUrl(
  baseUrl: string,
  onProgress: (p: LoadProgress) => void,
  options: LoadOptions = {},
): Promise<UrlLoadResult> {
  const base = withSlash(baseUrl);
  const manifest = await fetchManifest(base);
  const expected = manifest ? CIFAR10_FILES.map((n) => manifest.find((f) => f.name === n)!.sha256) : null;
  const useCache = options.cache !== false && typeof indexedDB !== 'undefined';
  let unavailable: string | null = useCache ? null : 'caching is off';
  if (useCache) {
    const t0 = performance.now();
    const hit = await readCachedDataset(base, (sig) => expected === null || sig.join(',') === expected.join(','));
    if ('dataset' in hit) {
      onProgress({ phase: 'cache', loadedBytes: hit.downloadedBytes, totalBytes: hit.downloadedBytes });
      onProgress({ phase: 'done', loadedBytes: hit.downloadedBytes, totalBytes: hit.downloadedBytes });
      const remark =
        expected === null
          ? `the server sent no manifest.json, so this copy (cached ${new Date(hit.storedAt).toISOString().slice(0, 10)}) was not compared with it`
          : undefined;
      return {
        dataset: hit.dataset,
        origin: 'cache',
        cache: { state: 'hit', ms: performance.now() - t0, ...(remark ? { reason: remark } : {}), ...(await storageFigures()) },
      };
    }
    if (hit.miss.startsWith('unavailable: ')) unavailable = hit.miss.slice('unavailable: '.length);
  }
  // Totals from the manifest, else from HEAD requests (Content-Length; 0 when unknown). Bodies are
  // then fetched and read at most MAX_PARALLEL_FETCHES at a time, each read as soon as its own
  // response arrives: a browser allows only 6 HTTP/1.1 connections per host, so waiting for all
  // seven responses before reading any body would deadlock. The tiny meta file goes first, so a
  // missing dataset is reported before any large download starts.
  const totalBytes = manifest
    ? manifest.filter((f) => CIFAR10_FILES.includes(f.name)).reduce((s, f) => s + f.size, 0)
    : await totalFromHeads(base);
  const order = [...CIFAR10_FILES].sort((x, y) => Number(y.endsWith('.txt')) - Number(x.endsWith('.txt')));
  let loadedBytes = 0;
  const files: NamedBytes[] = await mapLimit(order, MAX_PARALLEL_FETCHES, async (name) => {
    const res = await fetchDataFile(base, name);
    const bytes = await readAll(res.body!, (n) => {
      loadedBytes += n;
      onProgress({ phase: 'download', loadedBytes, totalBytes, file: name });
    });
    return { name, bytes };
  });
  onProgress({ phase: 'parse', loadedBytes, totalBytes });
  const signature = await verifyFiles(files, manifest);
  const dataset = assembleCifar10(files, { recordsPerFile: options.recordsPerFile });
  let cache: CacheReport;
  if (unavailable !== null) cache = { state: 'not-stored', reason: unavailable, ...(await storageFigures()) };
  else if (signature === null) {
    cache = {
      state: 'not-stored',
      reason: 'this page is not a secure context (https or localhost), so the files cannot be checked against their sha256',
      ...(await storageFigures()),
    };
  } else cache = await storeCachedDataset(base, dataset, signature, loadedBytes);
  onProgress({ phase: 'done', loadedBytes, totalBytes });
  return { dataset, origin: 'network', cache };
}

/**
 * Loads CIFAR-10 from files dropped on the page or picked: the official cifar-10-binary.tar.gz,
 * or the seven loose files (other files are ignored). Reports byte progress while reading.
 *
 * @throws the errors of assembleCifar10 (each names the file: missing, twice, truncated, …), and
 *   an Error naming a file that could not be read (moved or deleted after it was chosen).
 */
export async function loadCifar10FromFiles(
  files: ReadonlyArray<Blob & { name: string }>,
  onProgress: (p: LoadProgress) => void,
  options: LoadOptions = {},
): Promise<Cifar10Dataset> {
  const totalBytes = files.reduce((s, f) => s + f.size, 0);
  let loadedBytes = 0;
  const named: NamedBytes[] = [];
  for (const f of files) {
    named.push({
      name: f.name,
      bytes: await readChosenFile(f.name, () =>
        readAll(f.stream(), (n) => {
          loadedBytes += n;
          onProgress({ phase: 'download', loadedBytes, totalBytes, file: f.name });
        }),
      ),
    });
  }
  onProgress({ phase: 'parse', loadedBytes, totalBytes });
  const dataset = assembleCifar10(named, { recordsPerFile: options.recordsPerFile });
  onProgress({ phase: 'done', loadedBytes, totalBytes });
  return dataset;
}

/**
 * Deletes the cached dataset of one base URL, or all cached datasets when none is given.
 * @throws the browser's error when IndexedDB cannot be opened.
 */
export async function clearCifar10Cache(baseUrl?: string): Promise<void> {
  await clearCachedDatasets(baseUrl === undefined ? undefined : withSlash(baseUrl));
}
