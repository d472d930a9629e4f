import { alphaVar } from '../lib/alphaColor';
import { formatAlpha } from '../lib/formatAlpha';
import type { RecipeSummary } from '../lib/runStats';

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
  if (!summaries.length) return null;
  return (
    <div data-testid="sweep-summary">
      <h3>Per α: mean top-1 and 95 % interval</h3>
      {summaries.map((s) => (
        <div key={s.key}>
          {s.label ? <p className="muted">Recipe: {s.label}</p> : null}
          <div className="table-scroll">
            <table className="runs-table" data-testid="summary-table">
              <thead>
                <tr>
                  <th className="left">α</th>
                  <th>runs</th>
                  <th>seeds</th>
                  <th>top-1 % mean</th>
                  <th>95 % interval</th>
                  <th>img/s</th>
                </tr>
              </thead>
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
                    <td
                      title={
                        r.method === 't'
                          ? 'Student t over seeds'
                          : 'one run: Wilson interval over the test images (seed noise not counted)'
                      }
                    >
                      {pct(r.ciLow)} – {pct(r.ciHigh)}
                      {r.method === 'wilson' ? ' *' : ''}
                    </td>
                    <td>{r.meanImagesPerSecond.toFixed(0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {s.rows.some((r) => r.method === 'wilson') ? (
            <p className="muted">
              * one run: the interval counts only the test set's sampling noise; set “repeats” ≥ 2 to count seed-to-seed noise.
            </p>
          ) : null}
          <ul className="verdicts" data-testid="verdicts" aria-label="which α values differ">
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
