/**
 * `npm run freq-report -- --model DIR [--images N] [--sensitivity-images N] [--grid G] [--jobs N] [--out f.json]`
 * What does each octave carry? For a model saved with `npm run train -- … --save-model DIR`, on
 * the first N CIFAR-10 test images (Node, WASM): top-1 under ideal radial low-/high-pass filters
 * (Wang et al., CVPR 2020), branch ablation (each octave layer's low/high branch replaced by its
 * per-channel mean), and the Fourier sensitivity map (Yin et al., NeurIPS 2019). Prints three
 * tables; --out writes the JSON (`top1`, `lowPass[]`, `highPass[]`, `ablation`, `sensitivity`).
 * --jobs N (default: one per core, at most 4) splits the curves and the ablation over N processes
 * (scripts/freq-parts.ts); the figures equal a one-process run's.
 * Exit code 1 with a one-line reason on bad input.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import {
  DEFAULT_REPORT_IMAGES,
  DEFAULT_SENSITIVITY_GRID,
  DEFAULT_SENSITIVITY_IMAGES,
  sensitivityBands,
  toFrequencyReport,
} from '../src/frequency/index';
import type { FrequencyProgress, FrequencyReport, FrequencyResults } from '../src/frequency/types';
import { createNodeSession, runCli } from '../src/train/cli-run';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';
import { frequencyInParts, readModelDir } from './freq-parts';

const USAGE =
  'usage: npm run freq-report -- --model DIR [--images N] [--sensitivity-images N] [--grid G] [--jobs N] [--out f.json]';

const COUNT = { integer: true, min: 1 } as const;

/** Every flag of `npm run freq-report`. */
const FREQ_OPTIONS = {
  model: { type: 'string', arg: 'DIR', help: 'folder with model.json + weights.bin (npm run train -- … --save-model DIR)' },
  images: {
    type: 'number',
    bounds: COUNT,
    default: DEFAULT_REPORT_IMAGES,
    help: 'test images for the band-limited curves and the ablation',
  },
  'sensitivity-images': {
    type: 'number',
    bounds: COUNT,
    help: `test images per sensitivity-map cell (default ${DEFAULT_SENSITIVITY_IMAGES}, at most --images)`,
  },
  grid: {
    type: 'number',
    bounds: COUNT,
    default: DEFAULT_SENSITIVITY_GRID,
    arg: 'G',
    help: 'sensitivity map cells per side, an even divisor of 32',
  },
  jobs: {
    type: 'number',
    bounds: { integer: true, min: 1, max: 16 },
    default: Math.min(4, availableParallelism()),
    help: 'processes to split the curves, the ablation and the sensitivity map over; one per core (up to 4) by default',
  },
  out: { type: 'string', arg: 'FILE', help: 'also write the report as JSON' },
} as const satisfies CliTable;

interface Args {
  model: string;
  images: number;
  sensitivityImages?: number;
  grid: number;
  jobs: number;
  out?: string;
}

/** Parses argv; null for --help. @throws Error with a one-line reason. */
function parseFreqArgs(argv: string[]): Args | null {
  const { help, values } = parseCli(argv, FREQ_OPTIONS);
  if (help) return null;
  const { model, images, grid, jobs, out } = values;
  if (!model) throw new Error('--model DIR is required (a folder written by npm run train -- --save-model DIR)');
  if (32 % grid !== 0 || grid % 2 !== 0) throw new Error(`--grid must be an even divisor of 32 (e.g. 8, 16, 32), got ${grid}`);
  return { model, images, sensitivityImages: values['sensitivity-images'], grid, jobs, out };
}

const pct = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(1)}%`);

/** The three tables, as lines. */
function tables(r: FrequencyReport): string[] {
  const lines = [
    `unfiltered top-1 ${pct(r.top1)} on ${r.images} test images`,
    '',
    'radius (cycles/px)\tlow-pass top-1\thigh-pass top-1',
  ];
  r.lowPass.forEach((p, i) => lines.push(`${p.radius.toFixed(4)}\t\t${pct(p.top1)}\t\t${pct(r.highPass[i].top1)}`));
  const a = r.ablation;
  lines.push(
    '',
    `branch ablation (branch → per-channel mean): unablated ${pct(a.top1)}, every low branch ${pct(a.dropLow)}, every high branch (layers with both) ${pct(a.dropHigh)}`,
  );
  lines.push(['layer'.padEnd(24), 'α in→out', 'low → mean', 'high → mean', 'whole output → mean'].join('\t'));
  // A layer with one branch: its `dropHigh` (or `dropLow`) replaces the whole output.
  for (const l of a.perLayer) {
    const single = l.dropLow === null || l.dropHigh === null;
    const whole = single ? pct(l.dropLow ?? l.dropHigh) : '—';
    lines.push(
      [
        l.layer.padEnd(24),
        `${l.alphaIn}→${l.alphaOut}`,
        single ? '—' : pct(l.dropLow),
        single ? '—' : pct(l.dropHigh),
        whole,
      ].join('\t'),
    );
  }
  const s = r.sensitivity;
  const g = s.gridSize;
  const worst = s.errorRate
    .map((e, k) => ({ e, u: s.frequencies[Math.floor(k / g)], v: s.frequencies[k % g] }))
    .sort((p, q) => q.e - p.e);
  const [below8, to4, to2, above2] = sensitivityBands(s).bands.map((band) => pct(band.meanError));
  lines.push(
    '',
    `Fourier sensitivity map ${g}×${g}, ε = ${s.epsilon} (ℓ2 per channel, [0,1] scale), ${s.images} images; clean error ${pct(s.cleanErrorRate)}`,
  );
  lines.push(`mean error by radial frequency: <0.125 ${below8}, 0.125–0.25 ${to4}, 0.25–0.5 ${to2}, ≥0.5 ${above2}`);
  lines.push(
    `highest error: ${worst
      .slice(0, 4)
      .map((w) => `(${w.u.toFixed(3)}, ${w.v.toFixed(3)}) ${pct(w.e)}`)
      .join(', ')}`,
  );
  for (let u = 0; u < g; u++)
    lines.push(
      s.errorRate
        .slice(u * g, (u + 1) * g)
        .map((e) => (100 * e).toFixed(0).padStart(3))
        .join(''),
    );
  return lines;
}

async function main(): Promise<number> {
  const args = parseFreqArgs(process.argv.slice(2));
  if (!args) {
    console.log(formatHelp(USAGE, FREQ_OPTIONS));
    return 0;
  }
  const files = readModelDir(args.model);
  const bar = new cliProgress.SingleBar(
    {
      format: 'freq-report {phase} [{bar}] {value}/{total} | ETA {eta_formatted}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 30_000,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  const started = new Map<string, number>();
  bar.start(1, 0, { phase: '' });
  const onProgress = (p: FrequencyProgress) => {
    if (p.phase !== phase) {
      phase = p.phase;
      started.set(phase, performance.now());
      bar.start(p.total, 0, { phase });
    }
    bar.update(p.done, { phase });
    if (p.done === p.total) started.set(`${phase}:ms`, performance.now() - started.get(phase)!);
  };
  const options = { images: args.images, sensitivityImages: args.sensitivityImages, gridSize: args.grid };
  let results: FrequencyResults;
  let octaveLayers: number;
  let backend = 'wasm';
  if (args.jobs > 1 && args.images > 1) {
    ({ results, octaveLayers } = await frequencyInParts(args.model, options, args.jobs, onProgress));
  } else {
    const node = await createNodeSession('wasm');
    backend = node.backend;
    octaveLayers = (await node.session.loadModel(files)).length;
    results = await node.session.frequency({ experiments: ['band', 'ablation', 'sensitivity'], ...options }, onProgress);
  }
  bar.stop();
  const report = toFrequencyReport(results);
  const partsUsed = args.jobs > 1 && args.images > 1 ? Math.min(args.jobs, args.images) : 1;
  const jobs = partsUsed > 1 ? `, ${partsUsed} processes` : '';
  console.log(`model ${args.model}: ${octaveLayers} octave layers; backend ${backend}${jobs}`);
  for (const line of tables(report)) console.log(line);
  const timing = {
    bandMs: started.get('band:ms'),
    ablationMs: started.get('ablation:ms'),
    sensitivityMs: started.get('sensitivity:ms'),
    totalMs: results.elapsedMs,
  };
  console.log(
    `time: band ${(timing.bandMs! / 1000).toFixed(1)} s, ablation ${(timing.ablationMs! / 1000).toFixed(1)} s, sensitivity ${(timing.sensitivityMs! / 1000).toFixed(1)} s`,
  );
  if (args.out) {
    const tmp = `${args.out}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ model: args.model, backend, jobs: partsUsed, ...report, timing }, null, 2));
    renameSync(tmp, args.out);
    console.log(`wrote ${args.out}`);
  }
  return 0;
}

runCli(main);
