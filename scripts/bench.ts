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
import { parseArgs } from 'node:util';
import { parseCliNumber, type CliNumberBounds } from '../src/train/cli-number';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { initNodeBackend } from '../src/train/node';
import type { BackendName, TrainPresetName } from '../src/train/index';
import { runStepBench, type StepBenchResult } from './bench-node';
import { runTimeToAccuracy } from './bench-tta';

const HELP = readFileSync(new URL(import.meta.url), 'utf8')
  .split('*/')[0]
  .replace(/^\/\*\*\n/, '')
  .replace(/^ \* ?/gm, '');

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
  const { values } = parseArgs({
    options: {
      depth: { type: 'string', default: '20' },
      width: { type: 'string', default: '1' },
      alphas: { type: 'string', default: '0,0.125,0.25,0.5,0.75' },
      batch: { type: 'string', default: '128' },
      reps: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2' },
      'inspect-reps': { type: 'string', default: '10' },
      backend: { type: 'string', default: 'wasm' },
      threads: { type: 'string' },
      out: { type: 'string' },
      'time-to-accuracy': { type: 'boolean', default: false },
      preset: { type: 'string', default: 'quick' },
      'eval-every': { type: 'string', default: '40' },
      test: { type: 'string', default: '2000' },
      browser: { type: 'boolean', default: false },
      inference: { type: 'boolean', default: false },
      size: { type: 'string', default: '224' },
      backends: { type: 'string', default: 'wasm,webgl,webgpu' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  // Counts are whole numbers ≥ 1 (a batch of 0 would divide by zero); warm-up may be 0; α ∈ [0, 1].
  const BOUNDS: Record<string, CliNumberBounds> = {
    width: { min: 0.25, max: 8 },
    alphas: { min: 0, max: 1 },
    warmup: { integer: true, min: 0 },
  };
  const num = (name: string, v: string, _integer = true): number =>
    parseCliNumber(name, v, BOUNDS[name] ?? { integer: true, min: 1 });
  for (const name of ['depth', 'width', 'batch', 'reps', 'warmup', 'inspect-reps', 'eval-every', 'test'] as const)
    num(name, values[name]);
  for (const a of values.alphas.split(',')) num('alphas', a);
  if (values.browser) {
    const { runBrowserBench } = await import('./bench-browser');
    const out = values.out ?? 'bench/results-browser.json';
    const result = await runBrowserBench({
      backends: values.backends.split(',') as BackendName[],
      depth: num('depth', values.depth),
      batch: num('batch', values.batch),
      reps: num('reps', values.reps),
      alphas: values.alphas.split(',').map((a) => num('alphas', a, false)),
    });
    writeJson(out, { environment: { ...environmentInfo(), loadAverageBefore }, mode: 'browser', ...result });
    return;
  }
  const choice = await initNodeBackend(
    values.backend as BackendName,
    values.threads === undefined ? undefined : num('threads', values.threads),
  );
  const threads = choice.name === 'wasm' ? getThreadsCount() : null;
  process.stderr.write(`backend: ${choice.reason}\n`);
  tf.enableProdMode();
  if (values.inference) {
    const { runInferenceBench, table1Pairs, formatInferenceTable } = await import('./bench-inference');
    const results = await runInferenceBench(
      table1Pairs(num('size', values.size)),
      num('reps', values.reps),
      num('warmup', values.warmup),
    );
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
      preset: values.preset as TrainPresetName,
      evalEvery: num('eval-every', values['eval-every']),
      testCount: num('test', values.test),
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
  const batch = num('batch', values.batch);
  const result = await runStepBench({
    depth: num('depth', values.depth),
    widthMultiplier: num('width', values.width, false),
    batch,
    alphas: values.alphas.split(',').map((a) => num('alphas', a, false)),
    reps: num('reps', values.reps),
    warmup: num('warmup', values.warmup),
    inspectReps: num('inspect-reps', values['inspect-reps']),
  });
  process.stdout.write(
    `\nOct-ResNet-${values.depth} (width ${values.width}), ${threads ?? '-'} wasm thread(s)\n${formatStepTable(result, batch)}\n`,
  );
  writeJson(values.out ?? 'bench/results.json', {
    environment: { ...environmentInfo(), loadAverageBefore },
    mode: 'node',
    model: { depth: Number(values.depth), widthMultiplier: Number(values.width) },
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
