/**
 * `npm run data`: put real CIFAR-10 into public/data/cifar10/ for the lab (served as data/cifar10/).
 *
 *   npm run data                          download the official archive (progress bar, MD5 check)
 *   npm run data -- --from PATH           a local cifar-10-binary.tar.gz or a folder of .bin files
 *   CIFAR10_DIR=PATH npm run data         same as --from PATH when --from is not given
 *
 * Options for tests only: --out DIR (target), --url URL and --md5 HEX (archive source and its
 * checksum), --records N (records per .bin file of a small synthetic archive).
 * Idempotent: a valid target is left alone. Any failure: exit 1 with a one-line reason; the
 * target is never half-written (see src/data/install.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { installCifar10, type InstallOptions } from '../src/data/install';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run data [-- --from PATH] [--out DIR] [--url URL --md5 HEX] [--records N]';

/** Every flag of `npm run data` (--out, --url, --md5 and --records are for tests). */
const DATA_OPTIONS = {
  from: { type: 'string', arg: 'PATH', help: 'a local cifar-10-binary.tar.gz or a folder of .bin files (default: CIFAR10_DIR)' },
  out: { type: 'string', arg: 'DIR', help: 'target folder (default public/data/cifar10)' },
  url: { type: 'string', arg: 'URL', help: 'archive to download instead of the official one' },
  md5: { type: 'string', arg: 'HEX', help: "the --url archive's MD5" },
  records: { type: 'number', bounds: { integer: true, min: 1 }, help: 'records per .bin file of a small synthetic archive' },
} as const satisfies CliTable;

/** Parses argv into install options, or 'help'. @throws Error naming the bad flag or value. */
function parseDataArgs(argv: string[]): InstallOptions | 'help' {
  const { help, values } = parseCli(argv, DATA_OPTIONS);
  if (help) return 'help';
  const options: InstallOptions = {
    outDir: values.out === undefined ? path.join(REPO_ROOT, 'public/data/cifar10') : path.resolve(values.out),
    from: values.from,
    url: values.url,
    md5: values.md5,
    recordsPerFile: values.records,
  };
  const envDir = process.env.CIFAR10_DIR;
  if (options.from === undefined && options.url === undefined && envDir && envDir.trim() !== '') options.from = envDir;
  return options;
}

/** Stops the progress bar (if running) so that the next line starts clean. */
let stopProgress = (): void => {};

async function main(): Promise<void> {
  const options = parseDataArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(formatHelp(USAGE, DATA_OPTIONS));
    return;
  }
  const mb = (b: number): string => (b / 1e6).toFixed(1);
  const bar = new cliProgress.SingleBar(
    {
      format: 'CIFAR-10 {bar} {percentage}% | {done}/{all} MB | {rate} MB/s | ETA {eta_formatted}',
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const start = Date.now();
  let started = false;
  let last = { loaded: 0, payload: {} };
  stopProgress = () => {
    if (!started) return;
    bar.update(last.loaded, last.payload);
    bar.stop();
    started = false;
  };
  options.log = (line) => {
    stopProgress();
    console.log(`data: ${line}`);
  };
  options.onDownload = (loaded, total) => {
    const rate = mb(loaded / Math.max(1e-3, (Date.now() - start) / 1000));
    const payload = { done: mb(loaded), all: total > 0 ? mb(total) : '?', rate };
    last = { loaded, payload };
    if (!started) {
      bar.start(total > 0 ? total : loaded + 1, loaded, payload);
      started = true;
    } else {
      if (total === 0) bar.setTotal(loaded + 1);
      bar.update(loaded, payload);
    }
  };
  await installCifar10(options);
  stopProgress();
}

main().catch((e: unknown) => {
  stopProgress();
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`npm run data: error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
});
