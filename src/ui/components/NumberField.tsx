import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { specDoc } from '../i18n/paramDocs';
import type { NumberSpec } from '../state/labSchema';
import { checkNumberField } from '../lib/fieldCheck';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  /** The schema entry: its range bounds the input and validates typed values. */
  spec: NumberSpec;
  value: number | null;
  onChange(v: number | null): void;
  step?: number;
  /** Text of the empty value for optional fields (e.g. "all"). */
  emptyLabel?: string;
  testId?: string;
  /** Told the field's error whenever it changes (null = valid), so the page can block Train. */
  onValidity?(error: string | null): void;
}

/**
 * A labelled number input bound to a schema range: values outside the range are not applied,
 * the field says why in red and reports the error through `onValidity` (the page blocks Train
 * instead of silently training with the previous value).
 */
export function NumberField({ label, spec, value, onChange, step, emptyLabel, testId, onValidity }: NumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(value === null ? '' : String(value));
    setError(null);
  }, [value]);
  const validity = useRef(onValidity);
  validity.current = onValidity;
  useEffect(() => validity.current?.(error), [error]);
  // A hidden or removed field blocks nothing.
  useEffect(() => () => validity.current?.(null), []);
  const commit = (t: string) => {
    setText(t);
    const c = checkNumberField(t, spec);
    if (!c.ok) return setError(c.error);
    setError(null);
    onChange(c.value);
  };
  return (
    <div className="field">
      <label htmlFor={id} title={specDoc(spec)}>
        {label}
      </label>
      <div>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={r0(spec.range.min, spec.range.minExclusive)}
          max={spec.range.max}
          step={step ?? (spec.range.integer ? 1 : 'any')}
          value={text}
          placeholder={spec.optional ? (emptyLabel ?? t('controls.all')) : undefined}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-err` : undefined}
          data-testid={testId}
          onChange={(e) => commit(e.target.value)}
        />
        {error ? (
          <div id={`${id}-err`} className="error" data-testid={testId ? `${testId}-error` : undefined}>
            {error}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function r0(min: number, exclusive?: boolean): number | undefined {
  return exclusive ? undefined : min;
}
