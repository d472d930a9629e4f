import { useId } from 'react';
import { alphaVar } from '../lib/alphaColor';
import { ALPHA_TICKS } from '../state/labSchema';

/** Props of {@link AlphaSlider}. */
export interface AlphaSliderProps {
  /** Ratio α ∈ [0, 1] of low-frequency channels (paper §3.1). */
  value: number;
  onChange(alpha: number): void;
}

/**
 * The α slider: 0–1 in steps of 1/8 with the paper's ticks (0, .125, …, 1), keyboard-operable
 * (arrows step 1/8, Home/End), its value in the run colour used by every view.
 */
export function AlphaSlider({ value, onChange }: AlphaSliderProps) {
  const id = useId();
  return (
    <div className="alpha-slider">
      <label htmlFor={id}>
        α (low-frequency ratio):{' '}
        <span className="alpha-value" data-testid="alpha-value">
          <span className="swatch" style={{ background: alphaVar(value) }} aria-hidden="true" />
          {value}
        </span>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.125}
        value={value}
        list={`${id}-ticks`}
        aria-valuetext={`alpha ${value}`}
        data-testid="alpha-slider"
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <datalist id={`${id}-ticks`}>
        {ALPHA_TICKS.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <div className="alpha-ticks" aria-hidden="true">
        {ALPHA_TICKS.map((t) => (
          <span key={t}>{t === 0 || t === 1 ? t : String(t).replace(/^0/, '')}</span>
        ))}
      </div>
    </div>
  );
}
