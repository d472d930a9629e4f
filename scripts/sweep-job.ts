/**
 * One `npm run sweep -- --jobs N` job process (started by src/train/sweep-runner.ts with fork):
 * loads CIFAR-10 and the backend named in argv[2] once, then trains the runs its parent sends
 * over IPC, forwarding step/epoch events and sending each run's record back.
 */
import { createNodeSession, trainRecorded } from '../src/train/cli-run';
import type { BackendName } from '../src/train/protocol';
import type { ChildMessage, ParentMessage } from '../src/train/sweep-runner';

const send = (m: ChildMessage) => process.send?.(m);

async function main(): Promise<void> {
  if (!process.send) throw new Error('scripts/sweep-job.ts is started by `npm run sweep -- --jobs N`, not directly');
  const { session, backend, trainCount } = await createNodeSession((process.argv[2] ?? 'wasm') as BackendName);
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
