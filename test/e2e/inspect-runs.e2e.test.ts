/**
 * End-to-end: any finished run can be inspected, and two side by side. A sweep α ∈ {0, 0.5} of
 * two tiny runs (real CIFAR-10; on 2+ cores the second runs in a parallel worker, whose final
 * weights must come back to the main worker), then the octave views show run #1 (α = 0), compared
 * with run #2 (α = 0.5) on one layer with one colour scale per branch; after a reload both runs
 * are still offered (weights kept in IndexedDB) and can be compared again. Screenshots go to
 * test-artifacts/e2e/.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useLabSite } from './labSite';

const site = useLabSite();
/** Two tiny runs: 4 steps of 32 real images each, evaluated on 200 test images. */
const QUERY = '?depth=8&batchSize=32&trainLimit=640&testLimit=200&maxSteps=4&readbackEvery=2&epochs=1';

/** Opens the lab and waits for CIFAR-10 and the backend. */
async function openReady(page: Page): Promise<void> {
  await page.goto(`${site.server.url}${QUERY}`);
  await page.getByTestId('data-summary').waitFor({ timeout: 180_000 });
  await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
}

/** Picks the option of `testId` whose text starts with `prefix` (e.g. "run #1 "). */
async function pick(page: Page, testId: string, prefix: string): Promise<void> {
  const select = page.getByTestId(testId);
  const value = await select.evaluate(
    (el, p) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith(p))?.value ?? null,
    prefix,
  );
  expect(value, `${testId} offers ${prefix}`).not.toBeNull();
  await select.selectOption(value!);
}

/** The compare view: column headings and each column's high/low legend texts. */
async function compareState(page: Page) {
  const cols = page.getByTestId('inspect-compare').locator('.inspect-compare-col');
  const out: { heading: string; high: string; low: string }[] = [];
  for (let i = 0; i < (await cols.count()); i++) {
    const col = cols.nth(i);
    const legend = async (b: string) =>
      (await col.locator(`.inspect-branch-${b}`).count())
        ? ((await col.locator(`.inspect-branch-${b}`).first().textContent()) ?? '')
        : '';
    out.push({ heading: (await col.locator('h3').textContent()) ?? '', high: await legend('high'), low: await legend('low') });
  }
  return out;
}

/** Compares run #1 with run #2 in the octave views and checks both columns. */
async function compareRuns(page: Page) {
  await pick(page, 'inspect-run', 'run #1 ');
  await pick(page, 'inspect-compare-run', 'run #2 ');
  await expect
    .poll(async () => (await compareState(page)).map((c) => c.heading), { timeout: 60_000 })
    .toEqual(['run #1 (α=0, R8)', 'run #2 (α=0.5, R8)']);
  const [a, b] = await compareState(page);
  // α = 0 has no low branch; α = 0.5 has one. The high branch's colour range is shared by both.
  expect(a.low).toBe('');
  expect(b.low).toMatch(/Low frequency/);
  const rangeOf = (t: string) => t.replace(/^.*?channels/, '');
  expect(rangeOf(a.high)).toMatch(/scale shared by both runs/);
  expect(rangeOf(a.high)).toBe(rangeOf(b.high));
  // Two different models: their predicted probabilities are not the same.
  const preds = await page.getByTestId('fmap-predicted').allTextContents();
  expect(preds).toHaveLength(2);
}

describe('inspect any finished run', () => {
  it('a two-run sweep: run #1 shown and compared with run #2 side by side, again after a reload', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1500, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openReady(page);
    await page.getByTestId('sweep-input').fill('0, 0.5');
    await expect.poll(() => page.getByTestId('run-sweep').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('run-sweep').click();
    const rows = page.getByTestId('run-row');
    await expect
      .poll(async () => (await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')))).join(','), {
        timeout: 300_000,
      })
      .toBe('completed,completed');
    expect(await page.getByTestId('run-model').allTextContents()).toEqual(['R8', 'R8']);
    await expect
      .poll(() => page.getByTestId('inspect-kept').textContent(), { timeout: 30_000 })
      .toMatch(/: 2 runs, \d+\.\d MiB kept\./);
    expect(await page.getByTestId('inspect-kept').textContent()).toMatch(/up to 64\.0 MiB \(oldest evicted first\)/);
    await compareRuns(page);
    await page.getByTestId('inspect').screenshot({ path: resolve(ARTIFACTS, 'inspect-compare.png') });

    await page.reload();
    await page.getByTestId('data-summary').waitFor({ timeout: 180_000 });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    // No current model after a reload: the latest kept run is shown, and both are offered.
    await expect.poll(() => page.getByTestId('inspect-model').textContent(), { timeout: 60_000 }).toBe('run #2 (α=0.5, R8)');
    await compareRuns(page);
    await page.getByTestId('inspect').screenshot({ path: resolve(ARTIFACTS, 'inspect-compare-after-reload.png') });

    // A third run at α = 0 with another seed: same colour as run #1, so its own line style and
    // marker, and the legend names what differs (the seed) for both α = 0 runs.
    await page.goto(`${site.server.url}${QUERY}&seed=2`);
    await page.getByTestId('data-summary').waitFor({ timeout: 180_000 });
    await page.getByTestId('sweep-input').fill('0');
    await expect.poll(() => page.getByTestId('run-sweep').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('run-sweep').click();
    await expect
      .poll(async () => (await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')))).join(','), {
        timeout: 300_000,
      })
      .toBe('completed,completed,completed');
    const legend = page.getByTestId('chart-legend').locator('li');
    await expect
      .poll(() => legend.allTextContents(), { timeout: 30_000 })
      .toEqual(['#1 α=0 R8 — seed 1', '#2 α=.5 R8', '■ #3 α=0 R8 — seed 2']);
    expect(await legend.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-variant')))).toEqual(['0', '0', '1']);
    await page
      .locator('section[aria-labelledby="charts-h"]')
      .screenshot({ path: resolve(ARTIFACTS, 'inspect-runs-variants.png') });
    await page.locator('section[aria-labelledby="avm-h"]').screenshot({ path: resolve(ARTIFACTS, 'inspect-runs-avm.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
