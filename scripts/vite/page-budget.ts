/**
 * Build check for the page's JavaScript (docs/architecture.md §2: tfjs lives in the worker): the
 * entry chunk of index.html and every chunk it imports statically must contain no module of
 * `@tensorflow/*`, and weigh at
 * most PAGE_BUDGET_GZIP_BYTES gzipped. `vite build` prints the figure and fails when either is broken.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Budget for the page's JavaScript (everything but the worker and the wasm binaries), gzipped bytes. */
export const PAGE_BUDGET_GZIP_BYTES = 350_000;

/** The parts of a Rollup output chunk the check reads. */
export interface ChunkInfo {
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  moduleIds: string[];
}

/**
 * Module ids that must not reach the page: the tfjs packages (any engine file of src/ that uses
 * tfjs imports one of them, so it is caught through that import).
 */
export function forbiddenOnPage(moduleId: string): boolean {
  return /\/node_modules\/@tensorflow\//.test(moduleId.replace(/\\/g, '/'));
}

/**
 * The page's chunks (the entry and its static imports, transitively), their gzipped size and
 * the forbidden modules in them.
 */
export function checkPageChunks(chunks: ChunkInfo[]): { files: string[]; gzipBytes: number; forbidden: string[] } {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const i of byName.get(name)!.imports) visit(i);
  };
  for (const c of chunks) if (c.isEntry) visit(c.fileName);
  const files = [...seen];
  const page = files.map((f) => byName.get(f)!);
  return {
    files,
    gzipBytes: page.reduce((s, c) => s + gzipSync(c.code).length, 0),
    forbidden: page.flatMap((c) => c.moduleIds.filter(forbiddenOnPage)),
  };
}

/** The Vite plugin (client build only; worker bundles are separate and may hold tfjs). */
export function pageBudget(): Plugin {
  return {
    name: 'octconv:page-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: ChunkInfo[] = [];
      for (const out of Object.values(bundle)) {
        if (out.type === 'chunk') {
          chunks.push({
            fileName: out.fileName,
            code: out.code,
            isEntry: out.isEntry,
            imports: out.imports,
            moduleIds: out.moduleIds,
          });
        }
      }
      const r = checkPageChunks(chunks);
      if (r.forbidden.length > 0) {
        this.error(
          `the page's JavaScript contains tfjs or engine modules (they belong in the worker): ${r.forbidden.slice(0, 5).join(', ')}`,
        );
      }
      if (r.gzipBytes > PAGE_BUDGET_GZIP_BYTES) {
        this.error(
          `the page's JavaScript is ${(r.gzipBytes / 1000).toFixed(0)} kB gzipped, over the ${PAGE_BUDGET_GZIP_BYTES / 1000} kB budget`,
        );
      }
      console.log(
        `page JavaScript: ${(r.gzipBytes / 1000).toFixed(0)} kB gzipped in ${r.files.length} chunk(s) (budget ${PAGE_BUDGET_GZIP_BYTES / 1000} kB), no tfjs`,
      );
    },
  };
}
