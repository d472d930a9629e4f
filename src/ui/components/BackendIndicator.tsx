import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendChoice } from '../../train/protocol';
import { LAB_SCHEMA, type BackendPreference } from '../state/labSchema';

/** Props of {@link BackendIndicator}. */
export interface BackendIndicatorProps {
  choice: BackendChoice | null;
  error: string | null;
  initialising: boolean;
  preference: BackendPreference;
  /** Force a backend ('auto' = the worker's ranking: real GPU → WASM → software GPU → CPU). */
  onOverride(pref: BackendPreference): void;
  /** Overriding is disabled while a run is active. */
  disabled: boolean;
}

/** The backend the worker trains on, why it was chosen, every candidate's status, and an override. */
export function BackendIndicator({ choice, error, initialising, preference, onOverride, disabled }: BackendIndicatorProps) {
  const { t } = useTranslation();
  const id = useId();
  const spec = LAB_SCHEMA.backend;
  return (
    <div data-testid="backend-indicator">
      <p>
        {t('backend.label')}{' '}
        <strong data-testid="backend-name">{initialising ? t('backend.probing') : (choice?.name ?? t('backend.none'))}</strong>
        {choice?.manual ? t('backend.forced') : ''}
      </p>
      {choice ? (
        <p className="muted" data-testid="backend-reason">
          {choice.reason}
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {choice ? (
        <details>
          <summary>{t('backend.candidates')}</summary>
          <ul className="muted" data-testid="backend-candidates">
            {choice.candidates.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong>:{' '}
                {c.available ? (c.software ? t('backend.software') : t('backend.available')) : t('backend.unavailable')} —{' '}
                {c.detail}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {spec.kind === 'enum' ? (
        <div className="field">
          <label htmlFor={id}>{t('backend.override')}</label>
          <select
            id={id}
            value={preference}
            disabled={disabled}
            onChange={(e) => onOverride(e.target.value as BackendPreference)}
          >
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o === 'auto' ? t('backend.auto') : o}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
