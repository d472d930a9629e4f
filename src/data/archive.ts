/**
 * Reading the official archive `cifar-10-binary.tar.gz` (gzip via fflate, tar via nanotar).
 * DOM-free and Node-free: runs in the page, in a Web Worker and in Node.
 */
import { Gunzip } from 'fflate';
import { parseTar, type ParsedTarFileItem } from 'nanotar';
import { baseName, CIFAR10_FILES } from './files';

/** Largest tar we accept (bytes); the official one is 184,320,000 + headers. */
const MAX_TAR_BYTES = 1 << 30;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Checks the gzip magic bytes (1f 8b) of a file meant to be the archive.
 *
 * @throws Error naming the file and its first bytes when it is not gzip (or too short to be).
 */
export function assertGzip(gz: Uint8Array, fileName: string): void {
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b) {
    throw new Error(
      `${fileName}: not a gzip file (starts with ${hex(gz.subarray(0, 4)) || 'nothing'}; a .tar.gz starts with 1f 8b): ` +
        'give the official cifar-10-binary.tar.gz or the loose .bin files',
    );
  }
}

/**
 * Gunzips `gz` in a stream, refusing output beyond `maxBytes` (bytes) as soon as it is reached.
 * @throws Error naming the file: too large, or a truncated/corrupt gzip stream.
 */
function gunzipBounded(gz: Uint8Array, fileName: string, guess: number, maxBytes: number): Uint8Array {
  let out = new Uint8Array(Math.min(guess, maxBytes));
  let length = 0;
  let tooLarge = false;
  let ended = false;
  const stream = new Gunzip((chunk, final) => {
    if (final) ended = true;
    if (tooLarge) return;
    if (length + chunk.length > maxBytes) {
      tooLarge = true;
      return;
    }
    if (length + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, length + chunk.length)));
      grown.set(out.subarray(0, length));
      out = grown;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    // Fed in 1 MiB pieces, so a bomb stops within one piece's output past the limit.
    const piece = 1 << 20;
    for (let i = 0; i < gz.length && !tooLarge; i += piece) stream.push(gz.subarray(i, i + piece), i + piece >= gz.length);
  } catch (e) {
    throw new Error(`${fileName}: the gzip stream is truncated or corrupt (${(e as Error).message})`, { cause: e });
  }
  if (tooLarge) {
    throw new Error(
      `${fileName} is too large: it unpacks to more than ${(maxBytes / 2 ** 20).toFixed(0)} MiB ` +
        '(the CIFAR-10 archive unpacks to about 185 MB); it is not the CIFAR-10 archive',
    );
  }
  if (!ended) throw new Error(`${fileName}: the gzip stream is truncated or corrupt (unexpected end of data)`);
  return out.subarray(0, length);
}

/**
 * Gunzips a .tar.gz and returns its regular-file members by base name
 * (`cifar-10-batches-bin/test_batch.bin` → `test_batch.bin`). Directory entries and members
 * that are not among the dataset's seven files (e.g. `readme.html`) are skipped.
 *
 * @param gz The whole archive.
 * @param fileName Used in error messages only.
 * @returns Map from the seven expected names (data_batch_1…5.bin, test_batch.bin, batches.meta.txt)
 *   to their bytes (views into the unpacked tar).
 * @throws Error naming the archive when it is not gzip (magic bytes ≠ 1f 8b), when the gzip stream
 *   is truncated or corrupt, when the tar is truncated or empty, when an expected member appears
 *   twice, when expected members are missing (listed), or when it unpacks to more than `maxBytes`
 *   (default 1 GiB; a gzip bomb is "too large", not an allocation failure).
 */
export function extractCifar10Archive(gz: Uint8Array, fileName: string, maxBytes = MAX_TAR_BYTES): Map<string, Uint8Array> {
  assertGzip(gz, fileName);
  // ISIZE (last 4 bytes) sizes the output; a truncated file has garbage there, so clamp it
  // (fflate grows the buffer when the guess is too small).
  const n = gz.length;
  const isize = (gz[n - 4] | (gz[n - 3] << 8) | (gz[n - 2] << 16) | (gz[n - 1] << 24)) >>> 0;
  const guess = isize > 0 && isize <= MAX_TAR_BYTES ? isize : Math.min(n * 4, MAX_TAR_BYTES);
  let tar = gunzipBounded(gz, fileName, guess, maxBytes);
  // nanotar reads `data.buffer` from offset 0: hand it a tight buffer.
  if (tar.byteOffset !== 0 || tar.byteLength !== tar.buffer.byteLength) tar = tar.slice();

  let items: ParsedTarFileItem[];
  try {
    items = parseTar(tar) as ParsedTarFileItem[];
  } catch (e) {
    throw new Error(`${fileName}: the tar inside is truncated or corrupt (${(e as Error).message})`, { cause: e });
  }
  const wanted = new Set(CIFAR10_FILES);
  const members = new Map<string, Uint8Array>();
  for (const item of items) {
    if (item.type !== 'file' && item.type !== 'contiguousFile') continue;
    const name = baseName(item.name);
    if (!wanted.has(name)) continue;
    if (members.has(name)) {
      throw new Error(`${fileName}: the archive holds ${name} twice`);
    }
    members.set(name, item.data ?? new Uint8Array(0));
  }
  const missing = CIFAR10_FILES.filter((f) => !members.has(f));
  if (missing.length > 0) {
    const found = items.filter((i) => i.type === 'file').map((i) => i.name);
    throw new Error(
      `${fileName}: the archive lacks ${missing.join(', ')} ` +
        `(it holds ${found.length === 0 ? 'no files' : found.slice(0, 10).join(', ') + (found.length > 10 ? ', …' : '')}); ` +
        'expected the official cifar-10-binary.tar.gz',
    );
  }
  return members;
}
