/**
 * `npm run freq-report -- --jobs N`: N processes (scripts/freq-job.ts, one wasm thread each, as
 * our wasm kernels use one thread) each run the band-limited curves and the ablation on one of N
 * disjoint parts of the test images, and one N-th of the sensitivity map's cells; the parts are
 * merged exactly (src/frequency/merge.ts), so every figure equals a one-process run's. Node-only.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageParts, mergeAblation, mergeBand, mergeSensitivity } from '../src/frequency/index';
import type { FrequencyJobOptions, FrequencyProgress, FrequencyResults } from '../src/frequency/types';

/** A saved model's two files (model.json text, weights.bin bytes). @throws Error naming the unreadable file */
export function readModelDir(dir: string): { modelJson: string; weights: ArrayBuffer } {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(dir, file));
    } catch {
      throw new Error(`cannot read ${path.join(dir, file)} (expected a folder written by npm run train -- --save-model DIR)`);
    }
  };
  const [json, weights] = [read('model.json'), read('weights.bin')];
  return {
    modelJson: json.toString('utf8'),
    weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
  };
}

/** What a part process is asked (argv of scripts/freq-job.ts, as JSON): jobs run one after the other. */
export interface PartJob {
  model: string;
  jobs: FrequencyJobOptions[];
}

/** Messages from a part process. */
export type PartMessage =
  | { type: 'progress'; progress: FrequencyProgress }
  | { type: 'result'; results: FrequencyResults; octaveLayers: number }
  | { type: 'fatal'; message: string };

const CHILD_SCRIPT = fileURLToPath(new URL('./freq-job.ts', import.meta.url));

/** Runs one part in a child process; progress as it comes. @throws Error with the child's message */
function runPart(
  job: PartJob,
  onProgress: (p: FrequencyProgress) => void,
): Promise<{ results: FrequencyResults; octaveLayers: number }> {
  const execArgv = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
  const child = fork(CHILD_SCRIPT, [JSON.stringify(job)], {
    execArgv,
    env: { ...process.env, OCTCONV_WASM_THREADS: '1' },
    serialization: 'advanced', // keeps the NaN of cells another part computes
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.on('message', (m: PartMessage) => {
      if (m.type === 'progress') return onProgress(m.progress);
      settled = true;
      if (m.type === 'result') resolve(m);
      else reject(new Error(m.message));
    });
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`a freq-report part process exited with code ${code} before its result`));
    });
  });
}

/**
 * All three experiments on `images` test images over `jobs` processes, merged. Progress: the
 * sum over the parts of each phase's done and total units.
 */
export async function frequencyInParts(
  model: string,
  options: Required<Pick<FrequencyJobOptions, 'images'>> & Omit<FrequencyJobOptions, 'experiments' | 'firstImage'>,
  jobs: number,
  onProgress: (p: FrequencyProgress) => void,
): Promise<{ results: FrequencyResults; octaveLayers: number }> {
  const t0 = performance.now();
  const sizes = imageParts(options.images, jobs);
  const seen = sizes.map((): Map<string, FrequencyProgress> => new Map());
  // A phase's merged progress starts once every part has reported it (they start together), so
  // its total is the whole phase's and done = total only when every part is through.
  const report = (k: number, p: FrequencyProgress) => {
    seen[k].set(p.phase, p);
    const now = seen.map((m) => m.get(p.phase));
    if (now.some((q) => q === undefined)) return;
    const all = now as FrequencyProgress[];
    onProgress({ phase: p.phase, done: all.reduce((a, q) => a + q.done, 0), total: all.reduce((a, q) => a + q.total, 0) });
  };
  const parts = await Promise.all(
    sizes.map((size, k) =>
      runPart(
        {
          model,
          jobs: [
            { experiments: ['band', 'ablation'], images: size, firstImage: sizes.slice(0, k).reduce((a, b) => a + b, 0) },
            {
              experiments: ['sensitivity'],
              images: options.images,
              sensitivityImages: options.sensitivityImages,
              gridSize: options.gridSize,
              sensitivityPart: { index: k, count: sizes.length },
            },
          ],
        },
        (p) => report(k, p),
      ),
    ),
  );
  const results: FrequencyResults = {
    band: mergeBand(parts.map((p) => p.results.band!)),
    ablation: mergeAblation(
      parts.map((p) => p.results.ablation!),
      sizes,
    ),
    sensitivity: mergeSensitivity(parts.map((p) => p.results.sensitivity!)),
    elapsedMs: performance.now() - t0,
  };
  return { results, octaveLayers: parts[0].octaveLayers };
}
