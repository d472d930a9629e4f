import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { SensitivityMap } from '../../frequency/types';
import { ColormapLegend } from '../inspect/ColormapLegend';
import { MapCanvas } from '../inspect/MapCanvas';
import { renderScalars } from '../inspect/render';

/** Props of {@link SensitivityHeatmap}. */
export interface SensitivityHeatmapProps {
  label: string;
  map: SensitivityMap;
}

/** Error rates span 0–100 %. */
const ERROR_RANGE = { min: 0, max: 1 };

/**
 * Fourier sensitivity map (Yin et al., NeurIPS 2019): error rate under an additive Fourier basis
 * image at each (u, v), DC in the centre, viridis from 0 to 100 %.
 */
export function SensitivityHeatmap({ label, map }: SensitivityHeatmapProps) {
  const { t } = useTranslation();
  const g = map.gridSize;
  const rgba = useMemo(() => renderScalars(Float32Array.from(map.errorRate), g, g, ERROR_RANGE, 'viridis'), [map, g]);
  const f = map.frequencies;
  return (
    <figure className="freq-heatmap" data-testid="freq-sensitivity-map">
      <MapCanvas
        rgba={rgba}
        width={g}
        height={g}
        displayWidth={192}
        label={t('sensitivity.aria', { label, from: f[0], to: f[g - 1] })}
      />
      <figcaption>
        {label}
        <br />
        <span className="muted">
          {t('sensitivity.detail', { g, epsilon: map.epsilon, images: map.images, clean: (100 * map.cleanErrorRate).toFixed(1) })}
        </span>
      </figcaption>
      <ColormapLegend colormap="viridis" range={{ min: 0, max: 100 }} caption={t('sensitivity.legend')} />
    </figure>
  );
}
