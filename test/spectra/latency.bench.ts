/**
 * Latency of the spectral analysis for one octave layer (32×32×16 high + 16×16×16 low), per
 * backend. Not a test (no pass/fail on timings, docs/architecture.md §8): `npx tsx test/spectra/latency.bench.ts`.
 * Prints median and p90 wall time (ms) of branchSpectrum (high branch alone) and octaveSpectra
 * (both branches), FeatureMap inputs as in the worker, after a warm-up.
 */
import * as tf from '@tensorflow/tfjs';
import { branchSpectrum, octaveSpectra } from '../../src/spectra';
import type { FeatureMap } from '../../src/train/protocol';
import { useBackend } from '../helpers/backend';
import { randomValues } from './reference';

const REPEATS = 30;

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(REPEATS / 2)], p90: ms[Math.floor(REPEATS * 0.9)] };
}

const high: FeatureMap = { height: 32, width: 32, channels: 16, data: randomValues(32 * 32 * 16, 1) };
const low: FeatureMap = { height: 16, width: 16, channels: 16, data: randomValues(16 * 16 * 16, 2) };

for (const backend of ['wasm', 'cpu'] as const) {
  await useBackend(backend);
  const methods = backend === 'cpu' ? (['spectral', 'matmul'] as const) : (['matmul'] as const);
  for (const method of methods) {
    const before = tf.memory().numTensors;
    const b = await time(() => branchSpectrum(high, { scale: 1, method }));
    const o = await time(() => octaveSpectra(high, low, { method }));
    const leaked = tf.memory().numTensors - before;
    console.log(
      `${backend.padEnd(5)} ${method.padEnd(8)} branchSpectrum(32×32×16): median ${b.median.toFixed(1)} ms, p90 ${b.p90.toFixed(1)} ms | ` +
        `octaveSpectra(32×32×16 + 16×16×16): median ${o.median.toFixed(1)} ms, p90 ${o.p90.toFixed(1)} ms | leaked tensors ${leaked}`,
    );
  }
}

// View-side pixel work of one refresh (page thread, no tfjs): every channel of both branches,
// both spectrum heatmaps, and the image decomposition.
{
  const { renderChannel, renderScalars, valueRange } = await import('../../src/ui/inspect/render');
  const { decomposeImage } = await import('../../src/spectra/decompose');
  const spectra = await octaveSpectra(high, low);
  const image = new Uint8Array(3072).map((_v, i) => (i * 31) % 256);
  const v = await time(async () => {
    for (const m of [high, low]) for (let c = 0; c < m.channels; c++) renderChannel(m, c, valueRange(m, c), 'viridis');
    for (const s of [spectra.high!, spectra.low!]) {
      renderScalars(
        s.logMagnitude,
        s.height,
        s.width,
        valueRange({ height: s.height, width: s.width, channels: 1, data: s.logMagnitude }),
        'viridis',
      );
    }
    decomposeImage(image);
  });
  console.log(
    `view pixels (16+16 channels, 2 heatmaps, decomposition): median ${v.median.toFixed(2)} ms, p90 ${v.p90.toFixed(2)} ms`,
  );
}
