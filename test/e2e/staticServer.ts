/**
 * A tiny static HTTP server for the end-to-end tests (node:http, no dependencies): serves a
 * built site (dist/) and, under /data/cifar10/, the real CIFAR-10 files from CIFAR10_DIR — the
 * path the lab's browser loader fetches (src/data/browser.ts). Only GET/HEAD, only files inside
 * the two roots (no path traversal), with Content-Length so the page can show byte progress,
 * and the headers of vite.config.ts (scripts/vite/headers.ts: COOP/COEP for WASM threads, CSP,
 * nosniff, no referrer, no framing). When the
 * data folder has no manifest.json (the shared copy), one is computed at start (names, sizes,
 * sha256, as `npm run data` writes it) so the page verifies and caches exactly as for users.
 */
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CIFAR10_FILES } from '../../src/data/files';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { LAB_HEADERS } from '../../scripts/vite/headers';

/** MIME types of the files a Vite build and the data folder contain. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

/** A running server: its base URL and a close function. */
export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  /** Bytes served under /data/ so far (to tell a network load from a cache load). */
  dataBytesServed(): number;
  close(): Promise<void>;
}

/** Resolve `urlPath` inside `root`, or null when it escapes the root. */
function inside(root: string, urlPath: string): string | null {
  const p = resolve(root, `.${normalize(`/${urlPath}`)}`);
  return p === root || p.startsWith(root + sep) ? p : null;
}

/**
 * Start serving `siteDir` at / and `dataDir` at /data/cifar10/ on 127.0.0.1 (a free port).
 * @throws Error when the server cannot listen.
 */
export async function startStaticServer(siteDir: string, dataDir: string): Promise<StaticServer> {
  const site = resolve(siteDir);
  const data = resolve(dataDir);
  let dataBytes = 0;
  const manifest = existsSync(join(data, 'manifest.json')) ? null : await computeManifest(data);
  const server: Server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const isData = path.startsWith('/data/cifar10/');
      if (manifest && path === '/data/cifar10/manifest.json') {
        res.writeHead(200, {
          ...LAB_HEADERS,
          'Content-Type': 'application/json',
          'Content-Length': manifest.length,
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : manifest);
        return;
      }
      let file = isData ? inside(data, path.slice('/data/cifar10/'.length)) : inside(site, path);
      if (!file) {
        res.writeHead(403).end();
        return;
      }
      let s = await stat(file).catch(() => null);
      if (s?.isDirectory()) {
        file = join(file, 'index.html');
        s = await stat(file).catch(() => null);
      }
      if (!s || !s.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': s.size,
        'Cache-Control': 'no-store',
        ...LAB_HEADERS,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      if (isData && !file.endsWith('manifest.json')) dataBytes += s.size; // the dataset files, not the small manifest
      createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dataBytesServed: () => dataBytes,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** manifest.json bytes for the seven files of `dir` (the format of src/data/install.ts). */
async function computeManifest(dir: string): Promise<Buffer> {
  const files = await Promise.all(
    CIFAR10_FILES.map(async (name) => {
      const bytes = await readFile(join(dir, name));
      return { name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  return Buffer.from(JSON.stringify({ files }));
}
