import { useTranslation } from 'react-i18next';
import type { LabState } from '../state/labSchema';
import { LANGUAGES, type Language } from '../i18n';
import { Lesson } from './LessonCard';

/** Props of {@link HeaderTools}. */
export interface HeaderToolsProps {
  lab: LabState;
  hidden: ReadonlySet<keyof LabState>;
  theme: 'light' | 'dark';
  lang: Language;
  patch: (p: Partial<LabState>) => void;
}

/** The page header's switches: language, theme, the guided lesson and presenter mode (each hideable in the URL). */
export function HeaderTools({ lab, hidden, theme, lang, patch }: HeaderToolsProps) {
  const { t } = useTranslation();
  return (
    <div className="header-tools">
      {!hidden.has('lang') ? (
        <label className="lang-switch">
          {t('page.language')}{' '}
          <select value={lang} data-testid="lang-select" onChange={(e) => patch({ lang: e.target.value as Language })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {l === 'en' ? t('page.languageEn') : t('page.languageZh')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {!hidden.has('theme') ? (
        <button
          type="button"
          aria-label={theme === 'dark' ? t('page.themeToLight') : t('page.themeToDark')}
          onClick={() => patch({ theme: theme === 'dark' ? 'light' : 'dark' })}
        >
          {theme === 'dark' ? t('page.themeLight') : t('page.themeDark')}
        </button>
      ) : null}
      <Lesson step={lab.lesson} buttonHidden={hidden.has('lesson')} onStep={(lesson) => patch({ lesson })} />
      {!hidden.has('presenter') ? (
        <button type="button" aria-pressed={lab.presenter} onClick={() => patch({ presenter: !lab.presenter })}>
          {t('page.presenterMode')}
        </button>
      ) : null}
    </div>
  );
}
