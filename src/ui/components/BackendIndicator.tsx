import { useId } from 'react';
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
  const id = useId();
  const spec = LAB_SCHEMA.backend;
  return (
    <div data-testid="backend-indicator">
      <p>
        Backend: <strong data-testid="backend-name">{initialising ? 'probing…' : (choice?.name ?? 'none')}</strong>
        {choice?.manual ? ' (forced)' : ''}
      </p>
      {choice ? (
        <p className="muted" data-testid="backend-reason">
          {choice.reason}
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {choice ? (
        <details>
          <summary>All candidates</summary>
          <ul className="muted" data-testid="backend-candidates">
            {choice.candidates.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong>: {c.available ? (c.software ? 'software (slow)' : 'available') : 'unavailable'} —{' '}
                {c.detail}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {spec.kind === 'enum' ? (
        <div className="field">
          <label htmlFor={id}>Override</label>
          <select
            id={id}
            value={preference}
            disabled={disabled}
            onChange={(e) => onOverride(e.target.value as BackendPreference)}
          >
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o === 'auto' ? 'auto (best available)' : o}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
