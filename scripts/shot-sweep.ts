/**
 * Screenshot check of a parallel sweep in the page (manual, not a test): serves dist/ with the
 * real CIFAR-10, opens headless Chromium, starts α ∈ {0, 0.5} × 2 seeds of a tiny recipe and
 * saves screenshots while it runs and after it ends. `npx tsx scripts/shot-sweep.ts [--out DIR]`.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browser/chromium';
import path from 'node:path';
import { startStaticServer } from '../test/e2e/staticServer';
import { formatHelp, parseCli, type CliTable } from '../src/train/cli-options';

const SHOT_OPTIONS = {
  out: { type: 'string', arg: 'DIR', default: '/tmp/shots', help: 'folder for the screenshots' },
} as const satisfies CliTable;
const { help, values } = parseCli(process.argv.slice(2), SHOT_OPTIONS);
if (help) {
  console.log(formatHelp('usage: npx tsx scripts/shot-sweep.ts [flags]', SHOT_OPTIONS));
  process.exit(0);
}
const out = values.out;
const server = await startStaticServer(path.resolve('dist'), process.env.CIFAR10_DIR ?? '/work/shared/cifar10');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  await page.goto(`${server.url}?backend=wasm&maxSteps=30&testLimit=500&batchSize=32&widthMultiplier=0.5&sweep=0,0.5&repeats=2`);
  await page.getByTestId('data-summary').waitFor({ timeout: 120_000 });
  await page.getByTestId('run-sweep').click();
  await page.getByTestId('run-progress-row').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(20_000);
  console.log(
    'progress rows:',
    await page.getByTestId('run-progress-row').count(),
    await page.getByTestId('queue-eta').textContent(),
  );
  await page.screenshot({ path: `${out}/sweep-running.png`, fullPage: true });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=run-row][data-status=completed]').length >= 4, null, {
    timeout: 400_000,
  });
  await page.waitForTimeout(1500);
  console.log('verdicts:', await page.getByTestId('verdicts').textContent());
  console.log('means:', await page.getByTestId('acc-vs-macs').getAttribute('data-means'));
  await page.screenshot({ path: `${out}/sweep-done.png`, fullPage: true });
  console.log('interval bars:', await page.locator('.ci-bar').count());
  await page.getByTestId('acc-vs-macs').screenshot({ path: `${out}/acc-vs-macs.png` });
} finally {
  await browser.close();
  await server.close();
}
