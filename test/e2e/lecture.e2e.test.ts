/**
 * End-to-end checks of issue 17 items 1–4 in the built page with the real CIFAR-10: a preset
 * says what it changes (steps, images, augmentation, schedule, batch); augmentation and flip-TTA
 * have controls and URL parameters; "Copy lecture link" copies the URL with the chosen controls
 * hidden; the guided lesson (?lesson=1) walked as a student would, with two real runs; the octave
 * views appear from the first readback with no red "no model yet"; presenter mode's type (chart
 * ticks included) is ≥ 1.5× the body's, measured with getComputedStyle. Screenshots at 1400 px.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useLabSite } from './labSite';
import { LESSON_STEPS } from '../../src/ui/lesson/lessonSteps';

const site = useLabSite();
const VIEWPORT = { width: 1400, height: 1000 };

/** Opens `query` and waits for CIFAR-10 and the backend. */
async function openReady(page: Page, query: string): Promise<void> {
  await page.goto(`${site.server.url}${query}`);
  await page.getByTestId('data-summary').waitFor({ timeout: 180_000 });
  await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 60_000 }).toBe('wasm');
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Smallest computed font size (px) of the visible text in the page, and where it is. */
async function smallestVisibleText(page: Page): Promise<{ px: number; where: string; count: number }> {
  return page.evaluate(() => {
    let px = Infinity;
    let where = '';
    let count = 0;
    const walker = document.createTreeWalker(document.querySelector('.lab')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim()) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('[aria-hidden="true"], option')) continue;
      count++;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < px) {
        px = size;
        where = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(n.textContent ?? '').trim().slice(0, 40)}"`;
      }
    }
    return { px, where, count };
  });
}

/** Computed font size (px) of the first element matching `selector`. */
const fontPx = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe('presets, augmentation, flip-TTA and the lecture link', () => {
  it('a preset states its steps, images, augmentation, schedule and batch; the link hides what was ticked', async () => {
    const context = await site.browser.newContext({ viewport: VIEWPORT });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openReady(page, '');
    const effective = page.getByTestId('effective-settings');
    // Default: 1 epoch of batch 128 over 50,000 images = 390 steps.
    expect(await effective.textContent()).toBe(
      'This run: 390 steps × batch 128 = 49,920 images (1 epoch), augmentation on, one-cycle schedule, no flip-TTA.',
    );
    await page.getByLabel('Preset', { exact: true }).selectOption('quick');
    expect(await effective.textContent()).toBe(
      'Preset quick: 200 steps × batch 64 = 12,800 images (0.26 epochs, stopped by Max steps), augmentation off, one-cycle schedule, no flip-TTA.',
    );
    expect(await page.getByTestId('augment').isChecked()).toBe(false);
    expect(param(page, 'augment')).toBe('0');
    expect(param(page, 'maxSteps')).toBe('200');
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-preset-quick.png') });

    // Augmentation back on: no longer the quick preset, and the line says so.
    await page.getByTestId('augment').check();
    expect(await page.getByLabel('Preset', { exact: true }).inputValue()).toBe('');
    expect(await effective.textContent()).toMatch(/^This run: 200 steps × batch 64 = 12,800 images .*augmentation on,/);
    expect(param(page, 'augment')).toBeNull();
    await page.getByTestId('flip-tta').check();
    expect(param(page, 'flipTTA')).toBe('1');
    expect(await effective.textContent()).toMatch(/flip-TTA on\.$/);

    // The lecture link: hide α and augmentation, copy, open it as a student.
    await page.getByTestId('lecture-link-panel').locator('summary').click();
    await page.getByTestId('hide-alpha').check();
    await page.getByTestId('hide-augment').check();
    await page.getByTestId('copy-lecture-link').click();
    await expect.poll(() => page.getByTestId('lecture-link-status').textContent()).toBe('Copied the lecture link.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByTestId('lecture-link').inputValue());
    const link = new URL(copied);
    expect(link.origin + link.pathname).toBe(new URL(page.url()).origin + new URL(page.url()).pathname);
    expect(link.searchParams.get('alpha_hide')).toBe('1');
    expect(link.searchParams.get('augment_hide')).toBe('1');
    expect(link.searchParams.get('flipTTA')).toBe('1');
    expect(link.searchParams.get('maxSteps')).toBe('200');
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-link.png'), fullPage: true });

    const student = await context.newPage();
    await student.goto(copied);
    await student.getByTestId('alpha-readonly').waitFor();
    expect(await student.getByTestId('alpha-slider').count()).toBe(0);
    expect(await student.getByTestId('augment').count()).toBe(0);
    expect(await student.getByTestId('flip-tta').isChecked()).toBe(true);
    expect(await student.getByTestId('effective-settings').textContent()).toMatch(/^This run: 200 steps × batch 64/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the guided lesson, walked as a student, then presenter mode', () => {
  it('lesson steps with real runs; octave views from the first readback; presenter type ≥ 1.5× body', async () => {
    const page = await site.browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Short runs that still show curves: 30 steps of 32 images, a readback every step, views every 50.
    await openReady(
      page,
      '?lesson=1&trainLimit=960&testLimit=200&batchSize=32&epochs=1&readbackEvery=1&inspectEvery=50&augment=0',
    );
    const body = await fontPx(page, 'body');
    // Step 1: the controls panel is outlined; move α with the keyboard and watch the cost change.
    const lesson = page.getByTestId('lesson');
    expect(await lesson.getAttribute('data-step')).toBe('1');
    expect(await page.getByTestId('lesson-text').textContent()).toBe(LESSON_STEPS[0]!.text);
    const outlined = () => page.locator('.lesson-target h2').evaluateAll((hs) => hs.map((h) => h.id));
    expect(await outlined()).toEqual(LESSON_STEPS[0]!.panels);
    expect(await lesson.getAttribute('data-side')).toBe('right'); // away from the controls on the left
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-lesson-1.png') });
    const ratio = page.getByTestId('cost-macs-ratio');
    await expect.poll(() => ratio.textContent(), { timeout: 60_000 }).toMatch(/%/);
    const before = await ratio.textContent();
    await page.getByTestId('alpha-slider').focus();
    await page.keyboard.press('End'); // α = 1
    await expect.poll(() => ratio.textContent(), { timeout: 30_000 }).not.toBe(before);

    // Keyboard: the title has focus after Next; Tab reaches Back, then Next.
    await page.getByTestId('lesson-next').focus();
    await page.keyboard.press('Enter');
    expect(await lesson.getAttribute('data-step')).toBe('2');
    expect(param(page, 'lesson')).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('lesson-back');

    // Step 2: train α = 0 and α = .5 (the second waits in the queue). Record any red text in the octave views.
    await page.evaluate(() => {
      const w = window as unknown as { redSeen: string[] };
      w.redSeen = [];
      const panel = document.querySelector('[data-testid="inspect"]')!;
      new MutationObserver(() => {
        for (const e of panel.querySelectorAll('.error')) w.redSeen.push(e.textContent ?? '');
      }).observe(panel, { subtree: true, childList: true, characterData: true });
    });
    const slider = page.getByTestId('alpha-slider');
    await slider.focus();
    await page.keyboard.press('Home'); // α = 0
    await expect.poll(() => param(page, 'alpha')).toBe('0');
    await page.getByTestId('train').click();
    // The views show the first readback's model (step < inspectEvery), and only a neutral wait note before.
    await expect
      .poll(
        () =>
          page
            .getByTestId('inspect-model')
            .textContent()
            .catch(() => ''),
        { timeout: 120_000 },
      )
      .toMatch(/^run #1 \(α=0\), step ([1-9]|[1-4]\d)$/);
    await slider.fill('0.5');
    await page.getByTestId('train').click(); // "Queue run"
    const rows = page.getByTestId('run-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expect
      .poll(async () => (await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-status')))).join(), { timeout: 300_000 })
      .toBe('completed,completed');
    expect(await page.evaluate(() => (window as unknown as { redSeen: string[] }).redSeen)).toEqual([]);

    // Step 3: the curves of both runs.
    await page.getByTestId('lesson-next').click();
    expect(await outlined()).toEqual(LESSON_STEPS[2]!.panels);
    expect(await lesson.getAttribute('data-side')).toBe('left'); // away from the curves on the right
    expect(await page.getByTestId('chart-legend').locator('li').count()).toBe(2);
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-lesson-3.png') });
    // Step 4: a low and a high branch; step 5: the spectra.
    await page.getByTestId('lesson-next').click();
    expect(await outlined()).toEqual(['inspect-h']);
    await page.getByTestId('feature-map-view').waitFor();
    await page.getByTestId('lesson-next').click();
    expect(await lesson.getAttribute('data-step')).toBe(String(LESSON_STEPS.length));
    await page.getByTestId('spectrum-view').waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-lesson-5.png') });
    await page.getByTestId('lesson-back').click();
    expect(await lesson.getAttribute('data-step')).toBe(String(LESSON_STEPS.length - 1));
    await page.keyboard.press('Escape');
    expect(await lesson.count()).toBe(0);
    expect(param(page, 'lesson')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('lesson-button');
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-normal.png'), fullPage: true });

    // Presenter mode: run buttons, the sweep's Start, the image picker and the step limit are there.
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    for (const id of ['train', 'run-sweep', 'presenter-steps']) expect(await page.getByTestId(id).isVisible(), id).toBe(true);
    expect(await page.getByLabel('Test image #').isVisible()).toBe(true);
    expect(await page.getByTestId('inspect-refresh').isVisible()).toBe(false); // a new image refreshes by itself
    await page.getByLabel('Test image #').fill('3');
    await expect
      .poll(() => page.getByTestId('inspect').textContent(), { timeout: 60_000 })
      .toMatch(/Test image #3, model: run #2/);
    expect(await page.getByTestId('presenter-steps').textContent()).toBe(
      'Step limit: 30 steps × batch 32 = 960 images (1 epoch), augmentation off, one-cycle schedule, no flip-TTA.',
    );
    await page.getByTestId('spectrum-radial-chart').scrollIntoViewIfNeeded();
    const tick = await fontPx(page, '.recharts-cartesian-axis-tick-value');
    const smallest = await smallestVisibleText(page);
    console.log(
      `body ${body} px; presenter: chart tick ${tick} px, smallest of ${smallest.count} visible texts ${smallest.px} px (${smallest.where})`,
    );
    expect(body).toBe(15);
    expect(tick).toBeGreaterThanOrEqual(1.5 * body);
    expect(smallest.px, smallest.where).toBeGreaterThanOrEqual(1.5 * body);
    // Large ticks still fit their chart: no tick text reaches outside its SVG (clipped "100 %").
    const outside = await page.locator('.recharts-cartesian-axis-tick-value').evaluateAll((ts) =>
      ts.flatMap((t) => {
        const box = t.getBoundingClientRect();
        const svg = t.closest('svg')!.getBoundingClientRect();
        const inside =
          box.left >= svg.left - 1 && box.right <= svg.right + 1 && box.top >= svg.top - 1 && box.bottom <= svg.bottom + 1;
        return inside ? [] : [t.textContent ?? ''];
      }),
    );
    expect(outside).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0)); // sticky table headers would follow the scroll in a full-page shot
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-presenter.png'), fullPage: true });
    // Dark presenter mode with the lesson open: the card is large too.
    await page.getByRole('button', { name: 'switch to dark mode' }).click();
    await page.getByTestId('lesson-button').click();
    expect(await lesson.getAttribute('data-step')).toBe('1');
    expect(await fontPx(page, '[data-testid="lesson-text"]')).toBeGreaterThanOrEqual(1.5 * body);
    await page.screenshot({ path: resolve(ARTIFACTS, 'lecture-presenter-dark-lesson.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
