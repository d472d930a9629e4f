import { useTranslation } from 'react-i18next';
import { colormapGradient, type ColormapName } from './colormap';
import { formatValue, type ValueRange } from './render';

/** Props of {@link ColormapLegend}. */
export interface ColormapLegendProps {
  colormap: ColormapName;
  /** Range shown at the ends (diverging: symmetric ±max|value|); omitted for per-channel scaling. */
  range?: ValueRange;
  /** What the colours mean, e.g. "activation". */
  caption: string;
}

/** A small colour bar with its end values, so a colour reads as a number. */
export function ColormapLegend({ colormap, range, caption }: ColormapLegendProps) {
  const { t } = useTranslation();
  const m = range ? Math.max(Math.abs(range.min), Math.abs(range.max)) : 0;
  const lo = range ? (colormap === 'diverging' ? -m : range.min) : undefined;
  const hi = range ? (colormap === 'diverging' ? m : range.max) : undefined;
  return (
    <div className="inspect-legend">
      <span className="inspect-legend-caption">{caption}</span>
      <span className="inspect-legend-end">{lo === undefined ? t('legend.min') : formatValue(lo)}</span>
      <span className="inspect-legend-bar" style={{ background: colormapGradient(colormap) }} aria-hidden="true" />
      <span className="inspect-legend-end">{hi === undefined ? t('legend.max') : formatValue(hi)}</span>
    </div>
  );
}
