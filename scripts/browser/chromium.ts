/**
 * Headless Chromium for the e2e tests and the browser scripts (docs/tfjs-notes.md "Headless
 * Chromium flags"): Debian's binary, the flags this closed network needs, and the production build
 * of the lab the tests serve.
 */
import { resolve } from 'node:path';
import { build } from 'vite';

/** Debian's Chromium (apt-get install -y chromium), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags: headless, no sandbox (root), no background network (refused here), SwiftShader allowed. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];

/**
 * Builds the lab from `root` into `outDir` as users get it (a production React build, even under
 * Vitest, which sets NODE_ENV=test).
 * @throws the build's error (e.g. the page budget of scripts/vite/page-budget.ts).
 */
export async function buildLabSite(root: string, outDir: string): Promise<void> {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
}
