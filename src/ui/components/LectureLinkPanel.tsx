import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabState } from '../state/labSchema';
import { LECTURE_HIDEABLE, lectureLink } from '../state/lectureLink';

/** Props of {@link LectureLinkPanel}. */
export interface LectureLinkPanelProps {
  state: LabState;
  /** Controls the page's own URL hides (they stay hidden in the link). */
  hidden: ReadonlySet<keyof LabState>;
}

/**
 * "Copy lecture link": tick the controls students should not see, copy the current URL with
 * `<name>_hide=1` for them (src/ui/state/lectureLink.ts). The link is also shown as text, for
 * browsers that refuse clipboard access.
 */
export function LectureLinkPanel({ state, hidden }: LectureLinkPanelProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Set<keyof LabState>>(() => new Set());
  const [copied, setCopied] = useState<string | null>(null);
  const base = `${window.location.origin}${window.location.pathname}`;
  const link = lectureLink(base, state, hidden, chosen);
  const offered = LECTURE_HIDEABLE.filter((c) => !hidden.has(c.name));
  return (
    <details className="panel lecture-link" data-testid="lecture-link-panel">
      <summary>{t('lecture.title')}</summary>
      <fieldset>
        <legend>{t('lecture.hideLegend')}</legend>
        {offered.map((c) => (
          <label key={c.name} className="check">
            <input
              type="checkbox"
              checked={chosen.has(c.name)}
              data-testid={`hide-${c.name}`}
              onChange={(e) =>
                setChosen((s) => {
                  const n = new Set(s);
                  if (e.target.checked) n.add(c.name);
                  else n.delete(c.name);
                  return n;
                })
              }
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
      <div className="buttons">
        <button
          type="button"
          data-testid="copy-lecture-link"
          onClick={() => {
            const write = navigator.clipboard?.writeText(link) ?? Promise.reject(new Error('no clipboard'));
            write.then(
              () => setCopied(t('lecture.copied')),
              () => setCopied(t('lecture.refused')),
            );
          }}
        >
          {t('lecture.copy')}
        </button>
      </div>
      <p className="muted" aria-live="polite" data-testid="lecture-link-status">
        {copied}
      </p>
      <input
        type="text"
        readOnly
        value={link}
        aria-label={t('lecture.linkLabel')}
        data-testid="lecture-link"
        className="lecture-url"
      />
    </details>
  );
}
