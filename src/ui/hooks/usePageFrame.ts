import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { serialiseLabUrl } from '../state/labUrl';
import type { LabState } from '../state/labSchema';
import { PRESENTER_CHART_SCALE, useChartScaleFor } from './useChartScale';
import { resolveTheme } from '../lib/theme';
import { browserLanguages, resolveLanguage, setLanguage, type Language } from '../i18n';

/**
 * What the lab state sets outside React's tree: the URL (every change replaces the history entry,
 * `hidden` controls stay hidden in it), the page-wide chart scale of presenter mode, the theme on
 * `<html data-theme>`, and the language (i18next, `<html lang>`, the document title).
 * @returns the resolved theme and language ('auto' choices already decided)
 */
export function usePageFrame(lab: LabState, hidden: ReadonlySet<keyof LabState>): { theme: 'light' | 'dark'; lang: Language } {
  const { t } = useTranslation();
  useEffect(() => {
    const q = serialiseLabUrl(lab, hidden);
    const url = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [lab, hidden]);
  useChartScaleFor(lab.presenter ? PRESENTER_CHART_SCALE : 1);
  const theme = resolveTheme(lab.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const lang = resolveLanguage(lab.lang, browserLanguages());
  useEffect(() => {
    setLanguage(lang);
    document.documentElement.lang = lang;
    document.title = t('page.documentTitle');
  }, [lang, t]);
  return { theme, lang };
}
