import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { SensitivityMap } from '../../frequency/types';
import { ColormapLegend } from '../inspect/ColormapLegend';
import { MapCanvas } from '../inspect/MapCanvas';
import { renderScalars } from '../inspect/render';
import { exactNumber, roundExact } from '../lib/radiusText';
import { sensitivityBands, type SensitivityBand } from '../../frequency/face';
import { sensitivityRange, sensitivityTickIndices } from '../lib/sensitivityRange';
import { ValuesDetails } from '../components/ValuesDetails';

/** Props of {@link SensitivityHeatmap}. */
export interface SensitivityHeatmapProps {
  label: string;
  map: SensitivityMap;
}

/** Displayed side of the map (CSS px). */
const SIDE = 192;

const pct = (v: number | null): number | null => (v === null ? null : roundExact(100 * v));

/** "|f| < 0.125", "0.125 ≤ |f| < 0.25", "|f| ≥ 0.5". */
const bandText = (b: SensitivityBand): string =>
  b.from === 0
    ? `|f| < ${exactNumber(b.to!)}`
    : b.to === null
      ? `|f| ≥ ${exactNumber(b.from)}`
      : `${exactNumber(b.from)} ≤ |f| < ${exactNumber(b.to)}`;

/**
 * Fourier sensitivity map (Yin et al., NeurIPS 2019): error rate under an additive Fourier basis
 * image at each (u, v) (row u, column v, ticks in cycles/pixel), DC in the centre, viridis from
 * this map's least error (or its clean error, if lower) to its greatest, numbers on the colour bar. Below, the error by radial
 * band and the worst cell as a table and CSV.
 */
export function SensitivityHeatmap({ label, map }: SensitivityHeatmapProps) {
  const { t } = useTranslation();
  const g = map.gridSize;
  const range = useMemo(() => sensitivityRange(map), [map]);
  const rgba = useMemo(() => renderScalars(Float32Array.from(map.errorRate), g, g, range, 'viridis'), [map, g, range]);
  const f = map.frequencies;
  const ticks = sensitivityTickIndices(g).map((k) => ({ k, text: exactNumber(f[k]), at: `${(100 * (k + 0.5)) / g}%` }));
  const summary = useMemo(() => sensitivityBands(map), [map]);
  const w = summary.worst;
  return (
    <figure className="freq-heatmap" data-testid="freq-sensitivity-map">
      <div className="freq-heatmap-row">
        <div className="freq-heatmap-plot">
          <span className="freq-heatmap-ulabel">{t('sensitivity.uLabel')}</span>
          <TickStrip axis="u" ticks={ticks} />
          <MapCanvas
            rgba={rgba}
            width={g}
            height={g}
            displayWidth={SIDE}
            label={t('sensitivity.aria', { label, from: f[0], to: f[g - 1] })}
          />
          <TickStrip axis="v" ticks={ticks} />
          <span className="freq-heatmap-vlabel">{t('sensitivity.vLabel')}</span>
        </div>
        <div className="freq-heatmap-side">
          <figcaption>
            {label}
            <br />
            <span className="muted">
              {t('sensitivity.detail', {
                g,
                epsilon: map.epsilon,
                images: map.images,
                clean: (100 * map.cleanErrorRate).toFixed(1),
              })}
            </span>
          </figcaption>
          <ColormapLegend
            colormap="viridis"
            range={{ min: 100 * range.min, max: 100 * range.max }}
            caption={t('sensitivity.legend')}
          />
        </div>
      </div>
      <ValuesDetails
        summary={t('values.summary')}
        caption={t('sensitivity.tableCaption', { label })}
        head={[
          t('sensitivity.headBand'),
          t('sensitivity.headFrom'),
          t('sensitivity.headTo'),
          t('sensitivity.headCells'),
          t('sensitivity.headMean'),
          t('sensitivity.headMax'),
        ]}
        rows={summary.bands.map((b) => [bandText(b), b.from, b.to, b.cells, pct(b.meanError), pct(b.maxError)])}
        note={t('sensitivity.worst', {
          u: exactNumber(w.u),
          v: exactNumber(w.v),
          r: w.radius.toFixed(4),
          error: exactNumber(100 * w.errorRate),
          clean: exactNumber(100 * map.cleanErrorRate),
        })}
        csvName="fourier-sensitivity-bands.csv"
        testId="freq-sensitivity-values"
      />
    </figure>
  );
}

/** The map's tick labels along rows (u, left of the map) or columns (v, below it). */
function TickStrip({ axis, ticks }: { axis: 'u' | 'v'; ticks: { k: number; text: string; at: string }[] }) {
  const along = axis === 'u' ? 'top' : 'left';
  return (
    <div className={`freq-heatmap-${axis}ticks`} style={axis === 'u' ? { height: SIDE } : { width: SIDE }} aria-hidden="true">
      {ticks.map(({ k, text, at }) => (
        <span key={k} style={{ [along]: at }}>
          {text}
        </span>
      ))}
    </div>
  );
}
