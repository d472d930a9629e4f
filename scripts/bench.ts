/**
 * `npm run bench`: Oct-ResNet training speed per α on Node wasm (default), in headless
 * Chromium (`--browser`), or time to accuracy of a preset (`--time-to-accuracy`). Prints a table
 * and writes JSON (bench/results.json, bench/results-browser.json, bench/time-to-accuracy.json)
 * with the machine, backend, versions and figures. Benchmarks only: nothing here asserts timings.
 *
 *   npm run bench -- [--depth 20] [--width 1] [--alphas 0,.125,.25,.5,.75] [--batch 128] [--reps 5]
 *                    [--warmup 2] [--backend wasm|cpu|webgpu] [--threads N] [--out bench/results.json]
 *   (--threads: wasm threads, default one per logical core, at most 8; the JSON records `threads`)
 *   npm run bench -- --time-to-accuracy [--preset quick] [--eval-every 40] [--test 2000]
 *   npm run bench -- --browser [--backends wasm,webgl,webgpu] (tiny reps for software adapters)
 *   npm run bench -- --inference [--reps 5] [--warmup 2] [--size 224] (paper Table 1 CPU latency ratios)
 */
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { initNodeBackend } from '../src/train/node';
import { BACKEND_NAMES, type BackendName } from '../src/train/protocol';
import { TRAIN_PRESETS, type TrainPresetName } from '../src/train/config';
import { runStepBench, type StepBenchResult } from './bench-node';
import { runTimeToAccuracy } from './bench-tta';

const USAGE = `usage: npm run bench -- [flags]             Oct-ResNet training speed per α (Node; bench/results.json)
       npm run bench -- --time-to-accuracy  time to 50 % test top-1 of a preset (bench/time-to-accuracy.json)
       npm run bench -- --browser           the same in headless Chromium (bench/results-browser.json)
       npm run bench -- --inference         paper Table 1 CPU latency ratios (bench/inference.json)`;

/** Counts are whole numbers ≥ 1 (a batch of 0 would divide by zero); warm-up may be 0; α ∈ [0, 1]. */
const COUNT = { integer: true, min: 1 } as const;

/** Every flag of `npm run bench`. */
const BENCH_OPTIONS = {
  depth: { type: 'number', bounds: COUNT, default: 20, help: 'Oct-ResNet depth' },
  width: { type: 'number', bounds: { min: 0.25, max: 8 }, default: 1, help: 'width multiplier' },
  alphas: { type: 'numbers', bounds: { min: 0, max: 1 }, default: [0, 0.125, 0.25, 0.5, 0.75], help: 'α values' },
  batch: { type: 'number', bounds: COUNT, default: 128, help: 'batch size' },
  reps: { type: 'number', bounds: COUNT, default: 5, help: 'timed steps per α, interleaved' },
  warmup: { type: 'number', bounds: { integer: true, min: 0 }, default: 2, help: 'untimed steps per α first' },
  'inspect-reps': { type: 'number', bounds: COUNT, default: 10, help: 'timed inspect requests per α' },
  backend: { type: 'string', choices: BACKEND_NAMES, default: 'wasm', arg: 'NAME', help: 'wasm, cpu or webgpu' },
  threads: { type: 'number', bounds: COUNT, help: 'wasm threads (default one per logical core, at most 8)' },
  out: { type: 'string', arg: 'FILE', help: 'JSON file (default per mode, under bench/)' },
  'time-to-accuracy': { type: 'boolean', default: false, help: 'time to accuracy of --preset' },
  preset: {
    type: 'string',
    choices: Object.keys(TRAIN_PRESETS) as TrainPresetName[],
    default: 'quick',
    arg: 'NAME',
    help: 'training preset of --time-to-accuracy',
  },
  'eval-every': { type: 'number', bounds: COUNT, default: 40, help: '--time-to-accuracy: steps between test evaluations' },
  test: { type: 'number', bounds: COUNT, default: 2000, help: '--time-to-accuracy: test images per evaluation' },
  browser: { type: 'boolean', default: false, help: 'in headless Chromium (tiny reps for software adapters)' },
  backends: { type: 'string', default: 'wasm,webgl,webgpu', arg: 'A,B,…', help: '--browser: backends to time' },
  inference: { type: 'boolean', default: false, help: 'paper Table 1 inference latency ratios' },
  size: { type: 'number', bounds: COUNT, default: 224, help: '--inference: input size' },
} as const satisfies CliTable;

/** Machine, load and versions, recorded with every result. */
export function environmentInfo(): Record<string, unknown> {
  const pkg = (name: string): string => {
    try {
      return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
    } catch {
      return 'unknown';
    }
  };
  return {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    /** 1/5/15-minute load averages when the run ended (other processes share the CPUs). */
    loadAverage: os.loadavg(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    versions: {
      tfjs: pkg('@tensorflow/tfjs'),
      'tfjs-backend-wasm': pkg('@tensorflow/tfjs-backend-wasm'),
      'playwright-core': pkg('playwright-core'),
    },
  };
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
  process.stderr.write(`wrote ${path}\n`);
}

const mb = (b: number): string => (b / 2 ** 20).toFixed(1);

/** The step-benchmark table (one row per α). */
export function formatStepTable(r: StepBenchResult, batch: number): string {
  const head = [
    'α',
    'ms/step',
    'img/s',
    'time ÷ α0',
    'MACs ÷ vanilla',
    'MMACs/img',
    'first step ms',
    'model MB',
    'fwd MB',
    'inspect ms',
  ];
  const rows = r.figures.map((f) => [
    String(f.alpha),
    f.medianStepMs.toFixed(0),
    f.imagesPerSecond.toFixed(1),
    f.ratioToAlpha0 == null ? '-' : f.ratioToAlpha0.toFixed(3),
    f.macsRatio.toFixed(3),
    (f.macs / 1e6).toFixed(1),
    f.firstStepMs.toFixed(0),
    mb(f.modelBytes),
    mb(f.forwardBytes),
    f.inspectMs.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  return [
    `backend ${r.backend}, batch ${batch}; peak RSS ${mb(r.peakRssBytes)} MB` +
      (r.wasmHeapBytes ? `, wasm heap ${mb(r.wasmHeapBytes)} MB` : ''),
    line(head),
    ...rows.map(line),
    `inspect = feature maps + spectra of ${r.figures[0]?.inspectLayer} for one image`,
  ].join('\n');
}

async function main(): Promise<void> {
  const loadAverageBefore = os.loadavg();
  const { help, values } = parseCli(process.argv.slice(2), BENCH_OPTIONS);
  if (help) {
    process.stdout.write(`${formatHelp(USAGE, BENCH_OPTIONS)}\n`);
    return;
  }
  if (values.browser) {
    const { runBrowserBench } = await import('./bench-browser');
    const out = values.out ?? 'bench/results-browser.json';
    const result = await runBrowserBench({
      backends: values.backends.split(',') as BackendName[],
      depth: values.depth,
      batch: values.batch,
      reps: values.reps,
      alphas: values.alphas,
    });
    writeJson(out, { environment: { ...environmentInfo(), loadAverageBefore }, mode: 'browser', ...result });
    return;
  }
  const choice = await initNodeBackend(values.backend, values.threads);
  const threads = choice.name === 'wasm' ? getThreadsCount() : null;
  process.stderr.write(`backend: ${choice.reason}\n`);
  tf.enableProdMode();
  if (values.inference) {
    const { runInferenceBench, table1Pairs, formatInferenceTable } = await import('./bench-inference');
    const results = await runInferenceBench(table1Pairs(values.size), values.reps, values.warmup);
    process.stdout.write(`\n${formatInferenceTable(results, choice.name)}\n`);
    writeJson(values.out ?? 'bench/inference.json', {
      environment: { ...environmentInfo(), loadAverageBefore },
      mode: 'inference',
      backend: choice.name,
      results,
    });
    return;
  }
  if (values['time-to-accuracy']) {
    const r = await runTimeToAccuracy({
      preset: values.preset,
      evalEvery: values['eval-every'],
      testCount: values.test,
    });
    process.stdout.write(
      `\n${r.preset} on ${choice.name}: ${r.imagesPerSecond.toFixed(0)} img/s; 50% test top-1 after ${r.secondsTo50 == null ? 'never' : r.secondsTo50.toFixed(1) + ' s'}; final top-1 ${(100 * r.finalTop1).toFixed(1)}% (${r.testCount} test images)\n`,
    );
    process.stdout.write(
      [
        'seconds  images  top1',
        ...r.points.map(
          (p) => `${p.seconds.toFixed(1).padStart(7)}  ${String(p.imagesSeen).padStart(6)}  ${(100 * p.top1).toFixed(1)}%`,
        ),
      ].join('\n') + '\n',
    );
    writeJson(values.out ?? 'bench/time-to-accuracy.json', {
      environment: { ...environmentInfo(), loadAverageBefore },
      backend: choice.name,
      ...r,
    });
    return;
  }
  const batch = values.batch;
  const result = await runStepBench({
    depth: values.depth,
    widthMultiplier: values.width,
    batch,
    alphas: values.alphas,
    reps: values.reps,
    warmup: values.warmup,
    inspectReps: values['inspect-reps'],
  });
  process.stdout.write(
    `\nOct-ResNet-${values.depth} (width ${values.width}), ${threads ?? '-'} wasm thread(s)\n${formatStepTable(result, batch)}\n`,
  );
  writeJson(values.out ?? 'bench/results.json', {
    environment: { ...environmentInfo(), loadAverageBefore },
    mode: 'node',
    model: { depth: values.depth, widthMultiplier: values.width },
    batch,
    threads,
    ...result,
  });
}

// process.exit: the wasm pthread workers would keep Node alive after the last step.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
