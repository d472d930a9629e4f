/**
 * `npm run bench -- --browser`: builds scripts/bench-page with Vite, serves it (and the wasm
 * binaries) on 127.0.0.1, and drives Debian's headless Chromium through playwright-core
 * (executablePath /usr/bin/chromium, flags from docs/tfjs-notes.md; never `playwright install`). Each
 * backend runs in a fresh page. Software WebGL/WebGPU adapters are ~30× slower than wasm here, so
 * they get a tiny workload (Oct-ResNet-8, batch 8, one timed rep).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser/chromium';
import type { StepBenchResult } from './bench-node';

const CHROMIUM = CHROMIUM_PATH;
const FLAGS = [...CHROMIUM_FLAGS, '--enable-unsafe-webgpu'];
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** Options of the browser run. */
export interface BrowserBenchOptions {
  backends: string[];
  /** wasm workload (software GPU adapters get the tiny one). */
  depth: number;
  batch: number;
  reps: number;
  alphas: number[];
}

/** Serves `dir` and the wasm binaries under /wasm/ on 127.0.0.1 (random port). */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const wasmDir = fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url));
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = path.startsWith('/wasm/')
      ? join(wasmDir, normalize(path.slice(6)))
      : join(dir, normalize(path === '/' ? '/index.html' : path));
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr == null || typeof addr === 'string') throw new Error('bench --browser: no server address');
  return { server, url: `http://127.0.0.1:${addr.port}/` };
}

/**
 * Runs the step benchmark per backend in headless Chromium.
 * @throws Error when Vite's build or Chromium's launch fails (per-backend failures are recorded)
 */
export async function runBrowserBench(o: BrowserBenchOptions): Promise<Record<string, unknown>> {
  const outDir = mkdtempSync(join(tmpdir(), 'oct-bench-page-'));
  const userDir = mkdtempSync(join(tmpdir(), 'oct-bench-chromium-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('./bench-page/', import.meta.url)),
    base: './',
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false, chunkSizeWarningLimit: 100_000 },
  });
  const { server, url } = await serve(outDir);
  const context = await chromium.launchPersistentContext(userDir, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const runs: Record<string, unknown> = {};
  try {
    for (const backend of o.backends) {
      const software = backend !== 'wasm' && backend !== 'cpu';
      const work = software
        ? { depth: 8, batch: 8, reps: 1, warmup: 0, alphas: o.alphas, widthMultiplier: 1, inspectReps: 2 }
        : { depth: o.depth, batch: o.batch, reps: o.reps, warmup: 1, alphas: o.alphas, widthMultiplier: 1, inspectReps: 5 };
      const page = await context.newPage();
      page.on('console', (m) => process.stderr.write(`[${backend}] ${m.text()}\n`));
      try {
        await page.goto(url);
        await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
        const result = (await page.evaluate((args) => window.octBench(args), { ...work, backend })) as StepBenchResult & {
          adapter: string | null;
        };
        runs[backend] = { workload: work, ...result };
        process.stderr.write(
          `[${backend}] ${result.figures.map((f) => `α=${f.alpha}: ${f.medianStepMs.toFixed(0)} ms (${f.imagesPerSecond.toFixed(1)} img/s, ×${f.ratioToAlpha0?.toFixed(2)})`).join('; ')}\n`,
        );
      } catch (e) {
        runs[backend] = { workload: work, error: e instanceof Error ? e.message : String(e) };
        process.stderr.write(`[${backend}] failed: ${String(e)}\n`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await context.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(userDir, { recursive: true, force: true });
  }
  return { chromium: CHROMIUM, flags: FLAGS, runs };
}
