import { useId } from 'react';

/** Props of {@link WholeNumberInput}. */
export interface WholeNumberInputProps {
  label: string;
  value: number;
  /** Lowest value of the spinner (and the base of its steps). */
  min: number;
  /** Highest value applied (and of the spinner). */
  max: number;
  step: number;
  /** Width of the input (CSS px). */
  width: number;
  /** Lowest typed value applied (default `min`): typing may go under the spinner's floor. */
  lowest?: number;
  /** Told each typed whole number in [lowest, max]; anything else typed is not applied. */
  onChange(value: number): void;
}

/** A label and a number input for a whole number in a range (an image index, an image count), inline in a row of buttons. */
export function WholeNumberInput({ label, value, min, max, step, width, lowest = min, onChange }: WholeNumberInputProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        style={{ width }}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isInteger(v) && v >= lowest && v <= max) onChange(v);
        }}
      />
    </>
  );
}
