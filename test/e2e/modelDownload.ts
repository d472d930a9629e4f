/** The model panel's "Save + download" in the e2e tests: the two files the page downloads. */
import { expect } from 'vitest';
import type { Download, Page } from 'playwright-core';

/**
 * Clicks "Save + download" and waits (up to 30 s) for the page's two downloads, `<name>.json`
 * and `<name>.weights.bin`; returns them sorted by suggested file name.
 */
export async function saveAndDownload(page: Page): Promise<Download[]> {
  const files: Download[] = [];
  const onDownload = (d: Download) => files.push(d);
  page.on('download', onDownload);
  try {
    await page.getByRole('button', { name: 'Save + download' }).click();
    await expect.poll(() => files.length, { timeout: 30_000 }).toBe(2);
  } finally {
    page.off('download', onDownload);
  }
  return files.sort((a, b) => a.suggestedFilename().localeCompare(b.suggestedFilename()));
}
