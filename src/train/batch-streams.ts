/**
 * The train and test batch streams of a run's config (seeded shuffle, augmentation, subsets),
 * as the worker session builds them. DOM-free.
 */
import { createBatchStream, perClassCounts, takeSubset } from '../data/index';
import type { ChannelStats, Cifar10Dataset } from '../data/types';
import type { TrainConfig } from './protocol';

/** Batch size of evaluation passes (inference only, so larger than training batches). */
export const EVAL_BATCH_SIZE = 500;

/** Builds the train/test batch streams of a config (train: shuffled, augmented; test: in order). */
export function makeBatchStreams(dataset: Cifar10Dataset, stats: ChannelStats, c: TrainConfig) {
  const trainSplit = c.trainLimit ? takeSubset(dataset.train, c.trainLimit) : dataset.train;
  const testSplit = c.testLimit ? takeSubset(dataset.test, c.testLimit) : dataset.test;
  return {
    // Drop a last batch smaller than the batch size: a tiny batch makes BatchNorm statistics noisy.
    train: createBatchStream(trainSplit, {
      batchSize: c.batchSize,
      seed: c.seed,
      shuffle: true,
      augment: c.augment,
      stats,
      dropRemainder: trainSplit.count >= c.batchSize,
    }),
    test: createBatchStream(testSplit, { batchSize: EVAL_BATCH_SIZE, seed: c.seed, shuffle: false, augment: false, stats }),
    testPerClass: perClassCounts(testSplit),
  };
}
