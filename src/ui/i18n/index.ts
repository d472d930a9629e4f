/**
 * The one catalogue of UI strings (./en.ts, ./zhCN.ts) behind i18next. Components call
 * `useTranslation()` (react-i18next) so a language switch re-renders them; DOM-free helpers
 * (cacheText, runSummary, URL notices) import {@link t}. Keys are flat ('data.title'), so
 * keySeparator is off; numbers are interpolated as `{{n, number}}` (Intl.NumberFormat of the
 * current language). Initialised on import with the fallback language; main.tsx switches to the
 * URL's or the browser's language before the first render.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zhCN';
import { FALLBACK_LANGUAGE, type Language } from './language';

export * from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    keySeparator: false;
    resources: { translation: typeof en };
  }
}

/** Every key of the catalogue. */
export type MessageKey = keyof typeof en;

void i18next.use(initReactI18next).init({
  lng: FALLBACK_LANGUAGE,
  fallbackLng: FALLBACK_LANGUAGE,
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  keySeparator: false,
  nsSeparator: false,
  // React escapes text itself; the catalogue holds plain text.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** Translate a catalogue key in the current language (outside React; components use useTranslation). */
export const t = i18next.t.bind(i18next);

/** Switch the page's language (synchronous: the catalogue is bundled). */
export function setLanguage(lang: Language): void {
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
}

/** The current language. */
export function currentLanguage(): Language {
  return (i18next.language as Language) ?? FALLBACK_LANGUAGE;
}

/** Format a number for the current language (Intl.NumberFormat). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLanguage(), options).format(n);
}
