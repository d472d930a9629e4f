/**
 * End-to-end checks of issue 17 items 5–8 on the built site:
 * - a phone (390 and 360 px): no horizontal page scroll, the data panel asks before the 176 MB
 *   download (size from the manifest) and a cached copy then loads without asking; light and dark;
 * - screen readers: every chart is a named image with its values in a table, no unnamed
 *   role=application stop, the hidden file input is out of the Tab order (accessibility snapshot);
 * - the cost table's stride-2 rows show 1 − ¾α;
 * - offline: after one visit the page, the worker and the wasm binaries come from the service
 *   worker and CIFAR-10 from IndexedDB with the server stopped and the context offline.
 */
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CIFAR10_FILES } from '../../src/data/files';
import { resolveCifar10Dir } from '../../src/data/node';
import { ARTIFACTS, useLabSite } from './labSite';
import { E2E_SITE } from './site';
import { startStaticServer } from './staticServer';

const site = useLabSite();

/** Bytes of the seven files as served, in MiB with one decimal (the panel's formatBytes). */
const DOWNLOAD_MIB = (CIFAR10_FILES.reduce((s, n) => s + statSync(join(resolveCifar10Dir(), n)).size, 0) / (1024 * 1024)).toFixed(
  1,
);

/** A short run: Oct-ResNet-8, 5 steps of 32 images, 100 test images. */
const SHORT_RUN = '?depth=8&batchSize=32&trainLimit=320&testLimit=100&epochs=1&readbackEvery=1&maxSteps=5&augment=0';

/**
 * Opens every <details> and waits (≤ 5 s: the charts resize on the next ResizeObserver callback)
 * until the page is no wider than the window; fails with both widths.
 */
async function expectNoPageScroll(page: Page, what: string): Promise<void> {
  const widths = () =>
    page.evaluate(() => {
      document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true));
      return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth };
    });
  await expect
    .poll(
      async () => {
        const w = await widths();
        return w.scroll <= w.inner ? 'fits' : `page ${w.scroll} px wide in a ${w.inner} px window`;
      },
      { timeout: 5_000, message: what },
    )
    .toBe('fits');
}

describe('on a phone', () => {
  it('asks before the download, fits 390 and 360 px in light and dark, then loads the cache without asking', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.server.url}${SHORT_RUN}`);
    const confirm = page.getByTestId('data-confirm');
    await confirm.waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('data-download').textContent()).toBe(`Download ${DOWNLOAD_MIB} MiB`);
    expect(await confirm.textContent()).toContain('this looks like a phone or a small screen');
    await page.waitForTimeout(1_500);
    expect(site.server.dataBytesServed()).toBe(0); // nothing downloaded without the click

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await confirm.waitFor({ timeout: 120_000 });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      for (const width of [390, 360]) {
        await page.setViewportSize({ width, height: 844 });
        await expectNoPageScroll(page, `${scheme} at ${width} px`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: resolve(ARTIFACTS, `mobile-390-${scheme}-ask.png`) });
    }

    await page.getByTestId('data-download').click();
    await page.getByTestId('data-summary').waitFor({ timeout: 240_000 });
    expect(await page.getByTestId('data-cache-status').getAttribute('data-state')).toBe('stored');
    const served = site.server.dataBytesServed();
    expect(served).toBeGreaterThan(170 * 1024 * 1024);

    // A short run, so the runs and cost tables and the charts have content at 390 px.
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
    await expect.poll(() => page.getByTestId('train').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('train').click();
    await expect
      .poll(() => page.getByTestId('run-row').first().getAttribute('data-status'), { timeout: 240_000 })
      .toBe('completed');
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 844 });
      await expectNoPageScroll(page, `dark, with a run, at ${width} px`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('runs-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(ARTIFACTS, 'mobile-390-dark-runs.png') });
    await page.getByTestId('cost-layers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(ARTIFACTS, 'mobile-390-dark-cost.png') });
    // Second visit on the phone, in light mode: the cached copy loads at once, no question, no download.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await page.getByTestId('data-summary').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('data-cache-status').getAttribute('data-state')).toBe('hit');
    expect(await confirm.count()).toBe(0);
    expect(site.server.dataBytesServed()).toBe(served);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByTestId('run-row').first().waitFor();
    await expectNoPageScroll(page, 'light, with a run, at 390 px');
    await page.getByTestId('cost-totals').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(ARTIFACTS, 'mobile-390-light-cost.png') });
    await page.locator('#charts-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(ARTIFACTS, 'mobile-390-light-charts.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('charts and tables for screen readers', () => {
  it('names every chart, gives its values as a table, keeps the hidden file input out of the Tab order', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(`${site.server.url}${SHORT_RUN}`);
    await page.getByTestId('data-summary').waitFor({ timeout: 240_000 });
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
    await expect.poll(() => page.getByTestId('train').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('train').click();
    const row = page.getByTestId('run-row').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 240_000 }).toBe('completed');

    expect(await page.locator('[role=application]').count()).toBe(0);
    expect(await page.locator('svg[tabindex]').count()).toBe(0);
    const curves = await page.locator('section[aria-labelledby=charts-h]').ariaSnapshot();
    console.log(curves);
    expect(curves).toMatch(/img "Chart: Loss, latest values: #1 α=\.25 R8 train \d+\.\d{4}, test \d+\.\d{4} at step 5\."/);
    expect(curves).toMatch(
      /img "Chart: Accuracy \(top-1, %\), latest values: #1 α=\.25 R8 train \d+\.\d %, test \d+\.\d % at step 5\."/,
    );
    expect(curves).toMatch(/table "Loss: latest values of the runs in the chart"/);
    // The test top-1 in the chart's table equals the runs table's figure.
    const top1 = (await page.getByTestId('run-top1').first().textContent()) ?? '';
    const accuracyTable = page.locator('table', { hasText: 'Accuracy (top-1, %): latest values' });
    const testCell = (await accuracyTable.locator('tbody tr td').nth(1).textContent()) ?? '';
    console.log(`runs table top-1 ${top1}, chart table test ${testCell}`);
    expect(testCell).toBe(`${top1} %`);

    const avm = await page.locator('section[aria-labelledby=avm-h]').ariaSnapshot();
    console.log(avm);
    expect(avm).toContain(
      'img "Chart: test top-1 against MMACs per image for 1 finished run; values in the table that follows."',
    );
    expect(avm).toMatch(/row "mean of 1 run 0\.25 [\d.]+ \d+\.\d % \(95 % interval [\d.]+–[\d.]+ %\)"/);
    expect(avm).toMatch(/row "run #1 \(Oct-ResNet-8\) 0\.25 [\d.]+ \d+\.\d %"/);

    // Tab order: the hidden CIFAR-10 file input is skipped, its visible "choose files…" button is not.
    expect(await page.getByLabel('CIFAR-10 files').getAttribute('tabindex')).toBe('-1');
    const chooser = page.getByRole('button', { name: 'choose files…' });
    await chooser.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe('CIFAR-10 files');

    // Cost table: the stride-2 rows say so and show 1 − ¾α (81.3 % at α = .25).
    await page.locator('details', { hasText: 'Per layer' }).locator('summary').click();
    const strided = page.getByTestId('cost-layers').locator('tr', { hasText: 'stage2/block1/conv1' });
    expect(await strided.getByTestId('cost-layer-paper').textContent()).toBe('81.3 % (stride 2)');
    expect(await strided.locator('td').nth(3).textContent()).toBe('81.3 %');
    const plain = page.getByTestId('cost-layers').locator('tr', { hasText: 'stage1/block1/conv2' });
    expect(await plain.getByTestId('cost-layer-paper').textContent()).toBe('67.2 %');
    expect(await page.getByTestId('cost-stride-note').textContent()).toContain('= 1 − ¾α (81.3 % at α = 0.25');
    await page.getByTestId('cost-layers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(ARTIFACTS, 'cost-stride2-1400.png') });
    await page.close();
  });
});

describe('offline in a lecture hall', () => {
  it('after one visit the lab loads with the server stopped and the network off', async () => {
    // Its own server on the same build, so stopping it leaves the other tests' server alone.
    const server = await startStaticServer(E2E_SITE, resolveCifar10Dir());
    const context = await site.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.getByTestId('data-summary').waitFor({ timeout: 240_000 });
      expect(await page.getByTestId('data-cache-status').getAttribute('data-state')).toBe('stored');
      await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 })
        .toBe('activated');
      const precached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) urls.push(r.url);
        return urls.map((u) => new URL(u).pathname);
      });
      console.log(`precached: ${precached.join(', ')}`);
      expect(precached.filter((p) => p.endsWith('.wasm'))).toHaveLength(3);
      expect(precached.some((p) => /\/assets\/worker-.*\.js$/.test(p))).toBe(true);
      expect(precached.some((p) => p.endsWith('/index.html'))).toBe(true);
      expect(precached.some((p) => p.includes('/data/'))).toBe(false); // CIFAR-10 lives in IndexedDB

      await server.close();
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('data-summary').waitFor({ timeout: 120_000 });
      const status = page.getByTestId('data-cache-status');
      expect(await status.getAttribute('data-state')).toBe('hit');
      expect(await status.textContent()).toMatch(/^Cached in this browser/);
      await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true); // COOP/COEP kept: threaded WASM
      // One short run offline: the worker, the wasm binaries and the data all work.
      await page.goto(`${server.url}${SHORT_RUN}`);
      await page.getByTestId('data-summary').waitFor({ timeout: 120_000 });
      await expect.poll(() => page.getByTestId('train').isEnabled(), { timeout: 60_000 }).toBe(true);
      await page.getByTestId('train').click();
      await expect
        .poll(() => page.getByTestId('run-row').first().getAttribute('data-status'), { timeout: 240_000 })
        .toBe('completed');
      await page.screenshot({ path: resolve(ARTIFACTS, 'offline-1400.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
