/**
 * Per-kernel profile of one Oct-ResNet training step on Node wasm: wraps every registered wasm
 * kernel with a timer (wasm kernels run synchronously, so wall time per call is the kernel's time).
 * Usage: tsx scripts/bench-profile.ts [--alpha 0.5] [--batch 128] [--depth 20] [--steps 3] [--threads 1]
 */
import * as tf from '@tensorflow/tfjs';
import { buildOctResNet } from '../src/octconv/index';
import { initNodeBackend } from '../src/train/node';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';

const COUNT = { integer: true, min: 1 } as const;

/** Every flag of the profile. */
const PROFILE_OPTIONS = {
  alpha: { type: 'number', bounds: { min: 0, max: 1 }, default: 0.5, help: 'α of the Oct-ResNet' },
  batch: { type: 'number', bounds: COUNT, default: 128, help: 'batch size' },
  depth: { type: 'number', bounds: COUNT, default: 20, help: 'Oct-ResNet depth (6n+2)' },
  steps: { type: 'number', bounds: COUNT, default: 3, help: 'profiled steps (after one warm-up step)' },
  threads: { type: 'number', bounds: COUNT, default: 1, help: 'wasm threads (tfjs and our kernels)' },
} as const satisfies CliTable;

/** Per-kernel totals: calls and ms. */
const stats = new Map<string, { calls: number; ms: number }>();
let recording = false;

/** Replaces every wasm kernel by a timed wrapper (top-level calls only; nested runKernel calls count inside). */
function wrapKernels(): void {
  let depth = 0;
  for (const k of tf.getKernelsForBackend('wasm')) {
    const inner = k.kernelFunc;
    tf.unregisterKernel(k.kernelName, 'wasm');
    tf.registerKernel({
      ...k,
      kernelFunc: (args) => {
        if (!recording || depth > 0) return inner(args);
        depth++;
        const t0 = performance.now();
        try {
          return inner(args);
        } finally {
          depth--;
          const key = k.kernelName + shapeKey(args);
          const s = stats.get(key) ?? { calls: 0, ms: 0 };
          s.calls++;
          s.ms += performance.now() - t0;
          stats.set(key, s);
        }
      },
    });
  }
}

function shapeKey(args: Parameters<tf.KernelFunc>[0]): string {
  if (!process.env.PROFILE_SHAPES) return '';
  return (
    ' ' +
    Object.values(args.inputs)
      .filter((t) => t != null)
      .map((t) => `[${(t as tf.TensorInfo).shape}]`)
      .join('')
  );
}

async function main(): Promise<void> {
  const { help, values } = parseCli(process.argv.slice(2), PROFILE_OPTIONS);
  if (help) {
    console.log(
      formatHelp('usage: tsx scripts/bench-profile.ts [flags]  (env PROFILE_SHAPES=1, PROFILE_TOP=N)', PROFILE_OPTIONS),
    );
    return;
  }
  await initNodeBackend('wasm', values.threads);
  wrapKernels();
  const { alpha, batch } = values;
  const model = buildOctResNet({
    depth: values.depth,
    widthMultiplier: 1,
    alpha,
    block: 'basic',
    numClasses: 10,
    seed: 1,
  });
  const opt = tf.train.momentum(0.05, 0.9, true);
  const xs = tf.randomNormal([batch, 32, 32, 3]) as tf.Tensor4D;
  const ys = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32') as tf.Tensor1D, 10);
  const step = (): void => {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor2D) as tf.Scalar,
      );
      opt.applyGradients(grads as unknown as Parameters<typeof opt.applyGradients>[0]);
    });
  };
  step();
  const n = values.steps;
  recording = true;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) step();
  const total = (performance.now() - t0) / n;
  recording = false;
  const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const kernelSum = rows.reduce((s, [, v]) => s + v.ms, 0) / n;
  console.log(
    `alpha=${alpha} batch=${batch}: ${total.toFixed(0)} ms/step, kernels ${kernelSum.toFixed(0)} ms, ${((batch / total) * 1000).toFixed(1)} img/s`,
  );
  for (const [name, v] of rows.slice(0, Number(process.env.PROFILE_TOP ?? 25))) {
    console.log(
      `${(v.ms / n).toFixed(1).padStart(9)} ms ${((100 * v.ms) / n / total).toFixed(1).padStart(5)}%  ${String(v.calls / n).padStart(5)}×  ${name}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(`bench-profile: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
