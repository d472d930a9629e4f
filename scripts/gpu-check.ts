/**
 * One-command GPU check (`scripts/gpu-check.sh`): Oct-ResNet-20 training speed per α on WebGPU in
 * Node (Dawn from the `webgpu` npm package on the machine's own Vulkan driver), batch 128,
 * interleaved reps; prints the adapter and img/s per α and writes bench/results-gpu.json.
 * Refuses a software (fallback / SwiftShader) adapter unless --allow-software is given.
 *   tsx scripts/gpu-check.ts [--alphas 0,0.125,0.25,0.5] [--batch 128] [--reps 3] [--allow-software]
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { registerKernelFixes } from '../src/octconv/index';
import { isSoftwareRenderer } from '../src/train/backend';
import { runStepBench } from './bench-node';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';

/** Every flag of the GPU check. */
const GPU_OPTIONS = {
  alphas: { type: 'numbers', bounds: { min: 0, max: 1 }, default: [0, 0.125, 0.25, 0.5], help: 'α values' },
  batch: { type: 'number', bounds: { integer: true, min: 1 }, default: 128, help: 'batch size' },
  reps: { type: 'number', bounds: { integer: true, min: 1 }, default: 3, help: 'timed steps per α, interleaved' },
  'allow-software': { type: 'boolean', default: false, help: 'run on a software adapter too' },
} as const satisfies CliTable;

async function main(): Promise<void> {
  const { help, values } = parseCli(process.argv.slice(2), GPU_OPTIONS);
  if (help) {
    console.log(formatHelp('usage: bash scripts/gpu-check.sh [flags]  (or tsx scripts/gpu-check.ts [flags])', GPU_OPTIONS));
    return;
  }
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter (Dawn needs libvulkan.so.1 and a Vulkan driver for the GPU)');
  const info = adapter.info;
  const name = [info.vendor, info.architecture, info.description, info.device].filter(Boolean).join(' ');
  const software = adapter.isFallbackAdapter || isSoftwareRenderer(name);
  console.log(`adapter: ${name || 'unknown'}${software ? ' (software)' : ''}`);
  if (software && !values['allow-software']) throw new Error('software adapter: not a GPU (pass --allow-software to run anyway)');
  registerKernelFixes();
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs webgpu backend failed to initialise');
  await tf.ready();
  tf.enableProdMode();
  const batch = values.batch;
  const r = await runStepBench({
    depth: 20,
    widthMultiplier: 1,
    batch,
    alphas: values.alphas,
    reps: values.reps,
    warmup: 1,
    inspectReps: 2,
  });
  for (const f of r.figures)
    console.log(
      `α=${f.alpha}: ${f.medianStepMs.toFixed(0)} ms/step, ${f.imagesPerSecond.toFixed(1)} img/s, time ÷ α0 ${f.ratioToAlpha0?.toFixed(3) ?? '-'}, MACs ÷ vanilla ${f.macsRatio.toFixed(3)}`,
    );
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results-gpu.json.tmp', JSON.stringify({ adapter: name, batch, ...r }, null, 2) + '\n');
  (await import('node:fs')).renameSync('bench/results-gpu.json.tmp', 'bench/results-gpu.json');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`gpu-check: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
