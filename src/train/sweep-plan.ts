/**
 * The (α, seed) grid of a sweep and its shards (a job array's share of the grid). Pure.
 */

/** One cell of the grid: train the base config at `alpha` with `seed`. */
export interface SweepTask {
  /** Position in the whole grid (α-major, then seed), stable across shards. */
  index: number;
  alpha: number;
  seed: number;
}

/** Which share of the grid to run: `index` ∈ [0, count) (0-based, as JOB_COMPLETION_INDEX). */
export interface Shard {
  index: number;
  count: number;
}

/** `count` consecutive seeds from `first`: [first, first + 1, …]. @throws Error when count < 1. */
export function seedList(first: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`the number of seeds must be an integer ≥ 1 (got ${count})`);
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * The grid α-major: for each α (in the given order) every seed.
 * @throws Error on an empty α or seed list.
 */
export function planGrid(alphas: readonly number[], seeds: readonly number[]): SweepTask[] {
  if (alphas.length === 0 || seeds.length === 0) throw new Error('a sweep needs at least one α and one seed');
  return alphas.flatMap((alpha, i) => seeds.map((seed, j) => ({ index: i * seeds.length + j, alpha, seed })));
}

/**
 * Parses `i/n` (0 ≤ i < n).
 * @throws Error naming the expected form for anything else ('2/2', '1', 'a/b', '-1/3').
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new Error(`--shard must be i/n with 0 ≤ i < n, e.g. 0/4 for the first of 4 shards (got '${text}')`);
  }
  return { index, count };
}

/** The tasks of one shard: every n-th cell of the grid from cell i (round robin spreads each α). */
export function shardTasks(tasks: readonly SweepTask[], shard: Shard | null): SweepTask[] {
  return shard ? tasks.filter((t) => t.index % shard.count === shard.index) : [...tasks];
}
