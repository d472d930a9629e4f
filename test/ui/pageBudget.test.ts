/** The build check of the page's JavaScript (scripts/vite/page-budget.ts). */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPageChunks, forbiddenOnPage } from '../../scripts/vite/page-budget';

describe('page budget', () => {
  it('follows the entry chunk through its static imports only, and sums their gzipped size', () => {
    const code = (n: number) => 'x'.repeat(n);
    const r = checkPageChunks([
      { fileName: 'index.js', code: code(1000), isEntry: true, imports: ['shared.js'], moduleIds: ['/r/src/ui/App.tsx'] },
      { fileName: 'shared.js', code: code(500), isEntry: false, imports: [], moduleIds: ['/r/src/train/protocol.ts'] },
      {
        fileName: 'worker.js',
        code: code(9000),
        isEntry: false,
        imports: [],
        moduleIds: ['/r/node_modules/@tensorflow/tfjs-core/dist/index.js'],
      },
    ]);
    expect(r.files.sort()).toEqual(['index.js', 'shared.js']);
    expect(r.gzipBytes).toBe(gzipSync(code(1000)).length + gzipSync(code(500)).length);
    expect(r.forbidden).toEqual([]);
  });
  it('names the tfjs packages and lets everything else through', () => {
    expect(forbiddenOnPage('/r/node_modules/@tensorflow/tfjs-core/dist/ops/conv2d.js')).toBe(true);
    expect(forbiddenOnPage('C:\\r\\node_modules\\@tensorflow\\tfjs-layers\\dist\\index.js')).toBe(true);
    for (const ok of [
      '/r/src/train/protocol.ts',
      '/r/src/train/face.ts',
      '/r/src/data/parse.ts',
      '/r/src/ui/App.tsx',
      '/r/node_modules/recharts/x.js',
    ]) {
      expect(forbiddenOnPage(ok)).toBe(false);
    }
  });
});
