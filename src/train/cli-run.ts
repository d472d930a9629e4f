/**
 * The Node CLI's run loop, shared by scripts/train.ts and scripts/sweep.ts: one LabSession on a
 * Node backend, a cli-progress bar (step, loss, img/s, ETA), a RunRecord out. Node-only.
 */
import { plannedSteps } from './config';
import cliProgress from 'cli-progress';
import { LabSession } from './session';
import { RunRecorder, type RunRecord } from './run-record';
import type { BackendName, TrainConfig, TrainEvent } from './protocol';
import { initNodeBackend, nodeDataLoader } from './node';

/** Creates a session with data loaded from the CIFAR-10 folder and the backend initialised. */
export async function createNodeSession(
  backend: BackendName,
): Promise<{ session: LabSession; backend: BackendName; trainCount: number }> {
  const session = new LabSession({ loadData: nodeDataLoader(), selectBackend: initNodeBackend });
  const choice = await session.init(backend);
  const summary = await session.loadData({ kind: 'url', baseUrl: '' }, () => {});
  return { session, backend: choice.name, trainCount: summary.trainCount };
}

export { plannedSteps };

/**
 * Trains one config and folds its events into a RunRecord (reason 'error' on divergence — the
 * caller decides the exit code); every event also goes to `onEvent`.
 */
export async function trainRecorded(
  session: LabSession,
  runId: string,
  config: TrainConfig,
  backend: BackendName,
  onEvent: (e: TrainEvent) => void = () => {},
): Promise<RunRecord> {
  const cost = await session.cost(config);
  const recorder = new RunRecorder({
    runId,
    config,
    backend,
    cost: { params: cost.params, macs: cost.macs, vanillaMacs: cost.vanilla.macs },
  });
  await session.start(runId, config, (e) => {
    recorder.onEvent(e);
    onEvent(e);
  });
  return recorder.record;
}

/**
 * Trains one config with a progress bar on stderr; resolves with the record (reason 'error' on
 * divergence — the caller decides the exit code).
 */
export async function runWithProgress(
  session: LabSession,
  runId: string,
  config: TrainConfig,
  backend: BackendName,
  trainCount: number,
): Promise<RunRecord> {
  const bar = new cliProgress.SingleBar(
    {
      format: `${runId} [{bar}] {value}/{total} steps | loss {loss} | acc {acc} | {ips} img/s | ETA {eta_formatted} | {note}`,
      stream: process.stderr,
      etaBuffer: 20,
      hideCursor: true,
      // Also log progress when stderr is not a terminal (CI, nohup): one line every 30 s.
      noTTYOutput: true,
      notTTYSchedule: 30_000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(plannedSteps(config, trainCount), 0, { loss: '-', acc: '-', ips: '-', note: '' });
  const record = await trainRecorded(session, runId, config, backend, (e) => {
    if (e.type === 'step') {
      bar.update(e.step, {
        loss: e.loss.toFixed(3),
        acc: (100 * e.accuracy).toFixed(1) + '%',
        ips: e.imagesPerSecond.toFixed(0),
      });
    } else if (e.type === 'epoch') {
      bar.update(e.step, { note: `epoch ${e.epoch + 1}: test top-1 ${(100 * e.test.top1).toFixed(2)}%` });
    }
  });
  bar.stop();
  return record;
}

/** One-line summary of a finished run. */
export function summarize(r: RunRecord): string {
  if (!r.final) return `${r.runId}: ${r.reason}${r.error ? `: ${r.error}` : ''}`;
  return (
    `${r.runId}: ${r.reason} after ${r.steps} step${r.steps === 1 ? '' : 's'} on ${r.backend} — test top-1 ${(100 * r.final.top1).toFixed(2)}%, ` +
    `top-5 ${(100 * r.final.top5).toFixed(2)}%, loss ${r.final.loss.toFixed(4)} (${r.final.count} images); ` +
    `${r.imagesPerSecond.toFixed(1)} img/s, ${(r.elapsedMs / 60000).toFixed(2)} min, first step ${r.firstStepMs.toFixed(0)} ms; ` +
    `${(r.cost.params / 1e6).toFixed(3)} M params, ${(r.cost.macs / 1e6).toFixed(1)} MMACs`
  );
}

/**
 * Runs a CLI entry point: exits with its return code (0 when it returns nothing), or prints
 * `error: <message>` on one line and exits 1 when it throws.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
