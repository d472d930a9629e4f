/**
 * Final weights of finished runs kept in IndexedDB (via `idb`) so that after a reload a run can
 * still be inspected. Bounded: at most {@link WEIGHTS_LIMIT_BYTES} in all; when a new run does not
 * fit, the oldest kept runs are evicted first, and the caller is told which (the page lists the
 * runs whose weights are not kept — never a silent loss). Works wherever `indexedDB` exists
 * (browsers; Node tests with fake-indexeddb).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SavedModelFiles } from '../../train/protocol';

/** Database name (separate from the runs and the data cache). */
export const WEIGHTS_DB_NAME = 'octconv-lab-run-weights';
/** Most bytes of weights (and model.json text) kept in this browser: 64 MiB. */
export const WEIGHTS_LIMIT_BYTES = 64 * 1024 * 1024;
const DB_VERSION = 1;

/** What is known about one kept run without reading its weights. */
export interface KeptWeights {
  runId: string;
  /** When it was stored (ms since the epoch): eviction goes oldest first. */
  savedAt: number;
  /** Bytes it takes: weights.bin + model.json (UTF-16, 2 bytes per character). */
  bytes: number;
}

interface WeightsDb extends DBSchema {
  meta: { key: string; value: KeptWeights };
  files: { key: string; value: SavedModelFiles & { runId: string } };
}

/** Bytes a run's files take in the store (see {@link KeptWeights.bytes}). */
export function weightsBytes(files: SavedModelFiles): number {
  return files.weights.byteLength + 2 * files.modelJson.length;
}

/** Outcome of planning to store `incoming`: whether it is kept, and which kept runs to evict. */
export interface EvictionPlan {
  keep: boolean;
  /** Run ids to delete first, oldest first. */
  evict: string[];
}

/**
 * Which kept runs to evict (oldest `savedAt` first) so that `incoming` fits under `limitBytes`
 * together with the rest. A run bigger than the limit on its own is not kept and evicts nothing.
 * A kept entry with the same run id as `incoming` is replaced (not counted). Pure.
 */
export function planEviction(
  kept: readonly KeptWeights[],
  incoming: { runId: string; bytes: number },
  limitBytes: number,
): EvictionPlan {
  if (incoming.bytes > limitBytes) return { keep: false, evict: [] };
  const others = kept.filter((k) => k.runId !== incoming.runId).sort((a, b) => a.savedAt - b.savedAt);
  let total = others.reduce((n, k) => n + k.bytes, 0) + incoming.bytes;
  const evict: string[] = [];
  for (const k of others) {
    if (total <= limitBytes) break;
    evict.push(k.runId);
    total -= k.bytes;
  }
  return { keep: true, evict };
}

/** Result of {@link WeightStore.put}. */
export interface PutOutcome {
  stored: boolean;
  /** Runs evicted to make room (oldest first). */
  evicted: string[];
  /** Why it was not stored; null when stored. */
  reason: string | null;
}

/** The bounded store of run weights, keyed by run id. */
export class WeightStore {
  private constructor(
    private readonly db: IDBPDatabase<WeightsDb>,
    readonly limitBytes: number,
  ) {}

  /**
   * Opens (or creates) the store.
   * @throws Error "IndexedDB is not available…" when the environment has none.
   */
  static async open(dbName = WEIGHTS_DB_NAME, limitBytes = WEIGHTS_LIMIT_BYTES): Promise<WeightStore> {
    if (typeof indexedDB === 'undefined')
      throw new Error('IndexedDB is not available: run weights cannot be kept across reloads');
    const db = await openDB<WeightsDb>(dbName, DB_VERSION, {
      upgrade(d) {
        d.createObjectStore('meta', { keyPath: 'runId' });
        d.createObjectStore('files', { keyPath: 'runId' });
      },
    });
    return new WeightStore(db, limitBytes);
  }

  /** Every kept run (no weights read), oldest first. */
  async list(): Promise<KeptWeights[]> {
    return (await this.db.getAll('meta')).sort((a, b) => a.savedAt - b.savedAt);
  }

  /** A kept run's files, or null. */
  async get(runId: string): Promise<SavedModelFiles | null> {
    const v = await this.db.get('files', runId);
    return v ? { modelJson: v.modelJson, weights: v.weights } : null;
  }

  /**
   * Keeps a run's files, evicting the oldest kept runs first when over the limit (one
   * transaction: a failure keeps what was there). Too big on its own: not stored, with the reason.
   * @throws Error when IndexedDB fails (quota exceeded, …).
   */
  async put(runId: string, files: SavedModelFiles, savedAt = Date.now()): Promise<PutOutcome> {
    const bytes = weightsBytes(files);
    const plan = planEviction(await this.list(), { runId, bytes }, this.limitBytes);
    if (!plan.keep) {
      return {
        stored: false,
        evicted: [],
        reason: `${(bytes / 2 ** 20).toFixed(1)} MiB is over the ${this.limitBytes / 2 ** 20} MiB limit`,
      };
    }
    const tx = this.db.transaction(['meta', 'files'], 'readwrite');
    const meta = tx.objectStore('meta');
    const data = tx.objectStore('files');
    await Promise.all([
      ...plan.evict.flatMap((id) => [meta.delete(id), data.delete(id)]),
      data.put({ runId, modelJson: files.modelJson, weights: files.weights }),
      meta.put({ runId, savedAt, bytes }),
      tx.done,
    ]);
    return { stored: true, evicted: plan.evict, reason: null };
  }

  /** Deletes runs' weights (missing ids are ignored). */
  async delete(runIds: readonly string[]): Promise<void> {
    const tx = this.db.transaction(['meta', 'files'], 'readwrite');
    await Promise.all([
      ...runIds.flatMap((id) => [tx.objectStore('meta').delete(id), tx.objectStore('files').delete(id)]),
      tx.done,
    ]);
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }
}
