import { useId, type ReactNode } from 'react';

/** Props of {@link SelectField}. */
export interface SelectFieldProps {
  label: string;
  /** Tooltip of the label (what the parameter means). */
  labelTitle?: string;
  /** Tooltip of the select itself. */
  title?: string;
  value: string | number;
  testId?: string;
  /** Told the chosen option's value. */
  onChange(value: string): void;
  /** The `<option>` elements. */
  children: ReactNode;
}

/** A labelled select in the form's field grid (label left, select right), its options given as children. */
export function SelectField({ label, labelTitle, title, value, testId, onChange, children }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} title={labelTitle}>
        {label}
      </label>
      <select id={id} title={title} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
