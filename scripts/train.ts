/**
 * `npm run train -- --depth 20 --width 1 --alpha 0.25 --epochs 1 --batch 128 --lr 0.2 --seed 1
 *  [--train-limit N --test-limit N] [--backend wasm|cpu] [--out run.json] [--save-model DIR]`
 * (`--arch mobilenet-v1|mobilenet-v2` for an Oct-MobileNet with the CIFAR stem.)
 * Trains an Oct-ResNet on CIFAR-10 (CIFAR10_DIR or ../shared/cifar10 or public/data/cifar10) in
 * Node on WASM, with a progress bar and a final summary. Exit code 1 with a one-line reason on bad
 * input, missing data, an unavailable backend or divergence.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseTrainArgs, usage } from '../src/train/cli-args';
import { modelName } from '../src/train/model-config';
import { createNodeSession, runWithProgress, summarize, runCli } from '../src/train/cli-run';
import { checkOutputFile, checkOutputFolder, writeFileAtomic } from '../src/train/output-files';

async function main(): Promise<number> {
  const args = parseTrainArgs(process.argv.slice(2));
  if (args.help) {
    console.log(usage('train'));
    return 0;
  }
  // Output paths are checked before the data is loaded and step 1 runs.
  if (args.out) checkOutputFile(args.out);
  if (args.saveModel) checkOutputFolder(args.saveModel);
  const { session, backend, trainCount } = await createNodeSession(args.backend);
  const c = args.config;
  const runId = `${modelName(c)
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')}-a${c.alpha}`;
  const record = await runWithProgress(session, runId, c, backend, trainCount);
  if (args.out) writeFileAtomic(args.out, JSON.stringify(record, null, 2));
  if (record.reason === 'error') {
    console.error(`error: ${record.error}`);
    return 1;
  }
  const diverged = record.reason === 'diverged';
  for (const e of record.epochs) {
    console.log(
      `epoch ${e.epoch + 1}: train loss ${e.trainLoss.toFixed(4)}, train top-1 ${(100 * e.trainAccuracy).toFixed(2)}%, ` +
        `test top-1 ${(100 * e.test.top1).toFixed(2)}%, top-5 ${(100 * e.test.top5).toFixed(2)}%, ${e.imagesPerSecond.toFixed(1)} img/s`,
    );
  }
  console.log(summarize(record));
  if (args.out) console.log(`wrote ${args.out}`);
  if (diverged) {
    console.error(`error: ${record.error}`);
    return 1;
  }
  if (args.saveModel) {
    const files = await session.saveModel(runId);
    mkdirSync(args.saveModel, { recursive: true });
    writeFileAtomic(path.join(args.saveModel, 'weights.bin'), new Uint8Array(files.weights));
    writeFileAtomic(path.join(args.saveModel, 'model.json'), files.modelJson);
    console.log(`saved the model to ${args.saveModel}/model.json + weights.bin`);
  }
  return 0;
}

runCli(main);
