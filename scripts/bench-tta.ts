/**
 * Time to accuracy: trains a preset (default "quick") on real CIFAR-10 with the engine's
 * Trainer and, every `evalEvery` steps, pauses it and measures test top-1 on the first `testCount`
 * test images. The curve is (seconds of training, images seen, top-1); evaluation and pauses are
 * excluded from the seconds (the Trainer's elapsedMs). Node, current backend.
 */
import { loadCifar10FromDir, resolveCifar10Dir } from '../src/data/node';
import { computeChannelStats, createBatchStream, takeSubset } from '../src/data/index';
import { buildOctResNet } from '../src/octconv/index';
import { evaluate, makeBatchStreams, Trainer, TRAIN_PRESETS, type TrainConfig, type TrainPresetName } from '../src/train/index';

/** One point of the curve. */
export interface AccuracyPoint {
  step: number;
  /** Training seconds (pauses and evaluations excluded). */
  seconds: number;
  imagesSeen: number;
  top1: number;
  trainLoss: number;
}

/** Result of {@link runTimeToAccuracy}. */
export interface TimeToAccuracyResult {
  preset: string;
  config: TrainConfig;
  testCount: number;
  points: AccuracyPoint[];
  /** First training second at which top-1 ≥ 0.5, or null. */
  secondsTo50: number | null;
  finalTop1: number;
  imagesPerSecond: number;
}

/**
 * Trains `preset` and records the accuracy curve.
 * @throws Error when the CIFAR-10 folder is missing (the data module's message) or training fails
 */
export async function runTimeToAccuracy(opts: {
  preset: TrainPresetName;
  evalEvery: number;
  testCount: number;
  overrides?: Partial<TrainConfig>;
  log?: (line: string) => void;
}): Promise<TimeToAccuracyResult> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const config: TrainConfig = { ...TRAIN_PRESETS[opts.preset], ...opts.overrides };
  const dataset = await loadCifar10FromDir(resolveCifar10Dir());
  const stats = computeChannelStats(dataset.train);
  const { train } = makeBatchStreams(dataset, stats, config);
  const test = createBatchStream(takeSubset(dataset.test, opts.testCount), {
    batchSize: 500,
    seed: 0,
    shuffle: false,
    augment: false,
    stats,
  });
  const model = buildOctResNet({
    depth: config.depth,
    widthMultiplier: config.widthMultiplier,
    alpha: config.alpha,
    block: config.block,
    numClasses: 10,
    seed: config.seed,
  });
  const points: AccuracyPoint[] = [];
  let pending: { step: number; seconds: number; loss: number } | null = null;
  let lastEval = 0;
  let ips = 0;
  let error: string | null = null;
  const trainer: Trainer = new Trainer({
    runId: `tta-${opts.preset}`,
    config,
    model,
    train,
    test,
    onEvent: (e) => {
      if (e.type === 'step') {
        ips = e.imagesPerSecond;
        if (e.step - lastEval >= opts.evalEvery) {
          lastEval = e.step;
          pending = { step: e.step, seconds: e.elapsedMs / 1000, loss: e.loss };
          trainer.pause();
        }
      } else if (e.type === 'state' && e.state === 'paused') {
        setImmediate(() => void measure());
      } else if (e.type === 'done') {
        points.push({
          step: e.step,
          seconds: e.elapsedMs / 1000,
          imagesSeen: e.step * config.batchSize,
          top1: e.test.top1,
          trainLoss: NaN,
        });
        ips = e.imagesPerSecond;
      } else if (e.type === 'error') {
        error = e.message;
      }
    },
  });
  const measure = async (): Promise<void> => {
    const p = pending!;
    const m = await evaluate(model, test, false);
    points.push({ step: p.step, seconds: p.seconds, imagesSeen: p.step * config.batchSize, top1: m.top1, trainLoss: p.loss });
    log(
      `step ${p.step}: ${p.seconds.toFixed(1)} s, ${p.step * config.batchSize} images, test top-1 ${(100 * m.top1).toFixed(1)}%`,
    );
    trainer.resume();
  };
  await trainer.run();
  model.dispose();
  if (error) throw new Error(`time-to-accuracy run failed: ${error}`);
  const hit = points.find((p) => p.top1 >= 0.5);
  return {
    preset: opts.preset,
    config,
    testCount: opts.testCount,
    points,
    secondsTo50: hit ? hit.seconds : null,
    finalTop1: points.at(-1)?.top1 ?? NaN,
    imagesPerSecond: ips,
  };
}
