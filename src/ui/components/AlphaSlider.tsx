import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { alphaVar } from '../lib/alphaColor';
import { ALPHA_TICKS } from '../state/labSchema';
import { formatAlpha } from '../lib/formatAlpha';

import { ALPHA_SLIDER_STEP, alphaKeyTarget } from '../lib/alphaKeys';

/** Props of {@link AlphaSlider}. */
export interface AlphaSliderProps {
  /** Ratio α ∈ [0, 1] of low-frequency channels (paper §3.1). */
  value: number;
  onChange(alpha: number): void;
}

/**
 * The α slider: 0–1 with a fine step (ALPHA_SLIDER_STEP) so that the thumb matches any α, the
 * paper's ticks (0, .125, …, 1) as tick marks; keys jump between ticks (arrows/PageUp/PageDown,
 * Home/End). α is shown rounded to ≤ 3 decimals, in the run colour used by every view.
 */
export function AlphaSlider({ value, onChange }: AlphaSliderProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="alpha-slider">
      <label htmlFor={id}>
        {t('controls.alphaLabel')}{' '}
        <span className="alpha-value" data-testid="alpha-value">
          <span className="swatch" style={{ background: alphaVar(value) }} aria-hidden="true" />
          {formatAlpha(value)}
        </span>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={ALPHA_SLIDER_STEP}
        value={value}
        list={`${id}-ticks`}
        aria-valuetext={t('controls.alphaValueText', { alpha: formatAlpha(value) })}
        data-testid="alpha-slider"
        onChange={(e) => onChange(Number(Number(e.target.value).toFixed(3)))}
        onKeyDown={(e) => {
          const t = alphaKeyTarget(value, e.key);
          if (t === null) return;
          e.preventDefault();
          onChange(t);
        }}
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
