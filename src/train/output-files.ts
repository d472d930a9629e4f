/**
 * Node-only: the CLI's output files. Checked before the first training step (so a typo in an
 * output path fails in a second, not after an hour of training) and written atomically: to a
 * temporary sibling, then renamed over the target, so a full disk or a kill mid-write never
 * leaves a half-written file in place of the previous one.
 */
import * as fs from 'node:fs';
import path from 'node:path';

/** The fs functions {@link writeFileAtomic} uses (tests inject faults). */
export interface AtomicFs {
  writeFileSync: (file: string, data: string | Uint8Array) => void;
  renameSync: (from: string, to: string) => void;
  rmSync: (file: string, options: { force: boolean }) => void;
}

/** Nearest existing ancestor of `p` (p itself when it exists). */
function existingAncestor(p: string): string {
  let dir = path.resolve(p);
  while (!fs.existsSync(dir)) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

/** @throws Error unless `dir` is a writable folder. */
function assertWritableFolder(dir: string, flag: string, target: string): void {
  if (!fs.statSync(dir).isDirectory()) throw new Error(`${flag} ${target}: ${dir} is a file, not a folder`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new Error(`${flag} ${target}: folder ${dir} is not writable`);
  }
}

/**
 * Checks that `file` can be written: its folder exists and is writable, and `file` is not a folder.
 * @throws Error naming the flag and the path.
 */
export function checkOutputFile(file: string, flag = '--out'): void {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new Error(`${flag} ${file}: folder ${dir} does not exist`);
  assertWritableFolder(dir, flag, file);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) throw new Error(`${flag} ${file} is a folder, not a file`);
}

/**
 * Checks that `dir` can take model.json + weights.bin: it is a folder (or can be created under
 * a writable folder), not a file.
 * @throws Error naming the flag and the path.
 */
export function checkOutputFolder(dir: string, flag = '--save-model'): void {
  const abs = path.resolve(dir);
  if (fs.existsSync(abs) && !fs.statSync(abs).isDirectory()) {
    throw new Error(`${flag} ${dir} is a file; give a folder (model.json + weights.bin are written into it)`);
  }
  assertWritableFolder(existingAncestor(abs), flag, dir);
}

/**
 * Writes `data` to `file` through `${file}.tmp-<pid>` and a rename; the previous content stays
 * intact when writing fails (the temporary file is removed).
 * @throws Error `could not write <file>: <reason>`.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, fsImpl: AtomicFs = fs): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fsImpl.writeFileSync(tmp, data);
    fsImpl.renameSync(tmp, file);
  } catch (e) {
    fsImpl.rmSync(tmp, { force: true });
    throw new Error(`could not write ${file}: ${(e as Error).message}`, { cause: e });
  }
}
