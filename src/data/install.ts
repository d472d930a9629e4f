/**
 * Node-only: put a verified copy of CIFAR-10 into a target folder (what `npm run data` does).
 * Sources: the official archive downloaded from the dataset page (MD5-checked), a local archive
 * (MD5-checked), or a folder of .bin files (validated by parsing: sizes, labels, 10 names).
 * Written to a temporary sibling folder and renamed, so a failure never leaves a half-written target.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertGzip } from './archive';
import { assembleCollected, collectCifar10Files, type NamedBytes } from './assemble';
import { ARCHIVE_FILE, ARCHIVE_MD5, ARCHIVE_URL, CIFAR10_FILES, DATA_COMMAND_HELP } from './files';
import { readCifar10Folder } from './node';

/** Options of {@link installCifar10}. */
export interface InstallOptions {
  /** Target folder (created; replaced only by a complete, validated copy). */
  outDir: string;
  /** Local archive or folder; when absent, the archive is downloaded from `url`. */
  from?: string;
  /** Source URL of the archive (default: the official one). Tests point it at a local server. */
  url?: string;
  /** Expected MD5 of an archive (default: the official archive's). Tests use their own. */
  md5?: string;
  /** Records per .bin file (default 10,000). Tests with small synthetic files set it lower. */
  recordsPerFile?: number;
  /** Progress lines ("already valid", "verified MD5", …). */
  log?: (line: string) => void;
  /** Download progress in bytes (total 0 when the server sends no Content-Length). */
  onDownload?: (loadedBytes: number, totalBytes: number) => void;
}

/** One file of manifest.json. */
export interface ManifestFile {
  name: string;
  /** Size in bytes. */
  size: number;
  /** Hex sha256 of the file. */
  sha256: string;
}

/** manifest.json written next to the files; the browser loader uses it for totals and cache keys. */
export interface Manifest {
  dataset: 'CIFAR-10 binary version';
  source: string;
  createdAt: string;
  totalBytes: number;
  files: ManifestFile[];
}

/** Result of {@link installCifar10}. */
export interface InstallResult {
  status: 'already-valid' | 'installed';
  outDir: string;
  manifest: Manifest;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

/**
 * Checks a target folder against its manifest.json (all seven files present with the listed size
 * and sha256). Returns the manifest when valid, else the reason it is not.
 */
export function checkInstalled(outDir: string): { ok: true; manifest: Manifest } | { ok: false; reason: string } {
  const manifestPath = path.join(outDir, 'manifest.json');
  if (!existsSync(manifestPath)) return { ok: false, reason: `${manifestPath} is missing` };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (e) {
    return { ok: false, reason: `${manifestPath} is not valid JSON (${(e as Error).message})` };
  }
  for (const name of CIFAR10_FILES) {
    const entry = manifest.files?.find((f) => f.name === name);
    const file = path.join(outDir, name);
    if (!entry) return { ok: false, reason: `manifest.json does not list ${name}` };
    if (!existsSync(file)) return { ok: false, reason: `${file} is missing` };
    if (statSync(file).size !== entry.size) return { ok: false, reason: `${file} has the wrong size` };
    if (sha256(readFileSync(file)) !== entry.sha256) return { ok: false, reason: `${file} does not match its sha256` };
  }
  return { ok: true, manifest };
}

/**
 * Refuses a target we would destroy: a plain file at the path, or a folder holding anything but
 * our own seven files and manifest.json (a stale or partial copy of ours may be replaced).
 * @throws Error naming the path and the foreign entries.
 */
export function assertReplaceableTarget(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) {
    throw new Error(`target ${outDir} is a file, not a folder: choose an empty or new folder with --out`);
  }
  const ours = new Set([...CIFAR10_FILES, 'manifest.json']);
  const foreign = readdirSync(outDir).filter((name) => !ours.has(name));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} in all)` : '');
    throw new Error(
      `target ${outDir} holds files that are not CIFAR-10 (${shown}): nothing was changed; choose an empty or new folder with --out`,
    );
  }
}

/**
 * Downloads a URL into memory, reporting bytes. Throws on HTTP errors, network errors and a body
 * shorter than Content-Length.
 */
async function download(url: string, onDownload?: (loaded: number, total: number) => void): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    const cause = (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message;
    throw new Error(`download of ${url} failed (${cause}); without internet use \`npm run data -- --from PATH\``, { cause: e });
  }
  if (!res.ok || !res.body) throw new Error(`download of ${url} failed: HTTP ${res.status} ${res.statusText}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      loaded += chunk.length;
      onDownload?.(loaded, total);
    }
  } catch (e) {
    throw new Error(`download of ${url} broke off after ${loaded} bytes (${(e as Error).message})`, { cause: e });
  }
  if (total > 0 && loaded !== total) {
    throw new Error(`download of ${url} is incomplete: ${loaded} of ${total} bytes`);
  }
  return Buffer.concat(chunks);
}

/** Checks that an archive is gzip, then its MD5. */
function checkArchive(bytes: Uint8Array, name: string, expected: string): void {
  assertGzip(bytes, name);
  const got = md5(bytes);
  if (got !== expected.toLowerCase()) {
    throw new Error(
      `${name}: MD5 ${got} does not match the official ${ARCHIVE_FILE} (${expected}): the archive is corrupt, ` +
        'incomplete or not the official one (a folder of .bin files can be given with --from instead)',
    );
  }
}

/**
 * Fills `outDir` with the six .bin files, batches.meta.txt and manifest.json (names, sizes, sha256).
 * Leaves an already-valid target alone. Validates everything (MD5 of an archive; parsing of all
 * records: sizes, labels < 10, 10 class names) before writing; writes into `${outDir}.partial-<pid>`
 * and renames it into place.
 *
 * @throws Error with a one-line reason: a target holding foreign files or a file at the target
 *   path (see {@link assertReplaceableTarget}), a missing `from`, missing/empty source folder, non-gzip or truncated archive,
 *   wrong MD5, archive without the expected members, bad batch file, download failure, write failure.
 */
export async function installCifar10(options: InstallOptions): Promise<InstallResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);
  if (options.from !== undefined && !existsSync(path.resolve(options.from))) {
    throw new Error(`CIFAR-10 folder or archive ${path.resolve(options.from)} (--from) does not exist: ${DATA_COMMAND_HELP}`);
  }
  assertReplaceableTarget(outDir);
  const existing = checkInstalled(outDir);
  if (existing.ok) {
    log(`${outDir} is already valid (7 files match manifest.json); nothing to do`);
    return { status: 'already-valid', outDir, manifest: existing.manifest };
  }
  const expectedMd5 = options.md5 ?? ARCHIVE_MD5;

  let inputs: NamedBytes[];
  let source: string;
  if (options.from !== undefined) {
    const from = path.resolve(options.from);
    if (existsSync(from) && statSync(from).isFile()) {
      const buf = readFileSync(from);
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      checkArchive(bytes, from, expectedMd5);
      log(`${from}: MD5 verified`);
      inputs = [{ name: from, bytes }];
    } else {
      inputs = readCifar10Folder(from);
      if (inputs.length === 1) {
        checkArchive(inputs[0].bytes, inputs[0].name, expectedMd5);
        log(`${inputs[0].name}: MD5 verified`);
      }
    }
    source = from;
  } else {
    const url = options.url ?? ARCHIVE_URL;
    log(`downloading ${url}`);
    const bytes = await download(url, options.onDownload);
    checkArchive(bytes, url, expectedMd5);
    log(`MD5 verified (${expectedMd5})`);
    inputs = [{ name: url, bytes }];
    source = url;
  }

  // Validate by parsing every record (sizes, labels, meta), then write the raw member bytes.
  const members = collectCifar10Files(inputs);
  const dataset = assembleCollected(members, { recordsPerFile: options.recordsPerFile });
  log(`validated ${dataset.train.count} train + ${dataset.test.count} test records, classes ${dataset.classNames.join(', ')}`);

  const files: ManifestFile[] = CIFAR10_FILES.map((name) => {
    const bytes = members.get(name)!.bytes;
    return { name, size: bytes.length, sha256: sha256(bytes) };
  });
  const manifest: Manifest = {
    dataset: 'CIFAR-10 binary version',
    source,
    createdAt: new Date().toISOString(),
    totalBytes: files.reduce((s, f) => s + f.size, 0),
    files,
  };
  const tmp = `${outDir}.partial-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp, { recursive: true });
    for (const name of CIFAR10_FILES) writeFileSync(path.join(tmp, name), members.get(name)!.bytes);
    writeFileSync(path.join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
    throw new Error(`could not write ${outDir}: ${(e as Error).message}`, { cause: e });
  }
  log(`wrote ${outDir} (${CIFAR10_FILES.length} files + manifest.json, ${manifest.totalBytes} bytes)`);
  return { status: 'installed', outDir, manifest };
}
