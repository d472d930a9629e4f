import { useEffect, useId, useState } from 'react';
import type { NumberSpec } from '../state/labSchema';

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
}

/**
 * A labelled number input bound to a schema range: values outside the range are not applied
 * and the field says why (the page never gets an invalid config).
 */
export function NumberField({ label, spec, value, onChange, step, emptyLabel, testId }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const commit = (t: string) => {
    setText(t);
    if (t.trim() === '' && spec.optional) {
      setError(null);
      onChange(null);
      return;
    }
    const v = Number(t);
    const r = spec.range;
    if (t.trim() === '' || !Number.isFinite(v)) return setError('enter a number');
    if (r.integer && !Number.isInteger(v)) return setError('whole numbers only');
    if ((r.minExclusive ? v <= r.min : v < r.min) || v > r.max) {
      return setError(`${r.minExclusive ? '>' : '≥'} ${r.min} and ≤ ${r.max}`);
    }
    setError(null);
    onChange(v);
  };
  return (
    <div className="field">
      <label htmlFor={id} title={spec.doc}>
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
          placeholder={spec.optional ? (emptyLabel ?? 'all') : undefined}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-err` : undefined}
          data-testid={testId}
          onChange={(e) => commit(e.target.value)}
        />
        {error ? (
          <div id={`${id}-err`} className="error muted">
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
