/** Jobs of the frequency panel in the e2e tests: its progress bar, a job's end, and its value tables. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Records every value the panel's progress bar shows (a job on 50 images can end between two polls). */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { freqProgress: { done: number; total: number }[] };
    w.freqProgress = [];
    const panel = document.querySelector('[data-testid="frequency"]')!;
    new MutationObserver(() => {
      const bar = panel.querySelector('progress');
      if (bar) w.freqProgress.push({ done: bar.value, total: bar.max });
    }).observe(panel, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** The progress values {@link recordProgress} saw since it was called. */
export const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { freqProgress: { done: number; total: number }[] }).freqProgress);

/**
 * Once a job has ended its bar stays gone and new jobs can start: progress reports come through
 * their own message port and can arrive after the result (then they must be dropped).
 */
export async function expectJobEnded(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  expect(await page.getByTestId('freq-progress').count()).toBe(0);
  expect(await page.getByTestId('freq-run-band').isEnabled()).toBe(true);
  expect(await page.getByTestId('freq-run-sensitivity').isEnabled()).toBe(true);
}

/** Runs band + ablation on the worker's model and waits for the job to end. */
export async function runBand(page: Page): Promise<void> {
  await recordProgress(page);
  await page.getByTestId('freq-run-band').click();
  await expect.poll(() => page.getByTestId('freq-progress').count(), { timeout: 120_000 }).toBe(0);
  const seen = await progressSeen(page);
  expect(
    seen.some((p) => p.done > 0 && p.done < p.total),
    'the progress bar moved',
  ).toBe(true);
  await expectJobEnded(page);
}

/** Opens the values `<details>` and returns its table's body rows as cell texts. */
export async function valueRows(details: Locator): Promise<string[][]> {
  await details.locator('summary').click();
  return details
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
}
