/**
 * Runs a sweep's tasks on an executor's slots through a {@link RunQueue}: the in-process executor
 * (one LabSession, one slot) or the process pool (`--jobs N`: one child process per slot, each
 * with its own tfjs/WASM instance and its own copy of CIFAR-10). Node-only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BackendName, TrainConfig, TrainEvent } from './protocol';
import type { RunRecord } from './run-record';
import { RunQueue, type QueueEta, type RunningItem } from './run-queue';
import { createNodeSession, trainRecorded } from './cli-run';

/** One run of the sweep. */
export interface SweepJob {
  runId: string;
  config: TrainConfig;
  totalSteps: number;
}

/** Trains jobs on numbered slots. */
export interface SweepExecutor {
  readonly slots: number;
  /** Trains `job` on `slot`; resolves with its record (reason 'error' on a failed run). */
  run(slot: number, job: SweepJob, onEvent: (e: TrainEvent) => void): Promise<RunRecord>;
  /** Ends the slots' processes. */
  close(): Promise<void>;
}

/** What the runner reports while it runs (for the progress bars). */
export interface SweepObserver {
  onStart?(run: RunningItem<SweepJob>): void;
  onEvent?(run: RunningItem<SweepJob>, e: TrainEvent, eta: QueueEta): void;
  onFinish?(run: RunningItem<SweepJob>, record: RunRecord, eta: QueueEta, done: number): void;
}

/**
 * Runs every job, `executor.slots` at a time, in queue order (the next job goes to the first
 * free slot). Resolves with the records in the jobs' order. A slot whose process dies rejects.
 */
export async function runSweepJobs(
  jobs: readonly SweepJob[],
  executor: SweepExecutor,
  observer: SweepObserver = {},
): Promise<RunRecord[]> {
  const queue = new RunQueue<SweepJob>(executor.slots);
  queue.enqueue(jobs.map((j) => ({ id: j.runId, payload: j, totalSteps: j.totalSteps })));
  const records = new Map<string, RunRecord>();
  let failure: unknown = null;
  const startOn = (run: RunningItem<SweepJob>): Promise<void> => {
    observer.onStart?.(run);
    return executor
      .run(run.slot, run.payload, (e) => {
        if (e.type === 'step' || e.type === 'epoch') queue.progress(run.id, e.step, e.elapsedMs);
        observer.onEvent?.(run, e, queue.eta());
      })
      .then((record) => {
        queue.finish(run.id);
        records.set(run.id, record);
        observer.onFinish?.(run, record, queue.eta(), records.size);
        if (failure === null) return Promise.all(queue.assign().map(startOn)).then(() => {});
      });
  };
  await Promise.all(queue.assign().map((r) => startOn(r).catch((e) => void (failure ??= e))));
  if (failure !== null) throw failure;
  return jobs.map((j) => records.get(j.runId)!);
}

/** One LabSession in this process: a single slot. */
export async function inProcessExecutor(
  backend: BackendName,
): Promise<SweepExecutor & { trainCount: number; backend: BackendName }> {
  const s = await createNodeSession(backend);
  return {
    slots: 1,
    trainCount: s.trainCount,
    backend: s.backend,
    run: (_slot, job, onEvent) => trainRecorded(s.session, job.runId, job.config, s.backend, onEvent),
    close: async () => s.session.dispose(),
  };
}

/** Messages from a sweep child process (scripts/sweep-job.ts). */
export type ChildMessage =
  | { type: 'ready'; backend: BackendName; trainCount: number }
  | { type: 'event'; event: TrainEvent }
  | { type: 'result'; record: RunRecord }
  | { type: 'fatal'; message: string };

/** Messages to a sweep child process. */
export type ParentMessage = { type: 'run'; job: SweepJob } | { type: 'exit' };

/** The child entry point. */
const CHILD_SCRIPT = fileURLToPath(new URL('../../scripts/sweep-job.ts', import.meta.url));

/** Starts one child and waits for its 'ready' (data loaded, backend up). */
function startChild(backend: BackendName): Promise<{ child: ChildProcess; ready: Extract<ChildMessage, { type: 'ready' }> }> {
  // Under tsx the parent's execArgv carries its loader; otherwise load tsx explicitly.
  const execArgv = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
  const child = fork(CHILD_SCRIPT, ['--backend', backend], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type === 'ready') resolve({ child, ready: m });
      else if (m.type === 'fatal') reject(new Error(m.message));
      if (m.type === 'ready' || m.type === 'fatal') cleanup();
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`a sweep job process exited with code ${code} before it was ready`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * `jobs` child processes, each a LabSession on `backend` with CIFAR-10 loaded.
 * @throws Error (rejects) with the child's message when one cannot start (no data, no backend).
 */
export async function processPoolExecutor(
  jobs: number,
  backend: BackendName,
): Promise<SweepExecutor & { trainCount: number; backend: BackendName }> {
  const started = await Promise.allSettled(Array.from({ length: jobs }, () => startChild(backend)));
  const children = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    children.forEach(({ child }) => child.kill());
    throw failed.reason;
  }
  return {
    slots: jobs,
    trainCount: children[0].ready.trainCount,
    backend: children[0].ready.backend,
    run: (slot, job, onEvent) =>
      new Promise<RunRecord>((resolve, reject) => {
        const { child } = children[slot];
        const onMessage = (m: ChildMessage) => {
          if (m.type === 'event') onEvent(m.event);
          else if (m.type === 'result' || m.type === 'fatal') {
            cleanup();
            if (m.type === 'result') resolve(m.record);
            else reject(new Error(m.message));
          }
        };
        const onExit = (code: number | null) => {
          cleanup();
          reject(new Error(`the sweep job process of slot ${slot} exited with code ${code} during ${job.runId}`));
        };
        const cleanup = () => {
          child.off('message', onMessage);
          child.off('exit', onExit);
        };
        child.on('message', onMessage);
        child.on('exit', onExit);
        child.send({ type: 'run', job } satisfies ParentMessage);
      }),
    close: async () => {
      await Promise.all(
        children.map(({ child }) =>
          child.exitCode !== null
            ? Promise.resolve()
            : new Promise<void>((resolve) => {
                child.once('exit', () => resolve());
                child.send({ type: 'exit' } satisfies ParentMessage);
              }),
        ),
      );
    },
  };
}
