/** The bounded IndexedDB store of run weights: eviction plan (oldest first) and the store itself (fake-indexeddb). */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { planEviction, WeightStore, weightsBytes, type KeptWeights } from '../../src/ui/lib/weightStore';

const kept = (runId: string, savedAt: number, bytes: number): KeptWeights => ({ runId, savedAt, bytes });
/** Files of `n` weight bytes filled with `fill`, and a small model.json. */
const files = (n: number, fill: number) => ({ modelJson: '{"m":1}', weights: new Uint8Array(n).fill(fill).buffer });

describe('planEviction', () => {
  it('evicts oldest first, only as many as needed', () => {
    const k = [kept('b', 2, 40), kept('a', 1, 30), kept('c', 3, 20)];
    expect(planEviction(k, { runId: 'n', bytes: 10 }, 100)).toEqual({ keep: true, evict: [] });
    expect(planEviction(k, { runId: 'n', bytes: 11 }, 100)).toEqual({ keep: true, evict: ['a'] });
    expect(planEviction(k, { runId: 'n', bytes: 41 }, 100)).toEqual({ keep: true, evict: ['a', 'b'] });
    expect(planEviction(k, { runId: 'n', bytes: 100 }, 100)).toEqual({ keep: true, evict: ['a', 'b', 'c'] });
  });
  it('refuses a run bigger than the limit without evicting; a re-stored run replaces its own entry', () => {
    expect(planEviction([kept('a', 1, 10)], { runId: 'n', bytes: 101 }, 100)).toEqual({ keep: false, evict: [] });
    expect(planEviction([kept('a', 1, 90)], { runId: 'a', bytes: 95 }, 100)).toEqual({ keep: true, evict: [] });
  });
});

describe('WeightStore', () => {
  it('keeps files, evicts the oldest when over the limit, says so, and refuses a too-big run', async () => {
    const one = weightsBytes(files(1000, 0));
    expect(one).toBe(1000 + 2 * '{"m":1}'.length);
    const store = await WeightStore.open(`w-${Math.random()}`, 2 * one + 10);
    expect(await store.put('r1', files(1000, 1), 1)).toEqual({ stored: true, evicted: [], reason: null });
    expect(await store.put('r2', files(1000, 2), 2)).toEqual({ stored: true, evicted: [], reason: null });
    expect(await store.put('r3', files(1000, 3), 3)).toEqual({ stored: true, evicted: ['r1'], reason: null });
    expect((await store.list()).map((k) => k.runId)).toEqual(['r2', 'r3']);
    expect(await store.get('r1')).toBeNull();
    const back = await store.get('r3');
    expect(back?.modelJson).toBe('{"m":1}');
    expect(Array.from(new Uint8Array(back!.weights))).toEqual(new Array(1000).fill(3));
    const big = await store.put('huge', files(3 * one, 9), 4);
    expect(big.stored).toBe(false);
    expect(big.reason).toMatch(/MiB is over the .* MiB limit/);
    expect((await store.list()).map((k) => k.runId)).toEqual(['r2', 'r3']);
    await store.delete(['r2', 'missing']);
    expect((await store.list()).map((k) => k.runId)).toEqual(['r3']);
    store.close();
  });
});
