/**
 * End-to-end in both languages: the lab walk-through (load the real CIFAR-10, train a short run,
 * read its summary and the octave views) in English and in 简体中文. zh-CN comes from the
 * browser's language (context locale, navigator.languages) with no ?lang=; ?lang=zh-CN wins over an
 * English browser; the visible switch goes back to English. In zh-CN the headings and buttons are
 * the catalogue's Chinese strings and no English catalogue value leaks into them. Screenshots of
 * zh-CN at 1400 px and 390 px, light and dark, go to test-artifacts/e2e/. A short zh-CN pass with no
 * training walks the guided lesson (?lang=zh-CN&lesson=1), checks presenter mode's headings and that
 * a 390 px page does not scroll sideways, light and dark.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { en } from '../../src/ui/i18n/en';
import { zhCN } from '../../src/ui/i18n/zhCN';
import { ARTIFACTS, useLabSite } from './labSite';

const site = useLabSite();
/** A short run: Oct-ResNet-8, α = 0.5, 20 steps of 64 real images, 300 real test images. */
const RUN_QUERY = 'depth=8&alpha=0.5&batchSize=64&trainLimit=1280&testLimit=300&maxSteps=20&readbackEvery=5&inspectEvery=10';
const CATALOGUES = { en, 'zh-CN': zhCN } as const;
type Lang = keyof typeof CATALOGUES;
/** Headings by id and the catalogue key each must show. */
const HEADINGS = {
  'data-h': 'data.title',
  'controls-h': 'controls.title',
  'charts-h': 'charts.title',
  'runs-h': 'runs.title',
  'inspect-h': 'inspect.title',
  'freq-h': 'freq.title',
  'avm-h': 'avm.title',
} as const;
/** "Run #1 completed: top-1 …" in each language (summary.completed / summary.metrics). */
const COMPLETED: Record<Lang, RegExp> = {
  en: /^Run #1 completed: top-1 \d+\.\d %, top-5 \d+\.\d % \(\d+\.\d s\)\.$/,
  'zh-CN': /^第 1 次训练已完成：top-1 \d+\.\d %，top-5 \d+\.\d %（\d+\.\d 秒）。$/,
};

async function waitForData(page: Page) {
  await expect.poll(() => page.getByTestId('data-progress').getAttribute('aria-valuenow'), { timeout: 240_000 }).toBe('100');
  await page.getByTestId('data-summary').waitFor({ timeout: 60_000 });
}

/** Visible text of headings, buttons, summaries, table headers and labels, trimmed. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.$$eval('h1, h2, h3, h4, button, summary, th, label, legend, figcaption', (els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((s) => s !== ''),
  );
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe.each(['en', 'zh-CN'] as const)('walk-through in %s', (lang) => {
  it('loads CIFAR-10, trains a short run and shows every heading, status and view in the language', async () => {
    const cat = CATALOGUES[lang];
    // The browser's language picks the page language (no ?lang= in the URL).
    const context = await site.browser.newContext({
      locale: lang === 'en' ? 'en-US' : 'zh-CN',
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}?${RUN_QUERY}`);
      expect(await page.evaluate(() => navigator.languages[0])).toBe(lang === 'en' ? 'en-US' : 'zh-CN');
      await waitForData(page);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.title()).toBe(cat['page.documentTitle']);
      for (const [id, key] of Object.entries(HEADINGS)) {
        expect((await page.locator(`#${id}`).textContent())?.trim(), id).toBe(cat[key]);
      }
      expect(await page.getByTestId('train').textContent()).toBe(cat['buttons.train']);
      expect(await page.getByTestId('lang-select').inputValue()).toBe(lang);
      await page.getByTestId('train').click();
      const row = page.getByTestId('run-row').first();
      await expect.poll(() => row.getAttribute('data-status'), { timeout: 240_000 }).toBe('completed');
      await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 }).toMatch(COMPLETED[lang]);
      await expect
        .poll(() => page.getByTestId('inspect-model').textContent(), { timeout: 60_000 })
        .toContain(`${cat['status.completed']}`);
      expect(await row.locator('td.status').textContent()).toBe(cat['status.completed']);
      await page.getByTestId('spectrum-view').waitFor({ timeout: 60_000 });
      const texts = await visibleTexts(page);
      expect(texts).toContain(cat['inspect.layer']);
      expect(texts).toContain(cat['fmap.scale']);
      if (lang === 'zh-CN') {
        // No English catalogue value (other than names and notation both languages share) shows as a heading, button or label.
        const english = new Set(
          (Object.keys(en) as (keyof typeof en)[])
            .filter((k) => en[k] !== zhCN[k] && !en[k].includes('{{'))
            .map((k) => en[k].trim()),
        );
        expect(texts.filter((s) => english.has(s))).toEqual([]);
        expect(texts.filter((s) => /\p{Script=Han}/u.test(s)).length).toBeGreaterThan(40);
        await shot(page, 'i18n-zh-CN-1400-light');
        await page.getByRole('button', { name: zhCN['page.themeToDark'] }).click();
        expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
        await shot(page, 'i18n-zh-CN-1400-dark');
        await page.setViewportSize({ width: 390, height: 844 });
        await shot(page, 'i18n-zh-CN-390-dark');
        await page.getByRole('button', { name: zhCN['page.themeToLight'] }).click();
        await shot(page, 'i18n-zh-CN-390-light');
        await page.setViewportSize({ width: 1400, height: 900 });
        // The visible switch goes back to English, in place (the run stays), and writes lang=en into the URL.
        await page.getByTestId('lang-select').selectOption('en');
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
        expect((await page.locator('#controls-h').textContent())?.trim()).toBe(en['controls.title']);
        expect(await page.getByTestId('run-status').textContent()).toMatch(COMPLETED.en);
        expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
        expect(await page.getByTestId('run-row').count()).toBe(1);
      } else {
        await shot(page, 'i18n-en-1400-light');
      }
    } finally {
      await context.close();
    }
  });
});

describe('?lang= in the URL', () => {
  it('wins over the browser language, and a bad value falls back with a notice', async () => {
    const context = await site.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}?lang=zh-CN`);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect((await page.locator('#controls-h').textContent())?.trim()).toBe(zhCN['controls.title']);
      expect((await page.locator('h1').textContent())?.trim()).toBe(zhCN['page.brand']);
      await page.goto(`${site.server.url}?lang=fr`);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByTestId('url-notice').textContent()).toContain('lang="fr" must be one of auto, en, zh-CN');
    } finally {
      await context.close();
    }
  });
});

describe('lesson and presenter mode in 简体中文', () => {
  it('?lang=zh-CN&lesson=1: the card, every step, presenter headings; no page scroll at 390 px; screenshots', async () => {
    const context = await site.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const han = /\p{Script=Han}/u;
    try {
      await page.goto(`${site.server.url}?lang=zh-CN&lesson=1`);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
      const lesson = page.getByTestId('lesson');
      const heading = lesson.locator('h2');
      expect(await page.getByTestId('lesson-button').textContent()).toBe(zhCN['lesson.button']);
      expect(await page.getByTestId('lesson-back').textContent()).toBe(zhCN['lesson.back']);
      expect(await page.getByTestId('lesson-close').textContent()).toBe(zhCN['lesson.close']);
      expect(await page.getByTestId('lesson-close').getAttribute('aria-label')).toBe(zhCN['lesson.closeLabel']);
      for (let n = 1; n <= 5; n++) {
        expect(await lesson.getAttribute('data-step')).toBe(String(n));
        const title = zhCN[`lesson.step${n}.title` as keyof typeof zhCN];
        expect(await heading.textContent()).toBe(`课程，第 ${n} 步（共 5 步）：${title}`);
        expect(await page.getByTestId('lesson-text').textContent()).toBe(zhCN[`lesson.step${n}.text` as keyof typeof zhCN]);
        if (n < 5) {
          expect(await page.getByTestId('lesson-next').textContent()).toBe(zhCN['lesson.next']);
          await page.getByTestId('lesson-next').click();
        }
      }
      expect(await page.getByTestId('lesson-done').textContent()).toBe(zhCN['lesson.done']);
      await page.getByTestId('lesson-back').click();
      expect(await lesson.getAttribute('data-step')).toBe('4');
      await page.getByTestId('lesson-back').click();
      await page.getByTestId('lesson-back').click();
      await page.getByTestId('lesson-back').click();
      expect(await lesson.getAttribute('data-step')).toBe('1');
      // The lecture link panel and the check boxes read in Chinese too.
      expect((await page.getByTestId('lecture-link-panel').locator('summary').textContent())?.trim()).toBe(zhCN['lecture.title']);
      await shot(page, 'i18n-zh-CN-lesson-1400-light');

      // Presenter mode (as a link would open it), dark: the headings are the catalogue's Chinese.
      await page.goto(`${site.server.url}?lang=zh-CN&presenter=1`);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
      await page.getByRole('button', { name: zhCN['page.themeToDark'] }).click();
      expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
      await page.getByTestId('presenter-steps').waitFor();
      const headings = await page.$$eval('h2', (hs) =>
        hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => (h.textContent ?? '').trim()),
      );
      expect(headings.length).toBeGreaterThan(4);
      for (const h of headings) expect(h, h).toMatch(han);
      expect(headings).toContain(zhCN['page.sweepTitle']);
      expect(headings).toContain(zhCN['page.modelTitlePresenter']);
      expect(await page.getByTestId('presenter-banner').textContent()).toMatch(/^演示模式：α = /);
      expect(await page.getByTestId('presenter-steps').textContent()).toMatch(/^步数上限：.*步 × 批大小 \d+ = .*张图像/);
      await shot(page, 'i18n-zh-CN-presenter-1400-dark');

      // Phone width, light and dark (the dark one with the lesson open): nothing wider than the window.
      for (const [theme, query] of [
        ['light', '?lang=zh-CN'],
        ['dark', '?lang=zh-CN&lesson=2'],
      ] as const) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${site.server.url}${query}`);
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
        const dark = (await page.getAttribute('html', 'data-theme')) === 'dark';
        if (dark !== (theme === 'dark')) {
          await page.getByRole('button', { name: zhCN[theme === 'dark' ? 'page.themeToDark' : 'page.themeToLight'] }).click();
        }
        expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
        await page.locator('#controls-h').waitFor();
        const { scroll, inner } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        expect(scroll, `${theme}: scrollWidth ${scroll} > innerWidth ${inner}`).toBeLessThanOrEqual(inner);
        if (theme === 'dark') expect(await page.getByTestId('lesson').getAttribute('data-step')).toBe('2');
        await shot(page, `i18n-zh-CN-390-${theme === 'dark' ? 'dark-lesson' : 'light-start'}`);
      }
    } finally {
      await context.close();
    }
  });
});
