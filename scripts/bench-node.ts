/**
 * Node benchmark of Oct-ResNet training steps: per α, median ms per step and images/s
 * after warm-up with the α values INTERLEAVED rep by rep (so machine-load drift hits them alike),
 * the step-time ratio to α = 0, the counted MACs ratio (countCost), time to first step, memory,
 * and the latency of refreshing one layer's feature maps + spectra (createOctaveProbe +
 * octaveSpectra). Synthetic fixed batches: this measures compute, not data loading.
 */
import * as tf from '@tensorflow/tfjs';
import { buildOctResNet, countCost, createOctaveProbe } from '../src/octconv/index';
import { octaveSpectra } from '../src/spectra/index';
import { DEFAULT_TRAIN_CONFIG, sgdStep, trainableParams } from '../src/train/index';

/** What to measure. */
export interface StepBenchOptions {
  depth: number;
  widthMultiplier: number;
  alphas: number[];
  batch: number;
  /** Timed repetitions per α (after `warmup` untimed ones). */
  reps: number;
  warmup: number;
  /** Repetitions of the inspect (feature maps + spectra) refresh. */
  inspectReps: number;
  /** Progress lines go here (stderr by default). */
  log?: (line: string) => void;
}

/** Figures for one α. Times in ms, memory in bytes, MACs per image. */
export interface AlphaFigures {
  alpha: number;
  medianStepMs: number;
  imagesPerSecond: number;
  /** Median over reps of (this α's step ms / α = 0's step ms in the same rep); null without α = 0. */
  ratioToAlpha0: number | null;
  macs: number;
  vanillaMacs: number;
  macsRatio: number;
  params: number;
  /** Build + first training step (includes XNNPACK operator creation), ms. */
  firstStepMs: number;
  /** tf.memory().numBytes held by the model after its first step (weights, BN stats, optimizer state). */
  modelBytes: number;
  /** tf.memory().numBytes added during the forward pass of a training step (tensors kept for backprop). */
  forwardBytes: number;
  /** Inspect refresh: probe forward of 1 image + readback of one layer + its two spectra, ms (median). */
  inspectMs: number;
  inspectLayer: string;
  /** Set when octaveSpectra's default ('auto') method failed on this backend; inspectMs is then the 'matmul' method's. */
  inspectError?: string;
  stepMs: number[];
}

/** Whole-run figures. */
export interface StepBenchResult {
  backend: string;
  figures: AlphaFigures[];
  /** Highest process RSS seen between steps (bytes; the whole Node process; 0 in a browser). */
  peakRssBytes: number;
  /** Size of the wasm heap at the end (it only grows, so this is its peak), bytes; null off wasm. */
  wasmHeapBytes: number | null;
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One model under test: a training step with the Trainer's recipe (SGD Nesterov 0.9, wd 5e-4, smoothing 0.1). */
interface Subject {
  alpha: number;
  model: tf.LayersModel;
  opt: tf.MomentumOptimizer;
  step(): Promise<number>;
  firstStepMs: number;
  modelBytes: number;
  forwardBytes: number;
}

async function makeSubject(o: StepBenchOptions, alpha: number, xs: tf.Tensor4D, labels: tf.Tensor1D): Promise<Subject> {
  const t0 = performance.now();
  const bytes0 = tf.memory().numBytes;
  const model = buildOctResNet({
    depth: o.depth,
    widthMultiplier: o.widthMultiplier,
    alpha,
    block: 'basic',
    numClasses: 10,
    seed: 1,
  });
  const opt = tf.train.momentum(0.05, 0.9, true);
  const { vars, decayed } = trainableParams(model);
  const batch = { xs, labels, size: o.batch };
  // The engine's own step (label smoothing 0.1, weight decay 5e-4 on kernels, Nesterov momentum).
  const recipe = { ...DEFAULT_TRAIN_CONFIG, labelSmoothing: 0.1, weightDecay: 5e-4 };
  const step = async (): Promise<number> => {
    const start = performance.now();
    const [lossSum, correct] = sgdStep(model, vars, decayed, opt, batch, recipe, 10);
    await lossSum.data();
    tf.dispose([lossSum, correct]);
    return performance.now() - start;
  };
  await step();
  const firstStepMs = performance.now() - t0;
  const modelBytes = tf.memory().numBytes - bytes0;
  // Activations a training-mode forward pass holds for the backward pass (measured under a tape).
  let forwardBytes = 0;
  tf.tidy(() => {
    const before = tf.memory().numBytes;
    tf.variableGrads(() => {
      const logits = model.apply(xs, { training: true }) as tf.Tensor2D;
      forwardBytes = tf.memory().numBytes - before;
      return tf.sum(logits) as tf.Scalar;
    }, vars);
  });
  return { alpha, model, opt, step, firstStepMs, modelBytes, forwardBytes };
}

/** Feature maps + spectra of one layer for one image, as the views refresh them (median ms). */
async function inspectLatency(
  model: tf.LayersModel,
  reps: number,
  method: 'auto' | 'matmul' = 'auto',
): Promise<{ ms: number; layer: string }> {
  const probe = createOctaveProbe(model);
  const index = probe.layers.findIndex((l) => l.high && l.low) >= 0 ? probe.layers.findIndex((l) => l.high && l.low) : 0;
  const x = tf.randomNormal([1, 32, 32, 3]) as tf.Tensor4D;
  const times: number[] = [];
  try {
    for (let r = 0; r < reps + 1; r++) {
      const t0 = performance.now();
      const outs = probe.run(x);
      const { high, low } = outs[index];
      const squeeze = (t: tf.Tensor4D | null): tf.Tensor3D | null => (t ? tf.squeeze<tf.Tensor3D>(t, [0]) : null);
      const [h3, l3] = [squeeze(high), squeeze(low)];
      try {
        await octaveSpectra(h3, l3, { method });
      } finally {
        tf.dispose([h3, l3].filter((t): t is tf.Tensor3D => t != null));
        for (const o of outs) tf.dispose([o.high, o.low].filter((t): t is tf.Tensor4D => t != null));
      }
      if (r > 0) times.push(performance.now() - t0); // first run builds XNNPACK operators
    }
  } finally {
    x.dispose();
    probe.dispose();
  }
  return { ms: median(times), layer: probe.layers[index].name };
}

/**
 * Runs the interleaved step benchmark on the current backend.
 * @throws Error when alphas is empty or reps < 1
 */
export async function runStepBench(o: StepBenchOptions): Promise<StepBenchResult> {
  if (o.alphas.length === 0) throw new Error('runStepBench: no alphas');
  if (!(o.reps >= 1)) throw new Error(`runStepBench: reps must be ≥ 1, got ${o.reps}`);
  const log = o.log ?? ((l: string) => console.error(l));
  // process exists in Node only (the same code runs in the --browser page).
  const rss = (): number => (typeof process !== 'undefined' && process.memoryUsage ? process.memoryUsage().rss : 0);
  const xs = tf.randomNormal([o.batch, 32, 32, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
  const labels = tf.tensor1d(
    Array.from({ length: o.batch }, (_, i) => (i * 7) % 10),
    'int32',
  );
  let peakRss = rss();
  const subjects: Subject[] = [];
  for (const alpha of o.alphas) {
    subjects.push(await makeSubject(o, alpha, xs, labels));
    log(`built α=${alpha}: first step ${subjects.at(-1)!.firstStepMs.toFixed(0)} ms`);
  }
  for (let w = 0; w < o.warmup; w++) for (const s of subjects) await s.step();
  const times = subjects.map(() => [] as number[]);
  for (let r = 0; r < o.reps; r++) {
    // Rotate the starting α each rep so no α always runs first.
    for (let k = 0; k < subjects.length; k++) {
      const i = (k + r) % subjects.length;
      times[i].push(await subjects[i].step());
      peakRss = Math.max(peakRss, rss());
    }
    log(`rep ${r + 1}/${o.reps}: ${subjects.map((s, i) => `α=${s.alpha} ${times[i][r].toFixed(0)} ms`).join(', ')}`);
  }
  const base = o.alphas.indexOf(0);
  const figures: AlphaFigures[] = [];
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i];
    const cost = countCost(s.model);
    let inspectError: string | undefined;
    const inspect = await inspectLatency(s.model, o.inspectReps).catch(async (e: unknown) => {
      inspectError = e instanceof Error ? e.message : String(e);
      log(`inspect failed with the default spectra method (${inspectError}); retrying with method 'matmul'`);
      return inspectLatency(s.model, o.inspectReps, 'matmul');
    });
    const m = median(times[i]);
    figures.push({
      alpha: s.alpha,
      medianStepMs: m,
      imagesPerSecond: (o.batch * 1000) / m,
      ratioToAlpha0: base >= 0 ? median(times[i].map((t, r) => t / times[base][r])) : null,
      macs: cost.macs,
      vanillaMacs: cost.vanilla.macs,
      macsRatio: cost.macs / cost.vanilla.macs,
      params: cost.params,
      firstStepMs: s.firstStepMs,
      modelBytes: s.modelBytes,
      forwardBytes: s.forwardBytes,
      inspectMs: inspect.ms,
      inspectLayer: inspect.layer,
      ...(inspectError ? { inspectError } : {}),
      stepMs: times[i],
    });
  }
  for (const s of subjects) {
    s.model.dispose();
    s.opt.dispose();
    (s.opt as unknown as { c?: tf.Tensor }).c?.dispose(); // docs/tfjs-notes.md bug 4: dispose() leaves the lr scalar
  }
  tf.dispose([xs, labels]);
  const wasm = (tf.backend() as unknown as { wasm?: { HEAPU8: Uint8Array } }).wasm;
  return { backend: tf.getBackend(), figures, peakRssBytes: peakRss, wasmHeapBytes: wasm ? wasm.HEAPU8.length : null };
}
