/**
 * `npm run sweep -- --alphas 0,0.25,0.5 --seeds 3 --jobs 2 --depth 8 --max-steps 300 [--out sweep.json]`
 * Trains the same recipe on the (α, seed) grid — `--jobs N` runs N at once, one process each —
 * and prints per α the mean test top-1 with its 95 % interval (Student t over seeds; Wilson over
 * the test images for a single run), the per-seed values, params, MMACs (multiply-adds, one
 * image), img/s and minutes, then whether each pair of α values is distinguishable.
 * `--shard i/n` runs only the i-th share of the grid (0-based) and writes its JSON;
 * `--merge a.json b.json … --out all.json` merges shards into the same table and JSON.
 * Exit code 1 with a one-line reason on bad input, missing data, an unavailable backend, a merge
 * of files from different sweeps, or when any run diverges (the finished runs are still printed).
 */
import { readFileSync } from 'node:fs';
import { checkOutputFile, writeFileAtomic } from '../src/train/output-files';
import { parseSweepArgs, usage } from '../src/train/cli-args';
import { plannedSteps, runCli } from '../src/train/cli-run';
import { buildSweepFile, checkSweepFile, formatSweepTable, mergeSweepFiles, type SweepFile } from '../src/train/sweep-file';
import { planGrid, shardTasks } from '../src/train/sweep-plan';
import { formatDuration } from '../src/train/duration';
import { SweepProgress } from '../src/train/sweep-progress';
import { inProcessExecutor, processPoolExecutor, runSweepJobs } from '../src/train/sweep-runner';

/** Writes JSON to a temporary name beside `path`, then renames it over `path`. */
function writeJson(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, null, 2));
}

/** Reads and checks one sweep file. @throws Error naming the file. */
function readSweepFile(path: string): SweepFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  return checkSweepFile(parsed, path);
}

/** Prints the table, writes the JSON, and returns 1 when a run failed. */
function finish(file: SweepFile, out: string | undefined): number {
  console.log(formatSweepTable(file));
  if (out) {
    writeJson(out, file);
    console.log(`wrote ${out}`);
  }
  const failed = file.runs.find((r) => r.reason === 'error' || r.reason === 'diverged');
  if (failed) {
    console.error(`error: α=${failed.alpha}, seed ${failed.seed}: ${failed.error}`);
    return 1;
  }
  return 0;
}

async function main(): Promise<number> {
  const args = parseSweepArgs(process.argv.slice(2));
  if (args.help) {
    console.log(usage('sweep'));
    return 0;
  }
  if (args.out) checkOutputFile(args.out);
  if (args.merge.length) {
    const { file, missing } = mergeSweepFiles(args.merge.map((name) => ({ name, file: readSweepFile(name) })));
    if (missing.length) {
      console.error(
        `warning: ${missing.length} of ${file.alphas.length * file.seeds.length} runs missing: ${missing.map((m) => `α=${m.alpha} seed ${m.seed}`).join(', ')}`,
      );
    }
    return finish(file, args.out);
  }
  const tasks = shardTasks(planGrid(args.alphas, args.seeds), args.shard);
  if (tasks.length === 0) {
    console.error(
      `shard ${args.shard!.index}/${args.shard!.count} holds no run of the ${args.alphas.length * args.seeds.length}-run grid`,
    );
  }
  const t0 = Date.now();
  const jobs = Math.max(1, Math.min(args.jobs, tasks.length));
  const executor = jobs > 1 ? await processPoolExecutor(jobs, args.backend) : await inProcessExecutor(args.backend);
  const sweepJobs = tasks.map((t) => {
    const config = { ...args.config, alpha: t.alpha, seed: t.seed };
    return {
      runId: `oct-resnet-${config.depth}-a${t.alpha}-s${t.seed}`,
      config,
      totalSteps: plannedSteps(config, executor.trainCount),
    };
  });
  const progress = new SweepProgress(sweepJobs.length);
  const sweepFile = (records: Parameters<typeof buildSweepFile>[0]['records'], complete: boolean): SweepFile => ({
    ...buildSweepFile({
      backend: executor.backend,
      base: args.config,
      alphas: args.alphas,
      seeds: args.seeds,
      shard: args.shard,
      records,
    }),
    complete,
  });
  // --out is rewritten (atomically) after each finished run: Ctrl-C or a crash keeps every finished run.
  const finished: Parameters<typeof buildSweepFile>[0]['records'] = [];
  const observer = {
    ...progress.observer,
    onFinish: (...a: Parameters<NonNullable<typeof progress.observer.onFinish>>) => {
      progress.observer.onFinish?.(...a);
      finished.push(a[1]);
      if (args.out && finished.length < sweepJobs.length) writeJson(args.out, sweepFile(finished, false));
    },
  };
  let records;
  try {
    records = await runSweepJobs(sweepJobs, executor, observer);
  } finally {
    progress.stop();
    await executor.close();
  }
  console.log(
    `${records.length} run${records.length === 1 ? '' : 's'} with ${jobs} job${jobs === 1 ? '' : 's'} in ${formatDuration(Date.now() - t0)} (wall time ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return finish(sweepFile(records, true), args.out);
}

runCli(main);
