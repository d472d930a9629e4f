import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostReport } from '../../octconv/types';
import { getCost, type CostKey } from '../hooks/costService';
import { buildCostRows } from '../lib/costTable';
import {
  formatBytes,
  formatMMacs,
  formatPercent,
  macsFormulaText,
  octaveMacsRatio,
  octaveMemoryRatio,
  octaveStride2MacsRatio,
} from '../lib/costMath';
import { alphaVar } from '../lib/alphaColor';
import { CostExplanation } from './CostExplanation';
import { TableHead } from './TableHead';
import { formatAlpha } from '../lib/formatAlpha';
import { modelName } from '../../train/face';
import { formatNumber } from '../i18n';

/** Props of {@link CostPanel}. */
export interface CostPanelProps {
  config: CostKey;
}

/**
 * Counted cost of the current configuration (params, MACs and activation memory per image, per
 * layer and in total) against the vanilla net, with the paper's closed forms beside it:
 * MACs 1 − ¾α(2−α) and memory 1 − ¾α for a middle layer (paper Table 1). Recomputed at once when
 * α moves (memoised page-side counter).
 */
export function CostPanel({ config }: CostPanelProps) {
  const { t } = useTranslation();
  const [report, setReport] = useState<CostReport | null>(null);
  const [vanilla, setVanilla] = useState<CostReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { architecture, depth, widthMultiplier, alpha, block } = config;
  useEffect(() => {
    let live = true;
    Promise.all([
      getCost({ architecture, depth, widthMultiplier, alpha, block }),
      getCost({ architecture, depth, widthMultiplier, alpha: 0, block }),
    ])
      .then(([r, v]) => {
        if (!live) return;
        setReport(r);
        setVanilla(v);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [architecture, depth, widthMultiplier, alpha, block]);
  const rows = report ? buildCostRows(report, vanilla) : [];
  const shown = report && report.layers.length > 0;
  return (
    <section className="panel" aria-labelledby="cost-h">
      <h2 id="cost-h">
        {t('cost.title')} <span className="swatch" style={{ background: alphaVar(alpha) }} aria-hidden="true" />α ={' '}
        {formatAlpha(alpha)}
      </h2>
      {error ? <p className="error">{t('cost.error', { error })}</p> : null}
      {!shown && !error ? <p className="muted">{t('cost.counting')}</p> : null}
      {shown && report ? (
        <>
          <div className="table-scroll">
            <table data-testid="cost-totals" className="compact">
              <TableHead
                cells={[t('cost.perImage'), modelName(config), t('cost.vanilla'), t('cost.ratio'), t('cost.paperMiddle')]}
              />
              <tbody>
                <tr>
                  <td className="left">{t('cost.macsRow')}</td>
                  <td>{formatMMacs(report.macs)}</td>
                  <td>{formatMMacs(report.vanilla.macs)}</td>
                  <td data-testid="cost-macs-ratio">{formatPercent(report.macs / report.vanilla.macs)}</td>
                  <td title={t('cost.macsFormula')}>{formatPercent(octaveMacsRatio(alpha))}</td>
                </tr>
                <tr>
                  <td className="left">{t('cost.activations')}</td>
                  <td>{formatBytes(report.activationElements * 4)}</td>
                  <td>{formatBytes(report.vanilla.activationElements * 4)}</td>
                  <td>{formatPercent(report.activationElements / report.vanilla.activationElements)}</td>
                  <td title={t('cost.memFormula')}>{formatPercent(octaveMemoryRatio(alpha))}</td>
                </tr>
                <tr>
                  <td className="left">{t('cost.parameters')}</td>
                  <td>{formatNumber(report.params)}</td>
                  <td>{formatNumber(report.vanilla.params)}</td>
                  <td>{formatPercent(report.params / report.vanilla.params)}</td>
                  <td>{t('cost.paramsPaper')}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <CostExplanation report={report} rows={vanilla ? rows : []} alpha={alpha} depth={depth} />
          <details>
            <summary>{t('cost.perLayer', { count: rows.length })}</summary>
            <div className="table-scroll">
              <table data-testid="cost-layers" className="compact">
                <TableHead
                  cells={[
                    t('cost.layer'),
                    'α_in→α_out',
                    t('runs.mmacs'),
                    t('cost.macsPct'),
                    t('cost.paper'),
                    { text: t('cost.outputMem'), title: t('cost.outputMemTitle') },
                    t('cost.memPct'),
                  ]}
                />
                <tbody>
                  {rows.map((r) => {
                    const middle = r.alphaIn !== null && r.alphaIn === r.alphaOut && r.alphaIn > 0;
                    const octaveOnly = r.vanillaMacs === null && vanilla !== null;
                    return (
                      <tr key={r.name} data-octave-only={octaveOnly || undefined}>
                        <td className="left">
                          {r.name}
                          {octaveOnly ? <span className="muted">{t('cost.octaveOnly')}</span> : null}
                        </td>
                        <td>{r.alphaIn === null ? '—' : `${r.alphaIn}→${r.alphaOut}`}</td>
                        <td>{formatMMacs(r.macs)}</td>
                        <td>{r.vanillaMacs ? formatPercent(r.macs / r.vanillaMacs) : octaveOnly ? t('cost.extra') : '—'}</td>
                        <td title={middle ? macsFormulaText(r.stride === 2 ? 2 : 1) : undefined} data-testid="cost-layer-paper">
                          {middle
                            ? r.stride === 2
                              ? t('cost.stride2', { ratio: formatPercent(octaveStride2MacsRatio(r.alphaIn as number)) })
                              : formatPercent(octaveMacsRatio(r.alphaIn as number))
                            : ''}
                        </td>
                        <td>{formatBytes(r.activationElements * 4)}</td>
                        <td>
                          {r.vanillaActivationElements
                            ? formatPercent(r.activationElements / r.vanillaActivationElements)
                            : octaveOnly
                              ? t('cost.extra')
                              : '—'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="muted" data-testid="cost-stride-note">
              {t('cost.strideNote', {
                at:
                  alpha > 0
                    ? t('cost.strideAt', {
                        stride2: formatPercent(octaveStride2MacsRatio(alpha)),
                        alpha: formatAlpha(alpha),
                        stride1: formatPercent(octaveMacsRatio(alpha)),
                      })
                    : '',
              })}
            </p>
          </details>
        </>
      ) : null}
    </section>
  );
}
