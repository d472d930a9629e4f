import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BRANCH_COLORS } from '../inspect/branchColors';
import type { ModelFrequencyResults } from './types';
import { useChartScale } from '../hooks/useChartScale';
import { ChartImage } from '../components/ChartImage';

/** Props of {@link AblationBars}. */
export interface AblationBarsProps {
  result: ModelFrequencyResults;
}

const pct = (v: number | null): number | null => (v === null ? null : 100 * v);

/**
 * Branch ablation of one model: unablated top-1 beside top-1 with every octave layer's low (or
 * high) branch replaced by its per-channel mean, then per layer.
 */
export function AblationBars({ result }: AblationBarsProps) {
  const { px } = useChartScale();
  const { t } = useTranslation();
  const a = result.ablation;
  if (!a) return null;
  const rows = [
    { name: t('ablation.all'), none: pct(a.top1), dropLow: pct(a.dropLow), dropHigh: pct(a.dropHigh) },
    ...a.perLayer.map((l) => ({ name: l.layer, none: pct(a.top1), dropLow: pct(l.dropLow), dropHigh: pct(l.dropHigh) })),
  ];
  return (
    <figure className="freq-chart" data-testid="freq-ablation-chart">
      <h4>{result.label}</h4>
      <ChartImage label={t('chart.ablation', { model: result.label })}>
        <ResponsiveContainer width="100%" height={Math.max(px(160), px(22) * rows.length + px(60))}>
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="var(--grid, #ddd)" strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
            <YAxis type="category" dataKey="name" width={px(150)} interval={0} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : t('ablation.noBranch'))} />
            <Legend verticalAlign="top" height={px(44)} />
            <Bar dataKey="none" name={t('ablation.unablated')} fill="var(--muted, #999)" isAnimationActive={false} />
            <Bar dataKey="dropLow" name={t('ablation.dropLow')} fill={BRANCH_COLORS.low} isAnimationActive={false} />
            <Bar dataKey="dropHigh" name={t('ablation.dropHigh')} fill={BRANCH_COLORS.high} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartImage>
      <figcaption>{t('ablation.caption', { images: result.band?.images ?? t('ablation.the') })}</figcaption>
    </figure>
  );
}
