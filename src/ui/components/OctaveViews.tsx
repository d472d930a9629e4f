import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import type { InspectResult, LayerActivations } from '../../train/protocol';
import { FeatureMapView, SpectrumView, sharedScale } from '../inspect/index';
import { formatAlpha } from '../lib/formatAlpha';

/** A second run shown beside the first ("compare with"). */
export interface CompareResult {
  result: InspectResult;
  /** Names the run, e.g. "run #1 (α=0)". */
  label: string;
}

/** Props of {@link OctaveViews}. */
export interface OctaveViewsProps {
  /** Answer of the worker's inspect(i, { spectra: true }). */
  result: InspectResult;
  classNames: readonly string[];
  /** Names the first run when `compare` is given. */
  label?: string;
  /** A second run's answer for the same image: both side by side, same layer, one colour scale. */
  compare?: CompareResult | null;
}

/**
 * Layer picker plus the chosen OctConv layer's high/low feature maps (FeatureMapView) and their
 * spectra (SpectrumView), both from src/ui/inspect. Defaults to the first layer with both
 * branches, where the octave's effect is visible (paper Fig. 1). With `compare`, the two runs sit
 * side by side on the same layer, each branch's maps and spectra on one colour range shared by
 * both runs (src/ui/inspect/sharedScale.ts) — e.g. α = 0 next to α = 0.5, whose low branch only
 * means something against the vanilla baseline.
 */
export function OctaveViews({ result, classNames, label, compare }: OctaveViewsProps) {
  const { t } = useTranslation();
  const id = useId();
  const layers = result.layers;
  const [name, setName] = useState<string | null>(null);
  const other = compare?.result.layers ?? [];
  const withBoth = layers.find((l) => l.high && l.low) ?? other.find((l) => l.high && l.low);
  const names = [...new Set([...layers, ...other].map((l) => l.info.name))];
  const chosen = name !== null && names.includes(name) ? name : (withBoth?.info.name ?? names[0]);
  const infoOf = (n: string) => (layers.find((l) => l.info.name === n) ?? other.find((l) => l.info.name === n))?.info;
  const layer = layers.find((l) => l.info.name === chosen);
  if (!chosen) return <p className="muted">{t('inspect.noLayers')}</p>;
  const onlyLow = layers.every((l) => !l.high);
  const picker = (
    <div className="field">
      <label htmlFor={id}>{t('inspect.layer')}</label>
      <select id={id} value={chosen} onChange={(e) => setName(e.target.value)} data-testid="inspect-layer">
        {names.map((n) => {
          const info = infoOf(n)!;
          return (
            <option key={n} value={n}>
              {n}
              {compare ? '' : ` (α ${formatAlpha(info.alphaIn)}→${formatAlpha(info.alphaOut)})`}
            </option>
          );
        })}
      </select>
    </div>
  );
  if (compare) {
    const pair = [
      { result, label: label ?? t('inspect.selectedRun'), layer },
      { result: compare.result, label: compare.label, layer: other.find((l) => l.info.name === chosen) },
    ];
    const scale = sharedScale(pair.map((p) => p.layer));
    return (
      <div>
        {picker}
        <p className="muted" data-testid="inspect-compare-note">
          {t('inspect.compareNote')}
        </p>
        <div className="inspect-compare" data-testid="inspect-compare">
          {pair.map((p, i) => (
            <div key={i} className="inspect-compare-col" data-testid={`inspect-col-${i}`}>
              <h3>{p.label}</h3>
              <Branches result={p.result} layer={p.layer} name={chosen} classNames={classNames} scale={scale} />
            </div>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div>
      {!layers.some((l) => l.high && l.low) ? (
        <p className="notice" data-testid="inspect-no-both">
          {t('inspect.noBoth', { why: onlyLow ? t('inspect.onlyLow') : '', layer: chosen })}
        </p>
      ) : null}
      {picker}
      <Branches result={result} layer={layer} name={chosen} classNames={classNames} />
    </div>
  );
}

/** Maps and spectra of one run's layer (with a shared scale when compared). */
function Branches(props: {
  result: InspectResult;
  layer: LayerActivations | undefined;
  name: string;
  classNames: readonly string[];
  scale?: ReturnType<typeof sharedScale>;
}) {
  const { result, layer, name, classNames, scale } = props;
  const { t } = useTranslation();
  return (
    <>
      <FeatureMapView result={result} layerName={name} classNames={[...classNames]} sharedRanges={scale?.maps} />
      {layer ? (
        <SpectrumView layer={layer} sharedRanges={scale?.spectra} />
      ) : (
        <p className="muted">{t('inspect.noSuchLayer', { name })}</p>
      )}
    </>
  );
}
