import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BRANCH_COLORS } from '../inspect/branchColors';
import type { ModelFrequencyResults } from './types';
import { useChartScale } from '../hooks/useChartScale';
import { ablationRows } from '../lib/ablationRows';
import { roundExact } from '../lib/radiusText';
import { ChartImage } from '../components/ChartImage';
import { ValuesDetails } from '../components/ValuesDetails';

/** Props of {@link AblationBars}. */
export interface AblationBarsProps {
  result: ModelFrequencyResults;
}

const pct = (v: number | null): number | null => (v === null ? null : roundExact(100 * v));

/**
 * The bar series, in legend order; a series no row has a value for (e.g. the branch bars of an
 * α = 0 net) is left out. "Whole output → mean" (a layer with one branch only): Okabe–Ito bluish green.
 */
const BARS = [
  { key: 'none', name: 'ablation.unablated', fill: 'var(--muted, #999)' },
  { key: 'dropLow', name: 'ablation.dropLow', fill: BRANCH_COLORS.low },
  { key: 'dropHigh', name: 'ablation.dropHigh', fill: BRANCH_COLORS.high },
  { key: 'dropWhole', name: 'ablation.dropWhole', fill: '#009e73' },
] as const;

/**
 * Branch ablation of one model: unablated top-1 beside top-1 with every octave layer's low (or
 * high) branch replaced by its per-channel mean, then per layer; a layer with a single branch
 * (α_out = 0 or 1) shows "whole output → mean" instead; the caption notes that for the last layer,
 * which feeds the global average pool, that equals the unablated top-1. Legend in bar order. Below, the values as a table and CSV.
 */
export function AblationBars({ result }: AblationBarsProps) {
  const { px } = useChartScale();
  const { t } = useTranslation();
  const a = result.ablation;
  if (!a) return null;
  const table = ablationRows(a);
  const rows = table.map((r) => ({
    name: r.layer ?? t('ablation.all'),
    none: pct(r.none),
    dropLow: pct(r.dropLow),
    dropHigh: pct(r.dropHigh),
    dropWhole: pct(r.dropWhole),
  }));
  const anyWhole = table.some((r) => r.dropWhole !== null);
  const last = table[table.length - 1];
  // Bars per layer (the series shown), each barPx thick: readable on a projector.
  const series = BARS.filter((b) => b.key === 'none' || table.some((r) => r[b.key] !== null));
  const barPx = px(10);
  const rowPx = series.length * (barPx + 2) + px(14);
  return (
    <figure className="freq-chart" data-testid="freq-ablation-chart">
      <h4>{result.label}</h4>
      <ChartImage label={t('chart.ablation', { model: result.label })}>
        <ResponsiveContainer width="100%" height={Math.max(px(160), rowPx * rows.length + px(80))}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            layout="vertical"
            barSize={barPx}
            barGap={2}
            margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          >
            <CartesianGrid stroke="var(--grid, #ddd)" strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
            <YAxis type="category" dataKey="name" width={px(150)} interval={0} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : t('ablation.noBranch'))} />
            {/* In bar order, not recharts' default alphabetical order. */}
            <Legend verticalAlign="top" height={px(44)} itemSorter={null} />
            {series.map((b) => (
              <Bar key={b.key} dataKey={b.key} name={t(b.name)} fill={b.fill} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartImage>
      <figcaption>
        {t('ablation.caption', { images: result.band?.images ?? t('ablation.the') })}
        {anyWhole ? ` ${t('ablation.wholeHint')}` : ''}
        {last.layer !== null && last.dropWhole !== null ? ` ${t('ablation.lastHint', { layer: last.layer })}` : ''}
      </figcaption>
      <ValuesDetails
        summary={t('values.summary')}
        caption={t('ablation.tableCaption', { model: result.label })}
        head={[
          t('ablation.headLayer'),
          'α_in',
          'α_out',
          t('ablation.unablated'),
          t('ablation.dropLow'),
          t('ablation.dropHigh'),
          t('ablation.dropWhole'),
        ].map((h, i) => (i >= 3 ? `${h} (%)` : h))}
        rows={table.map((r, i) => [
          rows[i].name,
          r.alphaIn,
          r.alphaOut,
          rows[i].none,
          rows[i].dropLow,
          rows[i].dropHigh,
          rows[i].dropWhole,
        ])}
        csvName="branch-ablation-top1.csv"
        testId="freq-ablation-values"
      />
    </figure>
  );
}
