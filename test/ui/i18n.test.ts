/**
 * The UI catalogue (src/ui/i18n): every .tsx string goes through it (an AST scan), English and
 * 简体中文 have the same keys and placeholders, interpolated numbers follow the language, and
 * the language is chosen from ?lang= or the browser's languages.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { zhCN } from '../../src/ui/i18n/zhCN';
import { matchLanguage, resolveLanguage, setLanguage, t } from '../../src/ui/i18n';
import { capNotices, parseLabUrl, serialiseLabUrl } from '../../src/ui/state/labUrl';
import { cacheSentence } from '../../src/ui/lib/cacheText';
import { findStrayText, needsCatalogue } from './uiStrings';
import { paramDoc, specDoc } from '../../src/ui/i18n/paramDocs';
import { LAB_PARAM_NAMES, LAB_SCHEMA } from '../../src/ui/state/labSchema';
import { LESSON_STEPS } from '../../src/ui/lesson/lessonSteps';
import { LECTURE_HIDEABLE } from '../../src/ui/state/lectureLink';
import { describeRun } from '../../src/ui/lib/effectiveSettings';
import { askReason } from '../../src/ui/lib/downloadPolicy';
import { summarySentence } from '../../src/ui/lib/chartText';
import { macsFormulaText } from '../../src/ui/lib/costMath';
import { differingLabels } from '../../src/ui/lib/runStats';
import { DEFAULT_TRAIN_CONFIG, TRAIN_PRESETS } from '../../src/train/face';

const tsxFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsxFiles(p) : p.endsWith('.tsx') ? [p] : [];
  });
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

afterEach(() => setLanguage('en'));

describe('no UI text bypasses the catalogue', () => {
  it('src/ui/**/*.tsx has no JSX text or visible attribute with letters outside src/ui/i18n', () => {
    const files = tsxFiles('src/ui');
    expect(files.length).toBeGreaterThan(30);
    const stray = files.flatMap((f) => findStrayText(f, readFileSync(f, 'utf8')));
    expect(stray.map((s) => `${s.file}:${s.line}: ${s.text}`)).toEqual([]);
  });

  it('the scanner finds text nodes, visible attributes and value positions, and skips keys and comparisons', () => {
    const src = `
      export const A = ({ on, s }: { on: boolean; s: string }) => (
        <div className="box" data-testid="x" aria-label="Close panel">
          Hello world
          <b title={on ? 'Shown' : '—'}>{t('key.ok')}</b>
          {s === 'running' ? 'Busy' : null}
          {on && \`Run \${s} now\`}
          <input placeholder="type here" value={s ?? 'fallback'} />
          <span>α</span> {'%'}
        </div>
      );`;
    expect(findStrayText('a.tsx', src).map((x) => x.text)).toEqual([
      'Close panel',
      'Hello world',
      'Shown',
      'Busy',
      'Run',
      'now',
      'type here',
    ]);
    expect(needsCatalogue(' α ')).toBe(false);
    expect(needsCatalogue('步数')).toBe(true);
  });
});

describe('English and 简体中文 catalogues', () => {
  it('have the same keys, the same placeholders per key, and no empty value', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[k]), k).toEqual(placeholders(en[k]));
      expect(zhCN[k].trim(), k).not.toBe('');
    }
  });

  it('translate: the zh-CN value differs from English except for names and notation', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === zhCN[k]);
    // Language names, top-1/top-5 headers and the "top-1" axis name read the same in both.
    expect(same.sort()).toEqual(
      [
        'avm.top1',
        'band.yLabel',
        'controls.alphaValueText',
        'page.languageEn',
        'page.languageZh',
        'runs.top1',
        'runs.top5',
      ].sort(),
    );
  });

  it('interpolate numbers with the language’s Intl.NumberFormat and choose plurals', () => {
    setLanguage('en');
    expect(t('runs.count', { count: 1 })).toBe('1 run (kept in this browser)');
    expect(t('runs.count', { count: 12345 })).toBe('12,345 runs (kept in this browser)');
    setLanguage('zh-CN');
    expect(t('runs.count', { count: 12345 })).toBe(`${new Intl.NumberFormat('zh-CN').format(12345)} 次训练（保存在此浏览器中）`);
    expect(t('buttons.train')).toBe('训练');
  });

  it('helpers outside React follow the current language', () => {
    setLanguage('zh-CN');
    expect(cacheSentence({ state: 'hit', ms: 870 })).toBe('已缓存在此浏览器中（读取，用时 0.9 秒）。');
    setLanguage('en');
    expect(cacheSentence({ state: 'hit', ms: 870 })).toBe('Cached in this browser (read in 0.9 s).');
  });

  it('lesson steps, lecture-link labels, effective settings, download reasons, chart sentences, formulas and variant labels switch language', () => {
    const row = { run: '#1 α=0 R8', train: '1.2345', test: '1.3000', at: 'step 200' };
    const seeds = differingLabels(
      [
        { ...DEFAULT_TRAIN_CONFIG, seed: 1 },
        { ...DEFAULT_TRAIN_CONFIG, seed: 2 },
      ],
      new Set(['alpha']),
    );
    expect(seeds).toEqual(['seed 1', 'seed 2']);
    expect(LESSON_STEPS[0]!.title).toBe('Move α, watch the cost');
    expect(LECTURE_HIDEABLE[0]!.label).toBe('α slider');
    setLanguage('zh-CN');
    expect(LESSON_STEPS.map((s) => s.title)).toEqual(
      [1, 2, 3, 4, 5].map((n) => zhCN[`lesson.step${n}.title` as keyof typeof zhCN]),
    );
    for (const s of LESSON_STEPS) expect(s.text).toMatch(/\p{Script=Han}/u);
    for (const c of LECTURE_HIDEABLE) expect(c.label, c.name).toMatch(/\p{Script=Han}/u);
    expect(describeRun(TRAIN_PRESETS.quick, 50_000)).toBe(
      '200 步 × 批大小 64 = 12,800 张图像（0.26 轮，受最大步数限制），数据增强关闭，one-cycle 学习率调度，不使用翻转 TTA',
    );
    expect(askReason({ effectiveType: '3g' })).toBe('你的网络较慢（3g）');
    expect(summarySentence('损失', [{ ...row, at: t('chart.step', { step: 200 }) }])).toBe(
      '损失，最新值：#1 α=0 R8 训练 1.2345，测试 1.3000，于第 200 步。',
    );
    expect(summarySentence('损失', [])).toBe('损失：暂无可显示的训练。');
    expect(macsFormulaText(2)).toBe('1 − ¾·α（步长 2：L→H 无需上采样）');
    expect(
      differingLabels(
        [
          { ...DEFAULT_TRAIN_CONFIG, seed: 1 },
          { ...DEFAULT_TRAIN_CONFIG, seed: 2 },
        ],
        new Set(['alpha']),
      ),
    ).toEqual(['种子 1', '种子 2']);
  });
});

describe('choosing the language', () => {
  it('maps BCP 47 tags: en-* → en, any zh → zh-CN, others → null', () => {
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('ZH_tw')).toBe('zh-CN');
    expect(matchLanguage('de-DE')).toBeNull();
  });

  it('?lang= wins; auto takes the first known browser language; English otherwise', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['de-DE', 'zh-CN', 'en-US'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['fr', 'en-US', 'zh'])).toBe('en');
    expect(resolveLanguage('auto', ['fr'])).toBe('en');
    expect(resolveLanguage('auto', [])).toBe('en');
  });

  it('lang is a URL parameter of the schema: parsed, validated and written back', () => {
    const p = parseLabUrl('?lang=zh-CN&alpha=0.5');
    expect(p.state.lang).toBe('zh-CN');
    expect(p.notices).toEqual([]);
    expect(serialiseLabUrl(p.state)).toBe('alpha=0.5&lang=zh-CN');
    expect(parseLabUrl('').state.lang).toBe('auto');
    const bad = parseLabUrl('?lang=fr');
    expect(bad.state.lang).toBe('auto');
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toMatch(/^lang="fr" must be one of auto, en, zh-CN/);
  });

  it('control tooltips (the schema docs) follow the language', () => {
    for (const n of LAB_PARAM_NAMES) expect(paramDoc(n)).toBe(LAB_SCHEMA[n].doc);
    setLanguage('zh-CN');
    expect(specDoc(LAB_SCHEMA.alpha)).toBe('低频通道比例 α（论文 §3.1）');
    for (const n of LAB_PARAM_NAMES) expect(paramDoc(n), n).toMatch(/\p{Script=Han}/u);
  });

  it('URL notices are written in the current language', () => {
    setLanguage('zh-CN');
    expect(parseLabUrl('?alpha=7').notices).toEqual(['alpha="7" 超出范围（≥ 0 且 ≤ 1 的数字）；使用默认值 0.25。']);
    expect(parseLabUrl('?bogus=1').notices).toEqual(['未知参数 "bogus"，已忽略。']);
    setLanguage('en');
    // Counts as typed in the URL tests (no digit grouping), the plural from i18next.
    expect(capNotices(Array.from({ length: 1300 }, String)).at(-1)).toBe(
      '…and 1292 more problems in the URL (1300 in all), each ignored.',
    );
    expect(capNotices(Array.from({ length: 9 }, String)).at(-1)).toBe('…and 1 more problem in the URL (9 in all), each ignored.');
  });
});
