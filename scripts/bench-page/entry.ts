/**
 * In-page side of `npm run bench -- --browser`: exposes `window.octBench(options)`, which
 * initialises one tfjs backend (wasm/webgl/webgpu/cpu) with the project's kernel fixes and runs
 * the same interleaved step benchmark as Node (scripts/bench-node.ts). Built by Vite on the fly.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';
import { registerKernelFixes } from '../../src/octconv/index';
import { runStepBench, type StepBenchOptions, type StepBenchResult } from '../bench-node';

declare global {
  interface Window {
    octBench(o: StepBenchOptions & { backend: string }): Promise<StepBenchResult & { adapter: string | null }>;
  }
}

window.octBench = async (o) => {
  registerKernelFixes();
  setWasmPaths('/wasm/'); // served by scripts/bench-browser.ts from the package's dist folder
  let adapter: string | null = null;
  if (o.backend === 'webgpu') {
    const gpu = (
      navigator as unknown as {
        gpu?: {
          requestAdapter(): Promise<{ info?: { description?: string; vendor?: string }; isFallbackAdapter?: boolean } | null>;
        };
      }
    ).gpu;
    const a = gpu ? await gpu.requestAdapter() : null;
    if (!a) throw new Error('no WebGPU adapter in this browser');
    adapter = `${a.info?.vendor ?? '?'} ${a.info?.description ?? ''}${a.isFallbackAdapter ? ' (fallback/software)' : ''}`.trim();
    await import('@tensorflow/tfjs-backend-webgpu'); // registers itself only when navigator.gpu exists
  }
  if (o.backend === 'wasm') tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend(o.backend))) throw new Error(`backend '${o.backend}' failed to initialise`);
  await tf.ready();
  tf.enableProdMode();
  const result = await runStepBench({ ...o, log: (l) => console.log(l) });
  return { ...result, adapter };
};
document.getElementById('status')!.textContent = 'ready';
