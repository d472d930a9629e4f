/**
 * Finished runs kept in IndexedDB (via `idb`) so that a reload loses nothing (docs/architecture.md §1.6).
 * Works wherever `indexedDB` exists (browsers; Node tests with fake-indexeddb).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunRecord } from './runs';

/** Database and store names (separate from the data cache of src/data). */
export const RUNS_DB_NAME = 'octconv-lab-runs';
const RUNS_STORE = 'runs';
const DB_VERSION = 1;

interface RunsDb extends DBSchema {
  runs: { key: string; value: RunRecord };
}

/** A small persistent store of runs, keyed by run id. */
export class RunStore {
  private constructor(private readonly db: IDBPDatabase<RunsDb>) {}

  /**
   * Open (or create) the store.
   * @throws Error "IndexedDB is not available…" when the environment has none.
   */
  static async open(dbName = RUNS_DB_NAME): Promise<RunStore> {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available: runs cannot be kept across reloads');
    const db = await openDB<RunsDb>(dbName, DB_VERSION, {
      upgrade(d) {
        d.createObjectStore(RUNS_STORE, { keyPath: 'id' });
      },
    });
    return new RunStore(db);
  }

  /** All stored runs, oldest first (by createdAt). */
  async list(): Promise<RunRecord[]> {
    const all = await this.db.getAll(RUNS_STORE);
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Insert or replace a run (structured clone: typed arrays and nested objects are kept). */
  async put(run: RunRecord): Promise<void> {
    await this.db.put(RUNS_STORE, run);
  }

  /** Delete runs by id (missing ids are ignored). */
  async delete(ids: string[]): Promise<void> {
    const tx = this.db.transaction(RUNS_STORE, 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }

  /** Close the connection. */
  close(): void {
    this.db.close();
  }
}
