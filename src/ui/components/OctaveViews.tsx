import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import type { InspectResult } from '../../train/protocol';
import { FeatureMapView, SpectrumView } from '../inspect/index';
import { formatAlpha } from '../lib/formatAlpha';

/** Props of {@link OctaveViews}. */
export interface OctaveViewsProps {
  /** Answer of the worker's inspect(i, { spectra: true }). */
  result: InspectResult;
  classNames: readonly string[];
}

/**
 * Layer picker plus the chosen OctConv layer's high/low feature maps (FeatureMapView) and their
 * spectra (SpectrumView), both from src/ui/inspect. Defaults to the first layer with both
 * branches, where the octave's effect is visible (paper Fig. 1).
 */
export function OctaveViews({ result, classNames }: OctaveViewsProps) {
  const { t } = useTranslation();
  const id = useId();
  const layers = result.layers;
  const [name, setName] = useState<string | null>(null);
  const withBoth = layers.find((l) => l.high && l.low);
  const layer = layers.find((l) => l.info.name === name) ?? withBoth ?? layers[0];
  if (!layer) return <p className="muted">{t('inspect.noLayers')}</p>;
  const onlyLow = layers.every((l) => !l.high);
  return (
    <div>
      {!withBoth ? (
        <p className="notice" data-testid="inspect-no-both">
          {t('inspect.noBoth', { why: onlyLow ? t('inspect.onlyLow') : '', layer: layer.info.name })}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id}>{t('inspect.layer')}</label>
        <select id={id} value={layer.info.name} onChange={(e) => setName(e.target.value)} data-testid="inspect-layer">
          {layers.map((l) => (
            <option key={l.info.name} value={l.info.name}>
              {l.info.name} (α {formatAlpha(l.info.alphaIn)}→{formatAlpha(l.info.alphaOut)})
            </option>
          ))}
        </select>
      </div>
      <FeatureMapView result={result} layerName={layer.info.name} classNames={[...classNames]} />
      <SpectrumView layer={layer} />
    </div>
  );
}
