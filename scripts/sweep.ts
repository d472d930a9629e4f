/**
 * `npm run sweep -- --alphas 0,0.125,0.25,0.5 --depth 20 --epochs E [--out sweep.json]`
 * Trains the same config at every α (same seed) and prints a table like the seed report's
 * Table 3: α, params, MMACs (multiply-adds, one image), top-1, top-5, img/s, minutes.
 * Exit code 1 with a one-line reason on bad input, missing data, an unavailable backend or when
 * any run diverges (the table of the finished runs is still printed). `--out` is rewritten after
 * each finished run (`complete: false` until the last), so an interrupted sweep keeps its runs.
 */
import { parseSweepArgs, usage } from '../src/train/cli-args';
import { createNodeSession, runWithProgress, runCli } from '../src/train/cli-run';
import { checkOutputFile, writeFileAtomic } from '../src/train/output-files';
import type { RunRecord } from '../src/train/run-record';

/** Formats the results table (plain text, one row per α). */
function table(records: RunRecord[]): string {
  const head = ['α', 'params (M)', 'MMACs', 'MACs vs α=0', 'top-1 %', 'top-5 %', 'img/s', 'minutes'];
  const rows = records.map((r) => [
    r.config.alpha.toFixed(3),
    (r.cost.params / 1e6).toFixed(3),
    (r.cost.macs / 1e6).toFixed(1),
    `${((100 * r.cost.macs) / r.cost.vanillaMacs).toFixed(0)}%`,
    r.final ? (100 * r.final.top1).toFixed(2) : r.reason,
    r.final ? (100 * r.final.top5).toFixed(2) : '-',
    r.imagesPerSecond.toFixed(1),
    (r.elapsedMs / 60000).toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const args = parseSweepArgs(process.argv.slice(2));
  if (args.help) {
    console.log(usage('sweep'));
    return 0;
  }
  if (args.out) checkOutputFile(args.out);
  const { session, backend, trainCount } = await createNodeSession(args.backend);
  const records: RunRecord[] = [];
  // Rewritten (atomically) after each run, so Ctrl-C or a crash keeps every finished run.
  const save = (complete: boolean) => {
    if (!args.out) return;
    writeFileAtomic(args.out, JSON.stringify({ backend, base: args.config, alphas: args.alphas, complete, runs: records }, null, 2));
  };
  for (const alpha of args.alphas) {
    const config = { ...args.config, alpha };
    records.push(await runWithProgress(session, `oct-resnet-${config.depth}-a${alpha}`, config, backend, trainCount));
    save(records.length === args.alphas.length);
  }
  console.log(table(records));
  if (args.out) console.log(`wrote ${args.out}`);
  const failed = records.find((r) => r.reason === 'error' || r.reason === 'diverged');
  if (failed) {
    console.error(`error: α=${failed.config.alpha}: ${failed.error}`);
    return 1;
  }
  return 0;
}

runCli(main);
