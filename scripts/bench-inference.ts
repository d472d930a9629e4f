/**
 * Single-image inference latency of Oct-MobileNet vs MobileNet (`npm run bench -- --inference`),
 * the paper's Table 1 "CPU (ms)" column as a ratio: 0.75 MobileNet v1 vs 0.75 Oct-MobileNet v1
 * (α = .375; paper 11.9 / 13.4 ms) and 1.0 MobileNet v2 vs 1.0 Oct-MobileNet v2 (α = .375; paper
 * 17.1 / 24.5 ms), at 224×224 with 1,000 classes, batch 1, on the current backend. Benchmark only:
 * nothing asserts timings.
 */
import * as tf from '@tensorflow/tfjs';
import { buildOctMobileNet, countCost, type OctMobileNetConfig } from '../src/octconv/index';

/** One comparison: the vanilla net and its octave version, with the paper's CPU latencies (ms). */
export interface InferencePair {
  label: string;
  vanilla: OctMobileNetConfig;
  octave: OctMobileNetConfig;
  paperMs: [number, number];
}

/** The paper's two Table 1 pairs at `size`×`size` (default 224) and 1,000 classes. */
export function table1Pairs(size = 224): InferencePair[] {
  const cfg = (version: 1 | 2, widthMultiplier: number, alpha: number): OctMobileNetConfig => ({
    version,
    widthMultiplier,
    alpha,
    numClasses: 1000,
    seed: 1,
    inputShape: [size, size, 3],
  });
  return [
    {
      label: '0.75 MobileNet v1 vs 0.75 Oct-MobileNet v1 (α = .375)',
      vanilla: cfg(1, 0.75, 0),
      octave: cfg(1, 0.75, 0.375),
      paperMs: [13.4, 11.9],
    },
    {
      label: '1.0 MobileNet v2 vs 1.0 Oct-MobileNet v2 (α = .375)',
      vanilla: cfg(2, 1, 0),
      octave: cfg(2, 1, 0.375),
      paperMs: [24.5, 17.1],
    },
  ];
}

/** Median and fastest latency (ms) of one model, and its counted MACs (one image). */
export interface LatencyFigure {
  medianMs: number;
  minMs: number;
  macs: number;
}

/** Result per pair: both figures, octave ÷ vanilla latency, the paper's ratio and the MACs ratio. */
export interface InferenceResult {
  label: string;
  vanilla: LatencyFigure;
  octave: LatencyFigure;
  /** octave ÷ vanilla of the median latencies. */
  ratio: number;
  /** octave ÷ vanilla of the fastest runs (less sensitive to other load). */
  minRatio: number;
  paperRatio: number;
  macsRatio: number;
}

/** Wall time (ms) of one `model.predict` on `x`, awaiting the result. */
async function timeOnce(model: tf.LayersModel, x: tf.Tensor): Promise<number> {
  const t0 = performance.now();
  const y = model.predict(x) as tf.Tensor;
  await y.data();
  y.dispose();
  return performance.now() - t0;
}

/** Median and minimum of the timed runs. */
function summarise(times: number[], macs: number): LatencyFigure {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], macs };
}

/**
 * Runs every pair: both models are built, then timed alternately (vanilla, octave, vanilla, …) on
 * the same one-image input, so that load changes on a shared machine hit both alike.
 * @param reps timed runs per model (≥ 1) after `warmup` untimed ones
 * @throws Error if reps < 1
 */
export async function runInferenceBench(pairs: InferencePair[], reps: number, warmup: number): Promise<InferenceResult[]> {
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`reps must be a positive integer, got ${reps}`);
  const out: InferenceResult[] = [];
  for (const p of pairs) {
    const models = [buildOctMobileNet(p.vanilla), buildOctMobileNet(p.octave)];
    const x = tf.randomNormal([1, ...p.vanilla.inputShape!], 0, 1, 'float32', 3);
    const times: number[][] = [[], []];
    for (let i = 0; i < warmup + reps; i++) {
      for (let m = 0; m < 2; m++) {
        const ms = await timeOnce(models[m], x);
        if (i >= warmup) times[m].push(ms);
      }
    }
    const [vanilla, octave] = models.map((m, i) => summarise(times[i], countCost(m).macs));
    x.dispose();
    models.forEach((m) => m.dispose());
    out.push({
      label: p.label,
      vanilla,
      octave,
      ratio: octave.medianMs / vanilla.medianMs,
      minRatio: octave.minMs / vanilla.minMs,
      paperRatio: p.paperMs[1] / p.paperMs[0],
      macsRatio: octave.macs / vanilla.macs,
    });
  }
  return out;
}

/** The result as a table: ms, ratio ours vs paper, MACs ratio. */
export function formatInferenceTable(results: InferenceResult[], backend: string): string {
  const lines = [`single-image inference, backend ${backend} (median ms of the timed runs)`];
  for (const r of results) {
    lines.push(
      `${r.label}: median ${r.vanilla.medianMs.toFixed(1)} → ${r.octave.medianMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}; ` +
        `fastest ${r.vanilla.minMs.toFixed(1)} → ${r.octave.minMs.toFixed(1)} ms, ratio ${r.minRatio.toFixed(2)} ` +
        `(paper ${r.paperRatio.toFixed(2)}); MACs ratio ${r.macsRatio.toFixed(2)}`,
    );
  }
  return lines.join('\n');
}
