/**
 * End-to-end faults (issue 14, items 6, 13, 14): the built lab, served with the headers of
 * scripts/vite/headers.ts, renders with a notice for crafted links (`/?x=%`, `/?tfjsflags=…`,
 * 1,300 unknown parameters) and trains under its Content-Security-Policy without a violation.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../scripts/vite/headers';
import { MAX_URL_NOTICES } from '../../src/ui/state/labUrl';
import { ARTIFACTS, useLabSite } from './labSite';

const site = useLabSite();

/** Opens `query` in a fresh page; collects page errors and CSP violations (page and workers report to the console). */
async function open(query: string): Promise<{ page: Page; errors: string[]; violations: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to (CSP) ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${site.server.url}${query}`);
  return { page, errors, violations };
}

/** Waits for the cost panel: it runs tfjs in the page, which is where tfjs used to read the URL. */
async function waitForCost(page: Page): Promise<void> {
  await page.getByTestId('cost-totals').waitFor({ timeout: 60_000 });
  await expect
    .poll(async () => ((await page.getByTestId('cost-totals').textContent()) ?? '').length, { timeout: 60_000 })
    .toBeGreaterThan(5);
}

describe('security headers', () => {
  it('every response carries CSP, nosniff, referrer and framing headers', async () => {
    for (const path of ['', 'index.html', 'data/cifar10/batches.meta.txt']) {
      const res = await fetch(`${site.server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    }
  });
});

describe('crafted links', () => {
  it.each([
    { query: '?x=%', notice: 'x="%" must be one of step, epoch, time' },
    { query: '?tfjsflags=DEBUG:true', notice: 'Unknown parameter "tfjsflags" ignored.' },
    { query: '?tfjsflags=WEBGL_VERSION:0,PROD:false&x=%E0%A4%A', notice: 'Unknown parameter "tfjsflags" ignored.' },
  ])('$query renders the lab with a notice', async ({ query, notice }) => {
    const { page, errors } = await open(query);
    await waitForCost(page);
    expect(await page.getByTestId('url-notice').textContent()).toContain(notice);
    expect(await page.getByTestId('train').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS, `fault-${encodeURIComponent(query).slice(0, 40)}.png`) });
    await page.close();
  });

  it('1,300 unknown parameters give a capped notice list', async () => {
    const query = '?' + Array.from({ length: 1300 }, (_, i) => `p${i}=1`).join('&');
    const { page, errors } = await open(query);
    await waitForCost(page);
    const items = await page.getByTestId('url-notice').locator('li').count();
    expect(items).toBe(MAX_URL_NOTICES + 1);
    expect(await page.getByTestId('url-notice').textContent()).toContain('1300 in all');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Content-Security-Policy', () => {
  it('data load and a short training run raise no CSP violation', async () => {
    const { page, errors, violations } = await open(
      '?depth=8&batchSize=32&trainLimit=320&testLimit=100&maxSteps=4&readbackEvery=1',
    );
    await page.getByTestId('data-summary').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
    await page.getByTestId('train').click();
    const row = page.getByTestId('run-row').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 180_000 }).toBe('completed');
    await page.screenshot({ path: resolve(ARTIFACTS, 'fault-csp-trained.png'), fullPage: true });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
