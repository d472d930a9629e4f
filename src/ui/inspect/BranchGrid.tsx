import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { FeatureMap } from '../../train/protocol';
import { ColormapLegend } from './ColormapLegend';
import { MapCanvas } from './MapCanvas';
import { colormapFor, formatValue, renderChannel, valueRange, type ValueRange } from './render';

/** Colour scaling of a grid: each channel to its own range, or all channels to the branch's. */
export type ScaleMode = 'channel' | 'branch';

/** Props of {@link BranchGrid}. */
export interface BranchGridProps {
  branch: 'high' | 'low';
  map: FeatureMap;
  scale: ScaleMode;
  /** Displayed width of one channel in CSS pixels. */
  cellWidth: number;
  /** Called with a read-out when a channel is hovered or focused. */
  onInspect(text: string): void;
  /** A range shared with another view (side-by-side runs): used for every channel instead of the branch's own. */
  fixedRange?: ValueRange | null;
}

/**
 * All channels of one branch as a grid of small canvases. A branch with any negative value uses
 * the diverging map (symmetric about 0), otherwise viridis.
 */
export function BranchGrid({ branch, map, scale: asked, cellWidth, onInspect, fixedRange }: BranchGridProps) {
  const { t } = useTranslation();
  const ownRange = useMemo(() => valueRange(map), [map]);
  const branchRange = fixedRange ?? ownRange;
  const scale: ScaleMode = fixedRange ? 'branch' : asked;
  const colormap = colormapFor(branchRange);
  const cells = useMemo(() => {
    const out: { rgba: Uint8ClampedArray; range: ValueRange }[] = [];
    for (let c = 0; c < map.channels; c++) {
      const range = valueRange(map, c);
      out.push({ rgba: renderChannel(map, c, scale === 'channel' ? range : branchRange, colormap), range });
    }
    return out;
  }, [map, scale, branchRange, colormap]);
  const title = branch === 'high' ? t('branch.high') : t('branch.low');
  return (
    <section className={`inspect-branch inspect-branch-${branch}`} aria-label={t('branch.maps', { title })}>
      <h4>
        {title}{' '}
        <span className="inspect-muted">
          {t('branch.size', { height: map.height, width: map.width, channels: map.channels })}
        </span>
      </h4>
      <ColormapLegend
        colormap={colormap}
        range={scale === 'branch' ? branchRange : undefined}
        caption={
          fixedRange
            ? t('branch.activationShared')
            : scale === 'branch'
              ? t('branch.activation')
              : t('branch.activationPerChannel')
        }
      />
      <div className="inspect-grid" style={{ gridTemplateColumns: `repeat(auto-fill, minmax(${cellWidth}px, 1fr))` }}>
        {cells.map(({ rgba, range }, c) => {
          const text = t('branch.channel', {
            branch: t(`branch.name.${branch}`),
            channel: c,
            min: formatValue(range.min),
            max: formatValue(range.max),
          });
          return (
            <MapCanvas
              key={c}
              rgba={rgba}
              width={map.width}
              height={map.height}
              displayWidth={cellWidth}
              label={text}
              testId={`fmap-${branch}-canvas`}
              focusable
              onInspect={() => onInspect(text)}
            />
          );
        })}
      </div>
    </section>
  );
}
