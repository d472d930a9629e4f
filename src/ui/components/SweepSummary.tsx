import { useTranslation } from 'react-i18next';
import { alphaVar } from '../lib/alphaColor';
import { formatAlpha } from '../lib/formatAlpha';
import type { RecipeSummary } from '../lib/runStats';
import { TableHead } from './TableHead';

/** Props of {@link SweepSummary}. */
export interface SweepSummaryProps {
  summaries: RecipeSummary[];
}

const pct = (v: number) => (100 * v).toFixed(1);

/**
 * Per recipe and α: runs (seeds), mean test top-1 with its 95 % interval (t over seeds; Wilson over
 * the test images for one run), images/s; then in words which α values the runs cannot tell apart.
 */
export function SweepSummary({ summaries }: SweepSummaryProps) {
  const { t } = useTranslation();
  if (!summaries.length) return null;
  return (
    <div data-testid="sweep-summary">
      <h3>{t('sweepSummary.heading')}</h3>
      {summaries.map((s) => (
        <div key={s.key}>
          {s.label ? <p className="muted">{t('sweepSummary.recipe', { label: s.label })}</p> : null}
          <div className="table-scroll">
            <table className="runs-table" data-testid="summary-table">
              <TableHead
                cells={[
                  'α',
                  t('sweepSummary.runs'),
                  t('sweepSummary.seeds'),
                  t('sweepSummary.mean'),
                  t('sweepSummary.interval'),
                  t('runs.imgPerSec'),
                ]}
              />
              <tbody>
                {s.rows.map((r) => (
                  <tr key={r.alpha} data-testid="summary-row">
                    <td className="left">
                      <span className="swatch" style={{ background: alphaVar(r.alpha) }} aria-hidden="true" />
                      {formatAlpha(r.alpha)}
                    </td>
                    <td>{r.n}</td>
                    <td>{r.seeds.join(', ')}</td>
                    <td data-testid="summary-mean">{pct(r.meanTop1)}</td>
                    <td title={r.method === 't' ? t('sweepSummary.tTitle') : t('sweepSummary.wilsonTitle')}>
                      {pct(r.ciLow)} – {pct(r.ciHigh)}
                      {r.method === 'wilson' ? ' *' : ''}
                    </td>
                    <td>{r.meanImagesPerSecond.toFixed(0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {s.rows.some((r) => r.method === 'wilson') ? <p className="muted">{t('sweepSummary.wilsonNote')}</p> : null}
          <ul className="verdicts" data-testid="verdicts" aria-label={t('sweepSummary.verdicts')}>
            {s.verdicts.map((v) => (
              <li key={`${v.alphaA}-${v.alphaB}`} data-distinguishable={v.difference.distinguishable}>
                {v.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
