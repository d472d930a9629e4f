import { useTranslation } from 'react-i18next';
import type { CostReport } from '../../octconv/types';
import type { CostRow } from '../lib/costTable';
import { formatBytes, formatPercent, octaveMemoryRatio } from '../lib/costMath';
import { formatAlpha } from '../lib/formatAlpha';

/** Props of {@link CostExplanation}. */
export interface CostExplanationProps {
  report: CostReport;
  /** Per-layer rows (buildCostRows) of the same report against the vanilla net. */
  rows: CostRow[];
  alpha: number;
  depth: number;
}

/**
 * Why the whole net saves less than a middle layer (Chen et al. 2019, Table 1 and §3): the stem,
 * the first conversion (α_in = 0) and the last stage (α_out = 0) keep full-resolution tensors,
 * and the first block needs a 1×1 octave shortcut (its input has no low branch; vanilla has an
 * identity there). Its output (elements × 4 bytes, one image) is named, and the whole-net memory
 * without it is given, so a figure above 100 % at small α is explained where it is shown.
 */
export function CostExplanation({ report, rows, alpha, depth }: CostExplanationProps) {
  const { t } = useTranslation();
  const extra = rows.filter((r) => r.vanillaMacs === null && r.alphaIn !== null);
  const extraElements = extra.reduce((n, r) => n + r.activationElements, 0);
  const memRatio = report.activationElements / report.vanilla.activationElements;
  const withoutExtra = (report.activationElements - extraElements) / report.vanilla.activationElements;
  return (
    <div className="muted cost-notes" data-testid="cost-explanation">
      <p>{t('costNotes.main', { memory: formatPercent(octaveMemoryRatio(alpha)) })}</p>
      {extra.length > 0 ? (
        <p data-testid="cost-shortcut-note">
          {t('costNotes.shortcut', { layers: extra.map((r) => r.name).join(', '), bytes: formatBytes(extraElements * 4) })}{' '}
          {memRatio > 1
            ? t('costNotes.outweighs', {
                depth,
                alpha: formatAlpha(alpha),
                ratio: formatPercent(memRatio),
                without: formatPercent(withoutExtra),
              })
            : t('costNotes.without', { without: formatPercent(withoutExtra), ratio: formatPercent(memRatio) })}
        </p>
      ) : null}
    </div>
  );
}
