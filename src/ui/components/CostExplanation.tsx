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
  const extra = rows.filter((r) => r.vanillaMacs === null && r.alphaIn !== null);
  const extraElements = extra.reduce((n, r) => n + r.activationElements, 0);
  const memRatio = report.activationElements / report.vanilla.activationElements;
  const withoutExtra = (report.activationElements - extraElements) / report.vanilla.activationElements;
  return (
    <div className="muted cost-notes" data-testid="cost-explanation">
      <p>
        Chen et al. 2019 (Table 1, §3): an OctConv layer with α_in = α_out = α needs 1 − ¾α(2−α) of the vanilla MACs and 1 − ¾α of
        its output memory ({formatPercent(octaveMemoryRatio(alpha))} here). The whole net saves less: the stem, the first
        conversion (α_in = 0) and the last stage (α_out = 0, then vanilla) keep full-resolution tensors.
      </p>
      {extra.length > 0 ? (
        <p data-testid="cost-shortcut-note">
          The first block&apos;s input has no low branch (α_in = 0), so the octave net needs a 1×1 octave shortcut there (
          {extra.map((r) => r.name).join(', ')}: {formatBytes(extraElements * 4)}, marked &ldquo;only in the octave net&rdquo;
          below) where vanilla adds its input unchanged (identity).{' '}
          {memRatio > 1
            ? `In a net as shallow as Oct-ResNet-${depth} this one extra tensor outweighs the saving of the other layers at α = ${formatAlpha(alpha)}: the whole net needs ${formatPercent(memRatio)} of the vanilla activation memory (${formatPercent(withoutExtra)} without the shortcut). Deeper nets and larger α amortise it.`
            : `Without it the whole net would need ${formatPercent(withoutExtra)} of the vanilla activation memory instead of ${formatPercent(memRatio)}.`}
        </p>
      ) : null}
    </div>
  );
}
