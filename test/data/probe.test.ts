/**
 * probeCifar10Url (src/data/probe.ts) in Node: manifest sizes from a local server, the cache entry
 * through fake-indexeddb after a real load, a changed manifest (stale copy) and no manifest (offline).
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { clearCifar10Cache, loadCifar10FromUrl, probeCifar10Url } from '../../src/data';
import { syntheticFiles } from './fixtures';
import { serve } from './server';

const RECORDS = 3;
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Routes for /data/cifar10/<file>; manifest 'changed' gives the first file a different sha256 (a re-served copy). */
function routes(files: { name: string; bytes: Uint8Array }[], manifest: 'ok' | 'none' | 'changed'): Record<string, Uint8Array> {
  const r: Record<string, Uint8Array> = {};
  for (const f of files) r[`/data/cifar10/${f.name}`] = f.bytes;
  if (manifest !== 'none') {
    const entries = files.map((f, i) => ({
      name: f.name,
      size: f.bytes.length,
      sha256: manifest === 'changed' && i === 0 ? '0'.repeat(64) : sha256(f.bytes),
    }));
    r['/data/cifar10/manifest.json'] = new TextEncoder().encode(JSON.stringify({ files: entries }));
  }
  return r;
}

afterEach(async () => {
  await clearCifar10Cache();
});

describe('probeCifar10Url', () => {
  it('reports the manifest size before a load, then a cached copy after it, without downloading', async () => {
    const files = syntheticFiles(RECORDS);
    const total = files.reduce((s, f) => s + f.bytes.length, 0);
    const server = await serve(routes(files, 'ok'));
    try {
      const url = `${server.base}/data/cifar10/`;
      expect(await probeCifar10Url(url)).toEqual({ cached: false, downloadBytes: total });
      expect(server.requests).toEqual(['/data/cifar10/manifest.json']);
      await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      const before = server.requests.length;
      expect(await probeCifar10Url(url.slice(0, -1))).toEqual({ cached: true, downloadBytes: total });
      expect(server.requests.slice(before)).toEqual(['/data/cifar10/manifest.json']);
    } finally {
      await server.close();
    }
  });

  it('a copy whose signature differs from the manifest is not cached; without a manifest it is', async () => {
    const files = syntheticFiles(RECORDS);
    const served = routes(files, 'ok');
    const server = await serve(served); // reads `served` per request, so the test can change it
    try {
      const url = `${server.base}/data/cifar10/`;
      await loadCifar10FromUrl(url, () => {}, { recordsPerFile: RECORDS });
      const total = files.reduce((s, f) => s + f.bytes.length, 0);
      Object.assign(served, routes(files, 'changed'));
      expect(await probeCifar10Url(url)).toEqual({ cached: false, downloadBytes: total });
      delete served['/data/cifar10/manifest.json'];
      expect(await probeCifar10Url(url)).toEqual({ cached: true, downloadBytes: null });
    } finally {
      await server.close();
    }
  });

  it('with no server at all: nothing cached, size unknown', async () => {
    const server = await serve({});
    const url = `${server.base}/data/cifar10/`;
    await server.close();
    expect(await probeCifar10Url(url)).toEqual({ cached: false, downloadBytes: null });
  });
});
