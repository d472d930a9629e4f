/**
 * The page's languages and how one is chosen: the `lang` URL parameter (src/ui/state/labSchema.ts)
 * wins; with `lang=auto` (the default) the first of the browser's preferred languages
 * (navigator.languages) that the lab speaks; English when none matches. DOM-free.
 */

/** Languages the catalogue ships (BCP 47 tags, as written in `<html lang>` and `?lang=`). */
export const LANGUAGES = ['en', 'zh-CN'] as const;
/** One shipped language. */
export type Language = (typeof LANGUAGES)[number];
/** The `lang` URL parameter: a shipped language, or 'auto' (follow the browser). */
export type LanguageChoice = 'auto' | Language;
/** Used when neither the URL nor the browser names a shipped language. */
export const FALLBACK_LANGUAGE: Language = 'en';

/**
 * The shipped language for one BCP 47 tag, or null: any `en-*` is English; any Chinese tag
 * (`zh`, `zh-CN`, `zh-Hans-*`, `zh-SG`, also `zh-TW`/`zh-HK`, for whom Simplified Chinese reads
 * better than English) is 简体中文.
 */
export function matchLanguage(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en') return 'en';
  if (primary === 'zh') return 'zh-CN';
  return null;
}

/**
 * The language to show: `choice` when it names one, else the first of `preferred` (the browser's
 * languages, most preferred first) that {@link matchLanguage} knows, else {@link FALLBACK_LANGUAGE}.
 */
export function resolveLanguage(choice: LanguageChoice, preferred: readonly string[]): Language {
  if (choice !== 'auto') return choice;
  for (const tag of preferred) {
    const m = matchLanguage(tag);
    if (m) return m;
  }
  return FALLBACK_LANGUAGE;
}

/** The browser's preferred languages (navigator.languages, else navigator.language; [] in Node). */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}
