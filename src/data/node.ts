/**
 * Node-only loading of CIFAR-10 from a folder (tests, CLI training, `npm run data`).
 * Not imported by ./index (browser and worker bundles must not pull in node:fs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { assembleCifar10, type AssembleOptions, type NamedBytes } from './assemble';
import { CIFAR10_FILES, DATA_COMMAND_HELP, isArchiveName } from './files';
import type { Cifar10Dataset } from './types';

/** Default data folder, relative to the working directory (the repo root): the shared copy. */
export const DEFAULT_CIFAR10_DIR = '../shared/cifar10';
/** Where `npm run data` puts the files (served to the page as data/cifar10/). */
export const PUBLIC_CIFAR10_DIR = 'public/data/cifar10';

/** Where {@link locateCifar10Dir} found the folder. */
export type Cifar10DirSource = 'CIFAR10_DIR' | typeof DEFAULT_CIFAR10_DIR | typeof PUBLIC_CIFAR10_DIR | 'none';

/**
 * The CIFAR-10 folder and why it was chosen: `env` (default env CIFAR10_DIR) when set (resolved
 * against `cwd`, default process.cwd()), else '../shared/cifar10' when that folder exists, else 'public/data/cifar10' when
 * that exists (filled by `npm start` / `npm run data`), else '../shared/cifar10' with source 'none'
 * (so the error names the documented default). Does not check the contents.
 */
export function locateCifar10Dir(
  cwd: string = process.cwd(),
  env = process.env.CIFAR10_DIR,
): { dir: string; source: Cifar10DirSource } {
  if (env && env.trim() !== '') return { dir: path.resolve(cwd, env), source: 'CIFAR10_DIR' };
  const shared = path.resolve(cwd, DEFAULT_CIFAR10_DIR);
  if (existsSync(shared)) return { dir: shared, source: DEFAULT_CIFAR10_DIR };
  const pub = path.resolve(cwd, PUBLIC_CIFAR10_DIR);
  return existsSync(pub) ? { dir: pub, source: PUBLIC_CIFAR10_DIR } : { dir: shared, source: 'none' };
}

/** The absolute path of {@link locateCifar10Dir}. */
export function resolveCifar10Dir(): string {
  return locateCifar10Dir().dir;
}

/**
 * Reads the dataset files of a folder: the seven loose files when all are there, else the one
 * .tar.gz/.tgz archive in it. Returns them with their full paths as names (for error messages).
 *
 * @throws Error naming the folder (and the command that fills it) when it does not exist, is not a
 *   folder, or holds neither all seven files nor an archive; Error when it holds several archives.
 */
export function readCifar10Folder(dir: string): NamedBytes[] {
  const help = `${DATA_COMMAND_HELP}, or set CIFAR10_DIR to a folder holding them`;
  if (!existsSync(dir)) throw new Error(`CIFAR-10 folder ${dir} does not exist: ${help}`);
  if (!statSync(dir).isDirectory()) throw new Error(`CIFAR-10 folder ${dir} is not a folder: ${help}`);
  const entries = readdirSync(dir);
  const read = (name: string): NamedBytes => {
    if (!statSync(path.join(dir, name)).isFile())
      throw new Error(`CIFAR-10 folder ${dir}: ${name} is a folder, not a file: ${help}`);
    const buf = readFileSync(path.join(dir, name));
    return { name: path.join(dir, name), bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  };
  const loose = CIFAR10_FILES.filter((n) => entries.includes(n));
  if (loose.length === CIFAR10_FILES.length) return loose.map(read);
  const archives = entries.filter(isArchiveName);
  if (archives.length > 1) {
    throw new Error(`CIFAR-10 folder ${dir} holds several archives (${archives.join(', ')}): keep one`);
  }
  if (archives.length === 1) return [read(archives[0])];
  if (loose.length === 0) {
    throw new Error(
      `CIFAR-10 folder ${dir} is empty or holds none of the dataset files (${CIFAR10_FILES.join(', ')} ` +
        `or cifar-10-binary.tar.gz): ${help}`,
    );
  }
  const missing = CIFAR10_FILES.filter((n) => !entries.includes(n));
  throw new Error(`CIFAR-10 folder ${dir} lacks ${missing.join(', ')}: ${help}`);
}

/**
 * Loads CIFAR-10 (NHWC uint8, ≈184 MB) from a folder of the binary version or one holding the
 * official archive. Default folder: {@link resolveCifar10Dir}.
 *
 * @throws the errors of {@link readCifar10Folder} (missing/empty folder, with the exact
 *   `npm run data` / `npm run data -- --from PATH` command) and of assembleCifar10 (bad files).
 */
export async function loadCifar10FromDir(
  dir: string = resolveCifar10Dir(),
  options: AssembleOptions = {},
): Promise<Cifar10Dataset> {
  return assembleCifar10(readCifar10Folder(dir), options);
}
