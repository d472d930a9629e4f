/**
 * The shared setup of the e2e files that need one browser on one built site: serves the build of
 * ./buildSite.ts (made once per test run) with the real CIFAR-10, launches headless Chromium, and
 * closes both after the file.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/browser/chromium';
import { E2E_SITE } from './site';
import { resolveCifar10Dir } from '../../src/data/node';
import { startStaticServer, type StaticServer } from './staticServer';

/** Where e2e screenshots go. */
export const ARTIFACTS = resolve(__dirname, '../../test-artifacts/e2e');

/** Registers the file's beforeAll/afterAll; the returned object is filled before the first test. */
export function useLabSite(): { server: StaticServer; browser: Browser } {
  const site = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    site.server = await startStaticServer(E2E_SITE, resolveCifar10Dir());
    site.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
