/**
 * One part of `npm run freq-report -- --jobs N` (started by scripts/freq-parts.ts with fork; argv:
 * one JSON PartJob): loads CIFAR-10, the wasm backend and the model, runs its frequency jobs (its
 * part of the images, its part of the sensitivity cells) and sends progress and the results back
 * over IPC.
 */
import { createNodeSession } from '../src/train/cli-run';
import type { FrequencyResults } from '../src/frequency/types';
import { readModelDir, type PartJob, type PartMessage } from './freq-parts';

/** Sends one message and resolves once it is handed to the parent (so exiting loses nothing). */
const send = (m: PartMessage) => new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

async function main(): Promise<void> {
  if (!process.send) throw new Error('scripts/freq-job.ts is started by `npm run freq-report -- --jobs N`, not directly');
  const job = JSON.parse(process.argv[2] ?? '{}') as PartJob;
  const { session } = await createNodeSession('wasm');
  const layers = await session.loadModel(readModelDir(job.model));
  const results: FrequencyResults = { elapsedMs: 0 };
  for (const options of job.jobs) {
    const r = await session.frequency(options, (progress) => void send({ type: 'progress', progress }));
    Object.assign(results, r, { elapsedMs: results.elapsedMs + r.elapsedMs });
  }
  await send({ type: 'result', results, octaveLayers: layers.length });
}

main().then(
  () => process.exit(0),
  (e: unknown) => send({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }).then(() => process.exit(1)),
);
