/**
 * End-to-end checks of issue 14 items 2, 9 and 10 where the behaviour is only visible in the
 * page: invalid typed values and a bad α list block training and say why; Oct-ResNet-152
 * bottleneck at batch 1024 is refused with its memory estimate; the Depth control stays for
 * bottleneck blocks; a run in progress survives a reload as "interrupted" with its curve.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useLabSite } from './labSite';

const site = useLabSite();

/** Opens `query` and waits for CIFAR-10 and the backend. */
async function openReady(page: Page, query: string): Promise<void> {
  await page.goto(`${site.server.url}${query}`);
  await page.getByTestId('data-summary').waitFor({ timeout: 180_000 });
  await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
}

describe('controls refuse what cannot be trained', () => {
  it('bad typed values, a bad α list and an impossible config block training with the reason', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openReady(page, '');
    const train = page.getByTestId('train');
    const status = page.getByTestId('run-status');
    await expect.poll(() => train.isEnabled()).toBe(true);

    await page.getByTestId('learning-rate').fill('100');
    await page.getByTestId('batch').fill('0');
    expect(await page.getByTestId('learning-rate-error').textContent()).toBe('must be > 0 and ≤ 10 (got 100)');
    expect(await train.isEnabled()).toBe(false);
    expect(await status.textContent()).toBe(
      'Fix Learning rate: must be > 0 and ≤ 10 (got 100); Batch: must be ≥ 1 and ≤ 1024 (got 0) — then train.',
    );
    await page.screenshot({ path: resolve(ARTIFACTS, 'controls-invalid-values.png') });

    await page.getByTestId('sweep-input').fill('0, 0.5, 2');
    expect(await page.getByTestId('run-sweep').textContent()).toBe('Run sweep (fix the α list)');
    expect(await page.getByTestId('run-sweep').isEnabled()).toBe(false);
    expect(await page.getByTestId('sweep-error').textContent()).toBe('"2" is not an α in [0, 1]');

    await page.getByTestId('learning-rate').fill('0.1');
    await page.getByTestId('batch').fill('1024');
    await page.getByTestId('block-select').selectOption('bottleneck');
    await page.getByTestId('depth-select').selectOption('152');
    await expect
      .poll(() => status.textContent(), { timeout: 120_000 })
      .toMatch(/^Too large to train here: about [\d.]+ GiB of activations and gradients per step/);
    expect(await train.isEnabled()).toBe(false);
    await page.screenshot({ path: resolve(ARTIFACTS, 'controls-too-large.png') });
    console.log(`152 bottleneck, batch 1024: ${await status.textContent()}`);

    await page.getByTestId('block-select').selectOption('basic');
    await page.getByTestId('batch').fill('128');
    expect(await page.getByTestId('depth-select').inputValue()).toBe('8');
    await expect.poll(() => train.isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a run in progress survives a reload', () => {
  it('asks before leaving, and shows the run as interrupted with its curve after the reload', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await openReady(page, '?depth=8&batchSize=32&trainLimit=3200&testLimit=100&epochs=20&readbackEvery=1&augment=0');
    await page.getByTestId('train').click();
    const row = page.getByTestId('run-row').first();
    await expect.poll(() => page.getByTestId('chart-points').getAttribute('data-points'), { timeout: 180_000 }).not.toBe('0');
    await page.waitForTimeout(4_000); // one snapshot interval (3 s) and more
    const prompts: string[] = [];
    page.on('dialog', (d) => {
      prompts.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.getByTestId('run-row').first().waitFor({ timeout: 60_000 });
    expect(prompts).toEqual(['beforeunload']);
    expect(await row.getAttribute('data-status')).toBe('interrupted');
    expect(Number(await page.getByTestId('chart-points').getAttribute('data-points'))).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(ARTIFACTS, 'controls-interrupted.png'), fullPage: true });
    await page.close();
  });
});
