import { useTranslation } from 'react-i18next';
import type { EvalMetrics } from '../../train/protocol';

/** Props of {@link ConfusionMatrix}. */
export interface ConfusionMatrixProps {
  test: EvalMetrics;
  classNames: readonly string[];
}

/** Short, unambiguous column headers for the CIFAR-10 classes (full name in the tooltip). */
const SHORT: Readonly<Record<string, string>> = { airplane: 'plane', automobile: 'car' };

/**
 * Confusion matrix (rows = true class, columns = predicted; cell shade ∝ row fraction) and the
 * per-class accuracy of a run's last evaluation.
 */
export function ConfusionMatrix({ test, classNames }: ConfusionMatrixProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="confusion" data-testid="confusion">
        <caption className="muted">{t('confusion.caption', { count: test.count })}</caption>
        <thead>
          <tr>
            <th className="left" scope="col">
              {t('confusion.corner')}
            </th>
            {classNames.map((n) => (
              <th key={n} scope="col">
                {SHORT[n] ? <abbr title={n}>{SHORT[n]}</abbr> : n}
              </th>
            ))}
            <th scope="col">{t('confusion.accuracy')}</th>
          </tr>
        </thead>
        <tbody>
          {test.confusion.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={i}>
                <th className="left" scope="row">
                  {classNames[i] ?? i}
                </th>
                {row.map((v, j) => {
                  const f = v / total;
                  return (
                    <td
                      key={j}
                      style={{
                        background: `color-mix(in srgb, var(--accent) ${Math.round(f * 85)}%, transparent)`,
                        fontWeight: i === j ? 700 : 400,
                      }}
                    >
                      {v}
                    </td>
                  );
                })}
                <td>{((test.perClassAccuracy[i] ?? 0) * 100).toFixed(1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
