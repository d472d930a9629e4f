import { useTranslation } from 'react-i18next';
import { useId, useMemo, useState } from 'react';
import { decomposeImage } from '../../spectra/face';
import type { InspectResult } from '../../train/protocol';
import { BranchGrid, type ScaleMode } from './BranchGrid';
import { MapCanvas } from './MapCanvas';
import { renderRgb, type ValueRange } from './render';
import './inspect.css';

/** CIFAR-10 image side in pixels. */
const IMAGE_SIDE = 32;
/** Displayed size of the input image and its decomposition (CSS px). */
const IMAGE_DISPLAY = 96;
/** Canvas size of the input image and of its low and high parts: IMAGE_SIDE² pixels, IMAGE_DISPLAY wide. */
const IMAGE_CANVAS = { width: IMAGE_SIDE, height: IMAGE_SIDE, displayWidth: IMAGE_DISPLAY } as const;
/** Displayed width of one channel (CSS px); low maps get the same width, so their pixels look 2× larger. */
const CELL_DISPLAY = 56;

/** Props of {@link FeatureMapView}. */
export interface FeatureMapViewProps {
  /** Answer of the worker's inspect() for one test image. */
  result: InspectResult;
  /** Octave layer to show, e.g. 'stage1/block1/conv1'. */
  layerName: string;
  /** Class names indexed by label (CIFAR-10: 10). */
  classNames: string[];
  /** Per-branch ranges shared with a run shown beside this one (src/ui/inspect/sharedScale.ts); hides the scale switch. */
  sharedRanges?: { high: ValueRange | null; low: ValueRange | null };
}

/**
 * The test image (label, prediction), its own octave decomposition (paper Fig. 1: low = 2×2
 * average + nearest upsample, high = residual), then the chosen layer's high-frequency maps
 * (full resolution) and low-frequency maps (half resolution), with a per-channel/per-branch
 * scale switch and a hover/focus read-out of each channel's value range.
 */
export function FeatureMapView({ result, layerName, classNames, sharedRanges }: FeatureMapViewProps) {
  const { t } = useTranslation();
  const [scale, setScale] = useState<ScaleMode>('channel');
  const [readout, setReadout] = useState<string | null>(null);
  const scaleName = useId();
  const layer = result.layers.find((l) => l.info.name === layerName);
  const images = useMemo(() => {
    const { low, high } = decomposeImage(result.image, IMAGE_SIDE, IMAGE_SIDE, 3);
    let maxAbs = 1;
    for (const v of high) maxAbs = Math.max(maxAbs, Math.abs(v));
    return {
      input: renderRgb(result.image, IMAGE_SIDE, IMAGE_SIDE),
      low: renderRgb(low, IMAGE_SIDE, IMAGE_SIDE),
      // Residual around mid-grey, stretched so its largest |value| reaches the ends.
      high: renderRgb(high, IMAGE_SIDE, IMAGE_SIDE, 128, 127 / maxAbs),
      gain: 127 / maxAbs,
    };
  }, [result.image]);
  const label = classNames[result.label] ?? t('fmap.class', { index: result.label });
  const predicted = classNames[result.predicted] ?? t('fmap.class', { index: result.predicted });
  const confidence = result.probabilities[result.predicted];

  return (
    <div className="inspect-view inspect-fmap" data-testid="feature-map-view">
      <div className="inspect-figure1" aria-label={t('fmap.figure')}>
        {(
          [
            ['input', images.input, t('fmap.input'), t('fmap.inputAria', { index: result.imageIndex })],
            ['low-image', images.low, t('fmap.low'), t('fmap.lowAria')],
            ['high-image', images.high, t('fmap.high', { gain: images.gain.toFixed(1) }), t('fmap.highAria')],
          ] as const
        ).map(([id, rgba, caption, aria]) => (
          <figure key={id}>
            <MapCanvas {...IMAGE_CANVAS} rgba={rgba} label={aria} testId={`fmap-${id}-canvas`} />
            <figcaption>{caption}</figcaption>
          </figure>
        ))}
        <dl className="inspect-prediction">
          <dt>{t('fmap.image')}</dt>
          <dd>#{result.imageIndex}</dd>
          <dt>{t('fmap.label')}</dt>
          <dd data-testid="fmap-label">{label}</dd>
          <dt>{t('fmap.predicted')}</dt>
          <dd data-testid="fmap-predicted" className={result.predicted === result.label ? 'inspect-correct' : 'inspect-wrong'}>
            {predicted}
            {confidence !== undefined && ` (${(confidence * 100).toFixed(1)}%)`}
          </dd>
        </dl>
      </div>

      {sharedRanges ? null : (
        <fieldset className="inspect-switch">
          <legend>{t('fmap.scale')}</legend>
          {(['channel', 'branch'] as const).map((mode) => (
            <label key={mode}>
              <input type="radio" name={scaleName} value={mode} checked={scale === mode} onChange={() => setScale(mode)} />
              {mode === 'channel' ? t('fmap.perChannel') : t('fmap.perBranch')}
            </label>
          ))}
        </fieldset>
      )}
      <p className="inspect-readout" aria-live="polite" data-testid="fmap-readout">
        {readout ?? t('fmap.readoutHint')}
      </p>

      {!layer ? (
        <p className="inspect-muted">{t('fmap.missingLayer', { layer: layerName })}</p>
      ) : (
        <div className="inspect-branches">
          {(['high', 'low'] as const).map((branch) => {
            const map = layer[branch];
            return map ? (
              <BranchGrid
                key={branch}
                branch={branch}
                map={map}
                scale={scale}
                cellWidth={CELL_DISPLAY}
                onInspect={setReadout}
                fixedRange={sharedRanges?.[branch]}
              />
            ) : (
              <p key={branch} className="inspect-muted">
                {t(branch === 'high' ? 'fmap.noHigh' : 'fmap.noLow')}
              </p>
            );
          })}
        </div>
      )}
    </div>
  );
}
