/**
 * What the trainer reads of the batches src/data's createBatchStream produces (one definition:
 * src/data/batches.ts); test doubles may leave out the record indices. The trainer disposes each batch.
 */
import type { Batch as DataBatch, BatchStream } from '../data/batches';

/** One batch: images NHWC float32 [N, 32, 32, 3] (normalised), labels int32 [N], N. */
export type Batch = Omit<DataBatch, 'indices'>;

/** A source of batches: a {@link BatchStream} whose batches need not carry indices. */
export interface BatchSource extends Pick<BatchStream, 'numBatches'> {
  epoch(e: number): Generator<Batch>;
}
