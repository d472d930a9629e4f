import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BranchSpectrum } from '../../spectra/types';
import type { LayerActivations } from '../../train/protocol';
import { ColormapLegend } from './ColormapLegend';
import { MapCanvas } from './MapCanvas';
import { BRANCH_COLORS } from './branchColors';
import { formatValue, renderScalars, valueRange, type ValueRange } from './render';
import './inspect.css';
import { useChartScale } from '../hooks/useChartScale';
import { ChartImage } from '../components/ChartImage';
import { exactNumber } from '../lib/radiusText';

/** CSS pixels per DFT frequency step of the reference grid: both heatmaps share one scale. */
const PX_PER_FREQUENCY_STEP = 5;
/** Height of the radial-profile chart (CSS px). */
const CHART_HEIGHT = 240;

/** Props of {@link SpectrumView}. */
export interface SpectrumViewProps {
  /** One octave layer's activations with `spectra` (inspect with `spectra: true`). */
  layer: LayerActivations;
  /** Per-branch heatmap ranges shared with a run shown beside this one (src/ui/inspect/sharedScale.ts). */
  sharedRanges?: { high: ValueRange | null; low: ValueRange | null };
}

/** One row of the radial chart: a bin centre and each branch's energy share there (%). */
interface ProfileRow {
  frequency: number;
  high?: number | null;
  low?: number | null;
}

/**
 * Frequency content of both branches of one octave layer: the centred log-magnitude
 * spectrum of each branch as a heatmap drawn at one common frequency scale (the low branch's
 * plane spans only ±¼ cycles/pixel of the input grid, so it is drawn half as wide), the radial
 * energy profiles of both branches on one chart in cycles/pixel of the input grid, and each
 * branch's fraction of energy below the cut-off.
 */
export function SpectrumView({ layer, sharedRanges }: SpectrumViewProps) {
  const { t } = useTranslation();
  const { px } = useChartScale();
  const spectra = layer.spectra;
  const rows = useMemo(() => (spectra ? profileRows(spectra.high, spectra.low) : []), [spectra]);
  if (!spectra) {
    return <p className="inspect-muted">{t('spectrum.none', { layer: layer.info.name })}</p>;
  }
  const cutoff = spectra.high?.cutoff ?? spectra.low?.cutoff ?? 0.125;
  const grid = referenceSide(spectra.high ?? spectra.low);
  return (
    <div className="inspect-view inspect-spectrum" data-testid="spectrum-view">
      <h4>
        {t('spectrum.title')} <span className="inspect-muted">{t('spectrum.subtitle', { layer: layer.info.name })}</span>
      </h4>
      <div className="inspect-heatmaps">
        {(['high', 'low'] as const).map((branch) => (
          <SpectrumHeatmap key={branch} branch={branch} spectrum={spectra[branch]} fixedRange={sharedRanges?.[branch] ?? null} />
        ))}
        <dl className="inspect-energy" aria-label={t('spectrum.energy', { cutoff })}>
          {(['high', 'low'] as const).map((branch) => {
            const s = spectra[branch];
            return (
              <div key={branch}>
                <dt>
                  <span className="inspect-swatch" style={{ background: BRANCH_COLORS[branch] }} aria-hidden="true" />
                  {branch === 'high' ? t('spectrum.energyHigh', { cutoff }) : t('spectrum.energyLow', { cutoff })}
                </dt>
                <dd data-testid={`spectrum-${branch}-energy`}>
                  {s ? (s.totalEnergy === 0 ? t('spectrum.noEnergy') : `${(s.lowEnergyFraction * 100).toFixed(1)}%`) : '—'}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
      <figure className="inspect-chart" data-testid="spectrum-radial-chart">
        <ChartImage label={t('chart.spectrum')}>
          <ResponsiveContainer width="100%" height={px(CHART_HEIGHT)}>
            <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: px(24), bottom: px(28), left: 8 }}>
              <CartesianGrid stroke="var(--grid, #ddd)" strokeDasharray="3 3" />
              <XAxis
                dataKey="frequency"
                type="number"
                domain={[0, 'dataMax']}
                tickFormatter={(f: number) => f.toFixed(2)}
                height={px(30)}
                label={{
                  value: t('spectrum.xLabel', { grid }),
                  position: 'insideBottom',
                  offset: -16,
                }}
              />
              <YAxis tickFormatter={(v: number) => `${v}%`} width={px(48)} />
              <Tooltip
                formatter={(v) => (typeof v === 'number' ? `${v.toFixed(2)}%` : String(v))}
                labelFormatter={(f) => t('spectrum.cyclesPerPixel', { f: Number(f).toFixed(4) })}
              />
              <Legend verticalAlign="top" height={px(24)} />
              <ReferenceLine
                x={cutoff}
                stroke="var(--muted, #888)"
                strokeDasharray="4 4"
                label={{ value: t('spectrum.cutoff'), position: 'top' }}
              />
              {spectra.low?.scale ? (
                // The low branch cannot hold frequencies above its own Nyquist limit: ½ cycle per low pixel.
                <ReferenceLine
                  x={0.5 * spectra.low.scale}
                  stroke={BRANCH_COLORS.low}
                  strokeDasharray="1 3"
                  label={{
                    value: t('spectrum.lowLimit', { f: exactNumber(0.5 * spectra.low.scale) }),
                    position: 'insideTopRight',
                  }}
                />
              ) : null}
              {(['high', 'low'] as const).map((branch) =>
                spectra[branch] ? (
                  <Line
                    key={branch}
                    type="linear"
                    dataKey={branch}
                    name={t(branch === 'high' ? 'spectrum.highBranch' : 'spectrum.lowBranch')}
                    stroke={BRANCH_COLORS[branch]}
                    dot={false}
                    isAnimationActive={false}
                    connectNulls={false}
                  />
                ) : null,
              )}
            </LineChart>
          </ResponsiveContainer>
        </ChartImage>
        <figcaption>{t('spectrum.caption')}</figcaption>
      </figure>
    </div>
  );
}

/** Props of {@link SpectrumHeatmap}. */
interface SpectrumHeatmapProps {
  branch: 'high' | 'low';
  spectrum: BranchSpectrum | null;
  /** Range shared with another run's heatmap, or null for this one's own. */
  fixedRange: ValueRange | null;
}

/** Centred log(1+|F|) of one branch as a viridis heatmap (DC in the centre). */
function SpectrumHeatmap({ branch, spectrum, fixedRange }: SpectrumHeatmapProps) {
  const { t } = useTranslation();
  const rgba = useMemo(() => {
    if (!spectrum) return null;
    const map = { height: spectrum.height, width: spectrum.width, channels: 1, data: spectrum.logMagnitude };
    const range = fixedRange ?? valueRange(map);
    return { pixels: renderScalars(spectrum.logMagnitude, spectrum.height, spectrum.width, range, 'viridis'), range };
  }, [spectrum, fixedRange]);
  const title = branch === 'high' ? t('spectrum.heatHigh') : t('spectrum.heatLow');
  if (!spectrum || !rgba)
    return <p className="inspect-muted">{branch === 'high' ? t('spectrum.noHigh') : t('spectrum.noLow')}</p>;
  const extent = 0.5 * (spectrum.scale ?? (branch === 'low' ? 0.5 : 1));
  return (
    <figure className="inspect-heatmap">
      <MapCanvas
        rgba={rgba.pixels}
        width={spectrum.width}
        height={spectrum.height}
        displayWidth={spectrum.width * PX_PER_FREQUENCY_STEP}
        label={t('spectrum.heatAria', { title, min: formatValue(rgba.range.min), max: formatValue(rgba.range.max), extent })}
        testId={`spectrum-${branch}-canvas`}
      />
      <figcaption>
        {title}
        <br />
        <span className="inspect-muted">{t('spectrum.extent', { extent, height: spectrum.height, width: spectrum.width })}</span>
      </figcaption>
      <ColormapLegend colormap="viridis" range={rgba.range} caption="log(1+|F|)" />
    </figure>
  );
}

/** Side of the reference grid of a spectrum: its own side / scale (high branch: its own side). */
function referenceSide(s: BranchSpectrum | null): number {
  if (!s) return 0;
  return Math.round(Math.max(s.height, s.width) / (s.scale ?? 1));
}

/**
 * Merge both branches' radial profiles into chart rows (energy in %). Bins beyond a branch's
 * reach (the low branch ends at √2/4 cycles/pixel of the input grid) are null, so its line ends.
 */
export function profileRows(high: BranchSpectrum | null, low: BranchSpectrum | null): ProfileRow[] {
  const rows = new Map<string, ProfileRow>();
  const add = (s: BranchSpectrum | null, key: 'high' | 'low') => {
    if (!s) return;
    const reach = (s.scale ?? (key === 'low' ? 0.5 : 1)) * Math.SQRT1_2 + 1e-9;
    s.radial.frequency.forEach((f, k) => {
      const id = f.toFixed(9);
      const row = rows.get(id) ?? { frequency: f };
      row[key] = f <= reach ? s.radial.energy[k] * 100 : null;
      rows.set(id, row);
    });
  };
  add(high, 'high');
  add(low, 'low');
  return [...rows.values()].sort((a, b) => a.frequency - b.frequency);
}
