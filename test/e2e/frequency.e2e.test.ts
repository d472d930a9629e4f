/**
 * End-to-end: the frequency panel ("What does each octave carry?") on real CIFAR-10. A tiny run
 * (Oct-ResNet-8, α = 0.5) is trained in the page; its band-limited curves, branch ablation and
 * Fourier sensitivity map run in the worker on 50 test images with a moving progress bar; a job
 * can be cancelled and another started. The same model, saved and loaded back through the model
 * panel's file input, is overlaid and must give the same top-1 at every radius. After a reload the
 * run's kept weights are made the worker's model again and give the same results (not while a job
 * or a second run is in progress). Screenshots go to test-artifacts/e2e/.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_RADII } from '../../src/frequency/face';
import { formatRadius, radiusLabel } from '../../src/ui/lib/radiusText';
import { saveAndDownload } from './modelDownload';
import { expectJobEnded, progressSeen, recordProgress, runBand, valueRows } from './frequencyJobs';
import { ARTIFACTS, useLabSite } from './labSite';

const site = useLabSite();
/** A tiny run that still has both branches: 8 steps of 32 real images at α = 0.5. */
const QUERY = '?depth=8&alpha=0.5&batchSize=32&trainLimit=640&testLimit=200&maxSteps=8&readbackEvery=4&epochs=1';
/** Test images per experiment (one evaluation batch): top-1 values are multiples of 2 %. */
const IMAGES = 50;
/** The panel's sensitivity grid (cells per side). */
const GRID = 16;

/** The tooltip rows (name → value text) shown while the pointer is over `target`, once the tooltip is titled `label`. */
async function tooltipAt(
  page: Page,
  chart: Locator,
  target: Locator,
  label: string,
  count: number,
): Promise<Map<string, string>> {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => chart.locator('.recharts-tooltip-label').textContent(), { timeout: 10_000 }).toBe(label);
  const items = chart.locator('.recharts-tooltip-item');
  await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(count);
  const rows = new Map<string, string>();
  for (const text of await items.allTextContents()) {
    const i = text.lastIndexOf(' : ');
    rows.set(text.slice(0, i), text.slice(i + 3));
  }
  return rows;
}

/** "45.0%" → 45. */
function percent(text: string | undefined): number {
  expect(text, 'a tooltip value').toMatch(/^\d+(\.\d)?%$/);
  const v = parseFloat(text!);
  expect(v).toBeGreaterThanOrEqual(0);
  expect(v).toBeLessThanOrEqual(100);
  return v;
}

/** Band-chart values of model `label` per radius index: low-pass and high-pass top-1 in %. */
async function bandValues(page: Page, label: string, models: number): Promise<{ low: number[]; high: number[] }> {
  const chart = page.getByTestId('freq-band-chart');
  const dots = chart.locator('.recharts-line-dots').first().locator('circle');
  const low: number[] = [];
  const high: number[] = [];
  for (let i = 0; i < DEFAULT_RADII.length; i++) {
    const rows = await tooltipAt(page, chart, dots.nth(i), `r = ${radiusLabel(DEFAULT_RADII[i])}`, 2 * models);
    low.push(percent(rows.get(`${label}: low-pass (keeps < r)`)));
    high.push(percent(rows.get(`${label}: high-pass (keeps ≥ r + mean)`)));
  }
  await page.mouse.move(0, 0);
  return { low, high };
}

/** The ablation chart of model `label`: unablated, low → mean, high → mean of "all octave layers" in %. */
async function ablationAll(page: Page, label: string): Promise<{ none: number; dropLow: number; dropHigh: number }> {
  const chart = page.getByTestId('freq-ablation-chart').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
  expect(await chart.count()).toBe(1);
  const firstBar = chart.locator('.recharts-bar-rectangles').first().locator('.recharts-bar-rectangle').first();
  const rows = await tooltipAt(page, chart, firstBar, 'all octave layers', 3);
  await page.mouse.move(0, 0);
  return {
    none: percent(rows.get('unablated')),
    dropLow: percent(rows.get('low branch → mean')),
    dropHigh: percent(rows.get('high branch → mean')),
  };
}

describe('frequency panel', () => {
  it('band curves, ablation, sensitivity map and cancel on a tiny run, overlaid with its saved-and-loaded copy, and again from its kept weights after a reload', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const panel = page.getByTestId('frequency');
    await page.goto(`${site.server.url}${QUERY}`);
    await page.getByTestId('data-summary').waitFor({ timeout: 180_000 });
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
    expect(await panel.textContent()).toContain('Train or load a model first.');
    expect(await page.getByTestId('freq-run-band').isEnabled()).toBe(false);

    await expect.poll(() => page.getByTestId('train').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('train').click();
    await expect
      .poll(() => page.getByTestId('run-row').first().getAttribute('data-status'), { timeout: 180_000 })
      .toBe('completed');
    const runLabel = 'run #1 (α=0.5) completed, step 8';
    await expect.poll(() => panel.locator('p.muted').first().textContent(), { timeout: 30_000 }).toContain(runLabel);
    await panel.getByLabel('Test images for the experiments').fill(String(IMAGES));
    expect(await page.getByTestId('freq-run-sensitivity').textContent()).toBe(`Sensitivity map (16×16, ${IMAGES} images)`);

    // Cancel: a sensitivity job stops, the page says so, keeps no result, and a new job can start.
    await recordProgress(page);
    await page.getByTestId('freq-run-sensitivity').click();
    await expect.poll(async () => (await progressSeen(page)).some((p) => p.done > 0), { timeout: 60_000 }).toBe(true);
    expect(await page.getByTestId('freq-progress').textContent()).toMatch(/^sensitivity map:\s+\d+\/\d+$/);
    // The finished run's kept weights are offered, but cannot replace the model while a job runs.
    expect(await page.getByTestId('freq-use-kept').textContent()).toBe('Use run #1’s kept weights');
    expect(await page.getByTestId('freq-use-kept').isEnabled()).toBe(false);
    await page.getByTestId('freq-cancel').click();
    await page.getByTestId('freq-cancelled').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('freq-cancelled').textContent()).toMatch(/^Cancelled/);
    expect(await page.getByTestId('freq-progress').count()).toBe(0);
    expect(await page.getByTestId('freq-sensitivity-map').count()).toBe(0);
    expect(await page.getByTestId('freq-cancel').isEnabled()).toBe(false);

    // Band-limited curves + ablation on the run's model.
    await runBand(page);
    expect(await page.getByTestId('freq-cancelled').count()).toBe(0);
    const chart = page.getByTestId('freq-band-chart');
    expect(await chart.locator('figcaption').textContent()).toMatch(new RegExp(`^Top-1 on the first ${IMAGES} test images`));
    // One dot per radius on each curve (low-pass and high-pass), and one x tick per radius.
    const lines = chart.locator('.recharts-line-dots');
    expect(await lines.count()).toBe(2);
    for (let k = 0; k < 2; k++) expect(await lines.nth(k).locator('circle').count()).toBe(DEFAULT_RADII.length);
    const band = await bandValues(page, runLabel, 1);
    const ablation = await ablationAll(page, runLabel);
    // Identity filters: the high-pass at r = 0 and the low-pass at the last radius (> √2/2) keep the
    // whole image, so both equal the unfiltered top-1 the ablation chart shows as "unablated".
    expect(band.high[0]).toBe(ablation.none);
    expect(band.low[DEFAULT_RADII.length - 1]).toBe(ablation.none);
    // 50 images: every top-1 is a multiple of 2 %.
    for (const v of [...band.low, ...band.high, ablation.none, ablation.dropLow, ablation.dropHigh]) expect(v % 2).toBe(0);
    // The filtered example shows the original, its low-pass and its high-pass at the default radius.
    for (const key of ['orig', 'low', 'high']) expect(await page.getByTestId(`freq-example-${key}`).count()).toBe(1);
    expect(await page.getByTestId('freq-example').textContent()).toContain(`low-pass < ${radiusLabel(DEFAULT_RADII[4])}`);

    // Hovering a radius filters the example there (the 8th radius, 1/4).
    await chart.locator('.recharts-line-dots').first().locator('circle').nth(7).hover();
    await expect
      .poll(() => page.getByTestId('freq-example').textContent())
      .toContain(`low-pass < ${radiusLabel(DEFAULT_RADII[7])}`);
    await page.mouse.move(0, 0);
    // Exact radius ticks, and the values under the charts: the tooltips' top-1 at every radius, also as CSV.
    const ticks = await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    expect(ticks).toEqual(DEFAULT_RADII.map(formatRadius));
    const bandTable = await valueRows(page.getByTestId('freq-band-values'));
    expect(bandTable.map((r) => r[0])).toEqual(ticks);
    expect(bandTable.map((r) => Number(r[1]))).toEqual([...DEFAULT_RADII]);
    expect(bandTable.map((r) => [Number(r[2]), Number(r[3])])).toEqual(band.low.map((v, i) => [v, band.high[i]]));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('freq-band-values').getByRole('button').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[5]).toBe(`1/8,0.125,${band.low[4]},${band.high[4]}`);
    // Ablation values; a layer with one branch (α_out = 0: the stem, stage 3) has only "whole output → mean".
    const ablationTable = await valueRows(page.getByTestId('freq-ablation-values'));
    expect(ablationTable[0].slice(3, 6).map(Number)).toEqual([ablation.none, ablation.dropLow, ablation.dropHigh]);
    for (const r of ablationTable.slice(1)) {
      const single = r[2] === '0' || r[2] === '1';
      expect([r[4] === '—', r[5] === '—', r[6] === '—'], r[0]).toEqual([single, single, !single]);
    }
    expect(ablationTable.filter((r) => r[6] !== '—').map((r) => r[0])).toContain('stage3/block1/conv2');
    expect(await page.getByTestId('freq-ablation-chart').textContent()).toContain('whole output → mean');

    // The sensitivity map: grid² cells, clean error = 100 − the unfiltered top-1 on the same images.
    await recordProgress(page);
    await page.getByTestId('freq-run-sensitivity').click();
    await page.getByTestId('freq-sensitivity-map').waitFor({ timeout: 120_000 });
    await expectJobEnded(page);
    expect((await progressSeen(page)).some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    const map = page.getByTestId('freq-sensitivity-map');
    const cells = await map.locator('canvas').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      return {
        w: canvas.width,
        h: canvas.height,
        px: canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.length / 4,
      };
    });
    expect(cells).toEqual({ w: GRID, h: GRID, px: GRID * GRID });
    const detail = (await map.locator('figcaption').textContent()) ?? '';
    expect(detail).toContain(runLabel);
    const m = detail.match(/16×16, ±½ cycles\/pixel, ε = [\d.]+, (\d+) images; clean error (\d+\.\d)%/);
    expect(m, detail).not.toBeNull();
    expect(Number(m![1])).toBe(IMAGES);
    expect(Number(m![2])).toBeCloseTo(100 - ablation.none, 6);
    // Its summary by radial band: cells of the grid (a, b sixteenths in −8…7) with a² + b² < 4, < 16, < 64, ≥ 64.
    const lattice = [0, 0, 0, 0];
    for (let a = -8; a < 8; a++) for (let b = -8; b < 8; b++) lattice[[4, 16, 64].filter((e) => a * a + b * b >= e).length]++;
    const bands = await valueRows(page.getByTestId('freq-sensitivity-values'));
    expect(bands.map((r) => Number(r[3]))).toEqual(lattice);
    for (const r of bands) expect(Number(r[4])).toBeLessThanOrEqual(Number(r[5]));
    // The band results stay beside the new map.
    expect(await page.getByTestId('freq-ablation-chart').count()).toBe(1);
    await panel.screenshot({ path: resolve(ARTIFACTS, 'frequency-run.png') });

    // Save the model, load the two files back: the copy is a second model in the panel, overlaid.
    const dir = mkdtempSync(join(tmpdir(), 'freq-e2e-'));
    try {
      await page.getByLabel('Model name').fill('freq-tiny');
      const files = await saveAndDownload(page);
      const names = files.map((d) => d.suggestedFilename());
      expect(names).toEqual(['freq-tiny.json', 'freq-tiny.weights.bin']);
      for (const d of files) await d.saveAs(resolve(dir, d.suggestedFilename()));
      await page.getByLabel('or load files:').setInputFiles(names.map((n) => resolve(dir, n)));
      // The page reads the chosen files after the input's change event: they must stay on disk until
      // the model panel reports the load (deleted earlier, the read fails with NotFoundError).
      await expect
        .poll(() => page.getByTestId('model-message').textContent(), { timeout: 30_000 })
        .toBe('Loaded freq-tiny.json + freq-tiny.weights.bin (7 octave layers).');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const loadedLabel = 'loaded files freq-tiny.json + freq-tiny.weights.bin';
    await expect.poll(() => panel.locator('p.muted').first().textContent(), { timeout: 30_000 }).toContain(loadedLabel);
    await runBand(page);
    expect(await lines.count()).toBe(4);
    expect(await chart.locator('.recharts-legend-item').count()).toBe(4);
    // The loaded copy knows its α from its octave layers: all four curves in the α = 0.5 colour.
    const strokes = await chart.locator('path.recharts-line-curve').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')));
    expect(strokes).toHaveLength(4);
    expect(new Set(strokes).size).toBe(1);
    expect(strokes[0]).not.toContain('--muted');
    // Same weights, same images: the loaded copy's curves and ablation equal the run's.
    const again = await bandValues(page, runLabel, 2);
    expect(again).toEqual(band);
    expect(await bandValues(page, loadedLabel, 2)).toEqual(band);
    expect(await ablationAll(page, loadedLabel)).toEqual(ablation);
    expect(await page.getByTestId('freq-ablation-chart').count()).toBe(2);
    expect(await page.getByTestId('freq-sensitivity-map').count()).toBe(1);

    expect(await panel.locator('.error').count()).toBe(0);
    await panel.screenshot({ path: resolve(ARTIFACTS, 'frequency-overlay.png') });

    // After a reload the worker holds no model; run #1's kept weights (IndexedDB) become it again
    // and give the same curves and ablation as before the reload.
    await page.reload();
    await page.getByTestId('data-summary').waitFor({ timeout: 180_000 });
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
    expect(await panel.textContent()).toContain('Train or load a model first.');
    expect(await page.getByTestId('freq-run-band').isEnabled()).toBe(false);
    const useKept = page.getByTestId('freq-use-kept');
    await expect.poll(() => useKept.isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await useKept.textContent()).toBe('Use run #1’s kept weights');
    expect(await page.getByTestId('freq-kept-run').locator('option').allTextContents()).toEqual(['run #1 (α=0.5, R8) completed']);
    await panel.screenshot({ path: resolve(ARTIFACTS, 'frequency-after-reload.png') });
    await useKept.click();
    const keptLabel = `${runLabel} — kept weights`;
    await expect.poll(() => panel.locator('p.muted').first().textContent(), { timeout: 30_000 }).toContain(keptLabel);
    expect(await page.getByTestId('freq-kept-message').textContent()).toBe(
      'The worker’s model is now run #1’s final weights (7 octave layers).',
    );
    await expect.poll(() => page.getByTestId('freq-run-band').isEnabled(), { timeout: 30_000 }).toBe(true);
    await panel.getByLabel('Test images').fill(String(IMAGES));
    await runBand(page);
    expect(await lines.count()).toBe(2);
    // The run's α: its curves keep the α = 0.5 colour they had before the reload.
    const keptStrokes = await chart
      .locator('path.recharts-line-curve')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')));
    expect(keptStrokes).toEqual([strokes[0], strokes[0]]);
    expect(await bandValues(page, keptLabel, 1)).toEqual(band);
    expect(await ablationAll(page, keptLabel)).toEqual(ablation);
    expect(await panel.locator('.error').count()).toBe(0);
    await panel.screenshot({ path: resolve(ARTIFACTS, 'frequency-kept-run.png') });

    // A second run: the kept weights cannot replace the model while it trains; once it ends, its
    // model is the worker's (the note about run #1 goes) and both runs are offered, newest first.
    await page.getByTestId('train').click();
    await expect.poll(() => useKept.isEnabled(), { timeout: 60_000 }).toBe(false);
    const statuses = () =>
      page.getByTestId('run-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')).join(','));
    await expect.poll(statuses, { timeout: 180_000 }).toBe('completed,completed');
    await expect
      .poll(() => panel.locator('p.muted').first().textContent(), { timeout: 30_000 })
      .toContain('run #2 (α=0.5) completed, step 8)');
    await expect.poll(() => useKept.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('freq-kept-message').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('freq-kept-run').locator('option').allTextContents(), { timeout: 30_000 })
      .toEqual(['run #2 (α=0.5, R8) completed', 'run #1 (α=0.5, R8) completed']);
    expect(await useKept.textContent()).toBe('Use run #2’s kept weights');
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
