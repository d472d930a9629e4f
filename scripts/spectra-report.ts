/**
 * `npm run spectra-report -- --model runs/d20-a025-model [--images 200] [--cutoff 0.125] [--out report.json]`
 * For a trained model saved with `npm run train -- … --save-model DIR`: the share of each octave
 * layer's high- and low-branch energy below the cut-off (cycles/pixel of the 32×32 input grid,
 * channel means removed), averaged over the first N test images, and the refresh latency (ms) of
 * the inspect request (feature maps + spectra) for one layer and for all layers. Node, WASM.
 * Exit code 1 with a one-line reason on bad input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createNodeSession, runCli } from '../src/train/cli-run';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';

interface Args {
  model: string;
  images: number;
  cutoff: number;
  out?: string;
}

const USAGE = 'usage: npm run spectra-report -- --model DIR [--images N] [--cutoff C] [--out report.json]';

/** Every flag of `npm run spectra-report`. */
const SPECTRA_OPTIONS = {
  model: { type: 'string', arg: 'DIR', help: 'folder with model.json + weights.bin (npm run train -- … --save-model DIR)' },
  images: { type: 'number', bounds: { integer: true, min: 1 }, default: 200, help: 'test images to average over' },
  cutoff: {
    type: 'number',
    bounds: { greaterThan: 0 },
    default: 0.125,
    arg: 'C',
    help: 'low-frequency cut-off, cycles/pixel of the 32×32 input grid',
  },
  out: { type: 'string', arg: 'FILE', help: 'also write the table and latencies as JSON' },
} as const satisfies CliTable;

/** Parses argv; null for --help. @throws Error with a one-line reason. */
function parseSpectraArgs(argv: string[]): Args | null {
  const { help, values } = parseCli(argv, SPECTRA_OPTIONS);
  if (help) return null;
  const { model, images, cutoff, out } = values;
  if (!model) throw new Error('--model DIR is required (a folder written by npm run train -- --save-model DIR)');
  return { model, images, cutoff, out };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const args = parseSpectraArgs(process.argv.slice(2));
  if (!args) {
    console.log(formatHelp(USAGE, SPECTRA_OPTIONS));
    return;
  }
  const modelJson = readFileSync(path.join(args.model, 'model.json'), 'utf8');
  const weights = readFileSync(path.join(args.model, 'weights.bin'));
  const { session, backend } = await createNodeSession('wasm');
  const layers = await session.loadModel({
    modelJson,
    weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
  });
  const sums = layers.map(() => ({ high: 0, low: 0, lowAbove: 0, n: 0 }));
  const allMs: number[] = [];
  const oneMs: number[] = [];
  for (let i = 0; i < args.images; i++) {
    const r = await session.inspect(i, { spectra: true, cutoff: args.cutoff });
    allMs.push(r.latencyMs);
    r.layers.forEach((l, k) => {
      const h = l.spectra?.high?.lowEnergyFraction;
      const lo = l.spectra?.low?.lowEnergyFraction;
      if (h === undefined || lo === undefined) return;
      sums[k].high += h;
      sums[k].low += lo;
      sums[k].lowAbove += lo > h ? 1 : 0;
      sums[k].n += 1;
    });
    const one = await session.inspect(i, { spectra: true, cutoff: args.cutoff, layerNames: [layers[0].name] });
    oneMs.push(one.latencyMs);
  }
  const rows = layers.map((info, k) => ({
    layer: info.name,
    alphaIn: info.alphaIn,
    alphaOut: info.alphaOut,
    high: sums[k].n ? sums[k].high / sums[k].n : null,
    low: sums[k].n ? sums[k].low / sums[k].n : null,
    imagesLowAboveHigh: sums[k].lowAbove,
    images: sums[k].n,
  }));
  console.log(`backend ${backend}; ${args.images} test images; energy below ${args.cutoff} cycles/pixel (32×32 input grid)`);
  console.log(['layer'.padEnd(24), 'α in→out', 'high', 'low', 'low>high'].join('\t'));
  for (const r of rows) {
    const f = (v: number | null) => (v === null ? '—' : (100 * v).toFixed(1) + '%');
    console.log(
      [
        r.layer.padEnd(24),
        `${r.alphaIn}→${r.alphaOut}`,
        f(r.high),
        f(r.low),
        r.images ? `${r.imagesLowAboveHigh}/${r.images}` : '—',
      ].join('\t'),
    );
  }
  const latency = { oneLayerMedianMs: median(oneMs), allLayersMedianMs: median(allMs), layers: layers.length };
  console.log(
    `inspect latency (worker side): one layer median ${latency.oneLayerMedianMs.toFixed(1)} ms, all ${layers.length} layers median ${latency.allLayersMedianMs.toFixed(1)} ms`,
  );
  if (args.out)
    writeFileSync(
      args.out,
      JSON.stringify({ model: args.model, backend, cutoff: args.cutoff, images: args.images, rows, latency }, null, 2),
    );
}

runCli(main);
