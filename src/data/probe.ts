/**
 * What loading CIFAR-10 from a URL would cost before it starts (the data panel asks before a large
 * download on a phone or a metered connection): whether this browser holds a current cached copy
 * (src/data/cache.ts) and how many bytes a download would fetch (the served manifest.json).
 * DOM-free: runs in the Web Worker and in Node tests (fake-indexeddb).
 */
import { fetchManifest, withSlash } from './browser';
import { cachedSignature } from './cache';
import { CIFAR10_FILES } from './files';
import type { UrlProbe } from './types';

/**
 * Probes `baseUrl` (e.g. 'data/cifar10/') without downloading the dataset: reads manifest.json
 * and the cache entry's signature. A cached copy counts as current when its signature equals the
 * manifest's sha256 list, or when there is no manifest (offline: loadCifar10FromUrl serves it then).
 * @returns `cached` and `downloadBytes` (sum of the seven files' sizes in bytes; null without a manifest).
 */
export async function probeCifar10Url(baseUrl: string): Promise<UrlProbe> {
  const base = withSlash(baseUrl);
  const [manifest, signature] = await Promise.all([fetchManifest(base), cachedSignature(base)]);
  const files = manifest ? CIFAR10_FILES.map((n) => manifest.find((f) => f.name === n)!) : null;
  const current = signature !== null && (files === null || files.map((f) => f.sha256).join(',') === signature.join(','));
  return { cached: current, downloadBytes: files ? files.reduce((s, f) => s + f.size, 0) : null };
}
