import { useTranslation } from 'react-i18next';
import { exactNumber } from '../lib/radiusText';
import { ValueTable } from './ValueTable';

/**
 * Map side of each branch per stage of an Oct-ResNet on 32×32 CIFAR-10 (He et al. 2016 layout,
 * octave as in the paper's code: stage 3 returns to α_out = 0, so it has no low branch).
 */
const STAGES = [
  { stage: 1, high: 32, low: 16 },
  { stage: 2, high: 16, low: 8 },
  { stage: 3, high: 8, low: null },
] as const;

/** Nyquist limit of a side × side map in cycles/pixel of the 32×32 input: ½ cycle per map pixel. */
const limitOf = (side: number): number => side / 32 / 2;

/**
 * What the spectra can and cannot show (issue 13, item 4): the branch's resolution limit (per
 * stage), the cut-off, the spectral replicas of L→H upsampling, and the vanilla (α = 0) comparison.
 */
export function FrequencyExplainer() {
  const { t } = useTranslation();
  const cell = (side: number) => t('explain.stageCell', { side, limit: exactNumber(limitOf(side)) });
  return (
    <details className="freq-explainer" data-testid="freq-explainer" open>
      <summary>{t('explain.summary')}</summary>
      <ul>
        {(['limit', 'cutoff', 'replicas', 'vanilla'] as const).map((k) => (
          <li key={k}>
            <strong>{t(`explain.${k}Title`)}</strong> {t(`explain.${k}`)}
            {k === 'limit' ? (
              <>
                <br />
                <strong>{t('explain.stagesTitle')}</strong> {t('explain.stages')}
                <ValueTable
                  head={[t('explain.headStage'), t('explain.headHigh'), t('explain.headLow')]}
                  rows={STAGES.map((s) => [String(s.stage), cell(s.high), s.low === null ? t('explain.noLow') : cell(s.low)])}
                />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
