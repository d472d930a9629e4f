/**
 * Core figures for the notes: params and total MACs of Oct-ResNet-20 at α ∈ {0, .125, .25, .5, .75}
 * (counted from the built layers), and wasm ms/step (SGD, batch 32, 32×32, 1 thread) at α = 0 and .5.
 * Usage: npx tsx scripts/core-figures.ts [--steps N]
 */
import * as tf from '@tensorflow/tfjs';
import { buildOctResNet, countCost, registerKernelFixes } from '../src/octconv';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';

const ALPHAS = [0, 0.125, 0.25, 0.5, 0.75];
const BATCH = 32;

const FIGURE_OPTIONS = {
  steps: { type: 'number', bounds: { integer: true, min: 1 }, default: 5, help: 'timed steps per α (median)' },
} as const satisfies CliTable;

/** Median ms of one SGD step (after 2 warm-up steps) on the current backend. */
async function msPerStep(alpha: number, steps: number): Promise<number> {
  const model = buildOctResNet({ depth: 20, widthMultiplier: 1, alpha, block: 'basic', numClasses: 10, seed: 1 });
  const x = tf.randomNormal([BATCH, 32, 32, 3], 0, 1, 'float32', 1);
  const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32', 2) as tf.Tensor1D, 10);
  const opt = tf.train.sgd(0.01);
  const times: number[] = [];
  for (let i = 0; i < steps + 2; i++) {
    const t0 = performance.now();
    const cost = opt.minimize(
      () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
      true,
    )!;
    await cost.data();
    cost.dispose();
    if (i >= 2) times.push(performance.now() - t0);
  }
  tf.dispose([x, y]);
  opt.dispose();
  model.dispose();
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const { help, values } = parseCli(process.argv.slice(2), FIGURE_OPTIONS);
  if (help) return console.log(formatHelp('usage: npx tsx scripts/core-figures.ts [flags]', FIGURE_OPTIONS));
  const { steps } = values;
  registerKernelFixes();
  await import('@tensorflow/tfjs-backend-wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await tf.setBackend('wasm');
  await tf.ready();
  console.log('alpha\tparams\tMACs\tMACs/vanilla\tactivation elements');
  for (const alpha of ALPHAS) {
    const c = countCost({ depth: 20, widthMultiplier: 1, alpha, block: 'basic', numClasses: 10, seed: 1 });
    console.log(`${alpha}\t${c.params}\t${c.macs}\t${(c.macs / c.vanilla.macs).toFixed(3)}\t${c.activationElements}`);
  }
  for (const alpha of [0, 0.5])
    console.log(
      `wasm Oct-ResNet-20 α=${alpha} batch ${BATCH}: ${(await msPerStep(alpha, steps)).toFixed(0)} ms/step (median of ${steps})`,
    );
}

main().catch((e: unknown) => {
  console.error(`core-figures: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
