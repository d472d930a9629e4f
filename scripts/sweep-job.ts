/**
 * One `npm run sweep -- --jobs N` job process (started by src/train/sweep-runner.ts with fork):
 * loads CIFAR-10 and the `--backend` it is given once, then trains the runs its parent sends
 * over IPC, forwarding step/epoch events and sending each run's record back.
 */
import { createNodeSession, trainRecorded } from '../src/train/cli-run';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';
import { BACKEND_NAMES } from '../src/train/protocol';
import type { ChildMessage, ParentMessage } from '../src/train/sweep-runner';

const send = (m: ChildMessage) => process.send?.(m);

const JOB_OPTIONS = {
  backend: { type: 'string', choices: BACKEND_NAMES, default: 'wasm', arg: 'NAME', help: 'backend of every run' },
} as const satisfies CliTable;

async function main(): Promise<void> {
  const { help, values } = parseCli(process.argv.slice(2), JOB_OPTIONS);
  if (help) return console.log(formatHelp('usage: started by `npm run sweep -- --jobs N` (IPC), not directly', JOB_OPTIONS));
  if (!process.send) throw new Error('scripts/sweep-job.ts is started by `npm run sweep -- --jobs N`, not directly');
  const { session, backend, trainCount } = await createNodeSession(values.backend);
  let busy: Promise<void> = Promise.resolve();
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'exit') {
      void busy.then(() => process.exit(0));
      return;
    }
    busy = busy
      .then(async () => {
        const record = await trainRecorded(session, m.job.runId, m.job.config, backend, (event) => {
          if (event.type === 'step' || event.type === 'epoch') send({ type: 'event', event });
        });
        send({ type: 'result', record });
      })
      .catch((e: unknown) => void send({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }));
  });
  send({ type: 'ready', backend, trainCount });
}

main().catch((e: unknown) => {
  send({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
