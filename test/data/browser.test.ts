/**
 * Browser loading (src/data/browser.ts) in Node: fetch from a local node:http server, IndexedDB
 * cache via fake-indexeddb, dropped files as Blobs. Includes one round trip over the real files.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  CACHE_CHUNK_BYTES,
  clearCifar10Cache,
  loadCifar10FromFiles,
  loadCifar10FromUrl,
  type LoadProgress,
} from '../../src/data';
import { resolveCifar10Dir } from '../../src/data/node';
import { NAMES, syntheticFiles, tarGz } from './fixtures';
import { serve } from './server';

const RECORDS = 3;
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Routes for /data/cifar10/<file>, with or without manifest.json. */
function routes(files: { name: string; bytes: Uint8Array }[], withManifest: boolean): Record<string, Uint8Array> {
  const r: Record<string, Uint8Array> = {};
  for (const f of files) r[`/data/cifar10/${f.name}`] = f.bytes;
  if (withManifest) {
    const manifest = { files: files.map((f) => ({ name: f.name, size: f.bytes.length, sha256: sha256(f.bytes) })) };
    r['/data/cifar10/manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
  }
  return r;
}

afterEach(async () => {
  await clearCifar10Cache();
});

describe('loadCifar10FromUrl', () => {
  it('downloads with byte progress, then serves the second visit from IndexedDB', async () => {
    const files = syntheticFiles(RECORDS);
    const total = files.reduce((s, f) => s + f.bytes.length, 0);
    const server = await serve(routes(files, true));
    try {
      const progress: LoadProgress[] = [];
      const first = await loadCifar10FromUrl(`${server.base}/data/cifar10/`, (p) => progress.push(p), {
        recordsPerFile: RECORDS,
      });
      expect(first.origin).toBe('network');
      expect(first.dataset.train.count).toBe(5 * RECORDS);
      const downloads = progress.filter((p) => p.phase === 'download');
      expect(downloads.every((p) => p.totalBytes === total)).toBe(true);
      expect(downloads.map((p) => p.loadedBytes)).toEqual([...downloads.map((p) => p.loadedBytes)].sort((a, b) => a - b));
      expect(progress[progress.length - 1]).toEqual({ phase: 'done', loadedBytes: total, totalBytes: total });

      const fileRequests = server.requests.filter((r) => !r.endsWith('manifest.json')).length;
      expect(fileRequests).toBe(7);
      const cached: LoadProgress[] = [];
      const second = await loadCifar10FromUrl(`${server.base}/data/cifar10`, (p) => cached.push(p), { recordsPerFile: RECORDS });
      expect(second.origin).toBe('cache');
      expect(server.requests.filter((r) => !r.endsWith('manifest.json')).length).toBe(7); // nothing downloaded
      expect(second.dataset.train.images).toEqual(first.dataset.train.images);
      expect(second.dataset.test.labels).toEqual(first.dataset.test.labels);
      expect(second.dataset.classNames).toEqual(first.dataset.classNames);
      expect(cached.map((p) => p.phase)).toEqual(['cache', 'done']);
      expect(first.cache.state).toBe('stored');
      expect(second.cache.state).toBe('hit');
      expect(second.cache.reason).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('neither reads nor writes the cache with cache: false', async () => {
    const server = await serve(routes(syntheticFiles(RECORDS), true));
    try {
      const url = `${server.base}/data/cifar10/`;
      const opts = { recordsPerFile: RECORDS, cache: false };
      expect((await loadCifar10FromUrl(url, () => {}, opts)).origin).toBe('network');
      expect((await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS })).origin).toBe('network');
      expect((await loadCifar10FromUrl(url, () => {}, opts)).origin).toBe('network');
      expect((await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS })).origin).toBe('cache');
    } finally {
      await server.close();
    }
  });

  it('uses Content-Length for totals when there is no manifest', async () => {
    const files = syntheticFiles(RECORDS);
    const server = await serve(routes(files, false));
    try {
      const progress: LoadProgress[] = [];
      await loadCifar10FromUrl(`${server.base}/data/cifar10/`, (p) => progress.push(p), {
        recordsPerFile: RECORDS,
        cache: false,
      });
      const total = files.reduce((s, f) => s + f.bytes.length, 0);
      expect(progress.filter((p) => p.phase === 'download').every((p) => p.totalBytes === total)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('tells the exact command or the drop option when nothing is found (404 or an HTML fallback page)', async () => {
    const empty = await serve({});
    const html = await serve(routes(syntheticFiles(1), false), { contentType: 'text/html' });
    try {
      for (const base of [empty.base, html.base]) {
        const err = await loadCifar10FromUrl(`${base}/data/cifar10/`, () => {}).catch((e: Error) => e);
        expect(err).toBeInstanceOf(Error);
        const msg = (err as Error).message;
        expect(msg).toContain(`CIFAR-10 not found at ${base}/data/cifar10/`);
        expect(msg).toContain('run `npm run data`');
        expect(msg).toContain('`npm run data -- --from PATH`');
        expect(msg).toContain('drop cifar-10-binary.tar.gz or the seven files');
      }
    } finally {
      await Promise.all([empty.close(), html.close()]);
    }
  });

  it('round-trips the real dataset: network, then cache with identical bytes', async () => {
    const dir = resolveCifar10Dir();
    const files = NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
    const server = await serve(routes(files, true));
    try {
      const url = `${server.base}/data/cifar10/`;
      const first = await loadCifar10FromUrl(url, () => {});
      expect(first.origin).toBe('network');
      expect(first.dataset.train.count).toBe(50_000);
      const second = await loadCifar10FromUrl(url, () => {});
      expect(second.origin).toBe('cache');
      expect(first.cache.state).toBe('stored');
      expect(second.dataset.test.count).toBe(10_000);
      // 153.6 MB of train images span ceil(153.6e6 / 32 MiB) = 5 chunks; every image byte is back.
      expect(Math.ceil(first.dataset.train.images.length / CACHE_CHUNK_BYTES)).toBe(5);
      expect(Buffer.from(second.dataset.train.images).equals(Buffer.from(first.dataset.train.images))).toBe(true);
      expect(second.dataset.test.labels).toEqual(first.dataset.test.labels);
      // Spot-check the images instead of comparing 184 MB element-wise.
      expect(second.dataset.train.images.subarray(123_456 * 3, 123_456 * 3 + 3072)).toEqual(
        first.dataset.train.images.subarray(123_456 * 3, 123_456 * 3 + 3072),
      );
    } finally {
      await server.close();
    }
  });
});

describe('the chunked dataset cache', () => {
  it('refuses files whose sha256 differs from the manifest, names the file and caches nothing', async () => {
    const files = syntheticFiles(RECORDS);
    const r = routes(files, true);
    const bad = Uint8Array.from(files[2].bytes);
    bad[100] ^= 1; // a flipped bit the parser cannot see
    r['/data/cifar10/data_batch_3.bin'] = bad;
    const server = await serve(r);
    try {
      const url = `${server.base}/data/cifar10/`;
      await expect(loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS })).rejects.toThrow(
        /^data_batch_3\.bin as served does not match manifest\.json \(sha256 [0-9a-f]{12}… instead of [0-9a-f]{12}…\).*npm run data/,
      );
      r['/data/cifar10/data_batch_3.bin'] = files[2].bytes; // the server is fixed
      const fixed = await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      expect(fixed.origin).toBe('network');
      expect(fixed.cache.state).toBe('stored');
    } finally {
      await server.close();
    }
  });

  it('never serves a copy whose signature no longer matches the manifest, and replaces it', async () => {
    const files = syntheticFiles(RECORDS);
    const r = routes(files, true);
    const server = await serve(r);
    try {
      const url = `${server.base}/data/cifar10/`;
      await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      // The server's copy changes (manifest and file together): the cache is stale.
      const changed = syntheticFiles(RECORDS).map((f, i) =>
        i === 0 ? { ...f, bytes: Uint8Array.from(f.bytes, (b, k) => (k % 3073 === 0 ? 9 : b)) } : f,
      );
      Object.assign(r, routes(changed, true));
      const second = await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      expect(second.origin).toBe('network');
      expect(Array.from(second.dataset.train.labels.subarray(0, RECORDS))).toEqual([9, 9, 9]);
      const third = await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      expect(third.origin).toBe('cache');
      expect(Array.from(third.dataset.train.labels.subarray(0, RECORDS))).toEqual([9, 9, 9]);
      // Without a manifest (e.g. offline) the cached copy is served, with a remark saying so.
      delete r['/data/cifar10/manifest.json'];
      const offline = await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      expect(offline.origin).toBe('cache');
      expect(offline.cache.reason).toMatch(/no manifest\.json/);
    } finally {
      await server.close();
    }
  });

  it('reports a refused write with its reason and keeps the loaded data', async () => {
    const server = await serve(routes(syntheticFiles(RECORDS), true));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const url = `${server.base}/data/cifar10/`;
      const first = await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      expect(first.dataset.train.count).toBe(5 * RECORDS);
      expect(first.cache).toMatchObject({
        state: 'not-stored',
        reason: "the browser's storage quota for this site is exhausted",
      });
      IDBObjectStore.prototype.put = put;
      expect((await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS })).origin).toBe('network'); // nothing half-written
      expect((await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS })).origin).toBe('cache');
    } finally {
      IDBObjectStore.prototype.put = put;
      await server.close();
    }
  });

  it('stores only the image and label bytes, in chunks of at most CACHE_CHUNK_BYTES', async () => {
    const server = await serve(routes(syntheticFiles(RECORDS), true));
    try {
      await loadCifar10FromUrl(`${server.base}/data/cifar10/`, () => {}, { recordsPerFile: RECORDS });
      const db = await openDB('octconv-lab-cifar10');
      const values = (await db.getAll('chunks')) as ArrayBuffer[];
      db.close();
      expect(values.every((v) => v.byteLength <= CACHE_CHUNK_BYTES)).toBe(true);
      // Six batch files of RECORDS records: 3,072 image bytes + 1 label byte each, nothing else.
      expect(values.reduce((s, v) => s + v.byteLength, 0)).toBe(6 * RECORDS * (3072 + 1));
    } finally {
      await server.close();
    }
  });
});

describe('loadCifar10FromFiles', () => {
  const asFiles = (files: { name: string; bytes: Uint8Array }[]): File[] =>
    files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));

  it('reads dropped loose files or the archive, with byte progress', async () => {
    const files = syntheticFiles(RECORDS);
    const progress: LoadProgress[] = [];
    const loose = await loadCifar10FromFiles(asFiles(files), (p) => progress.push(p), { recordsPerFile: RECORDS });
    const total = files.reduce((s, f) => s + f.bytes.length, 0);
    expect(progress.filter((p) => p.phase === 'download').at(-1)).toMatchObject({ loadedBytes: total, totalBytes: total });
    expect(progress.at(-1)?.phase).toBe('done');
    const packed = await loadCifar10FromFiles(asFiles([{ name: 'cifar-10-binary.tar.gz', bytes: tarGz(files) }]), () => {}, {
      recordsPerFile: RECORDS,
    });
    expect(packed.train.images).toEqual(loose.train.images);
  });

  it('passes on specific errors (same file twice, missing member)', async () => {
    const files = syntheticFiles(RECORDS);
    await expect(loadCifar10FromFiles(asFiles([...files, files[0]]), () => {}, { recordsPerFile: RECORDS })).rejects.toThrow(
      'data_batch_1.bin was given twice',
    );
    await expect(loadCifar10FromFiles(asFiles(files.slice(1)), () => {}, { recordsPerFile: RECORDS })).rejects.toThrow(
      /^missing data_batch_1\.bin/,
    );
  });
});
