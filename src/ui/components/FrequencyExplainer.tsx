import { useTranslation } from 'react-i18next';

/**
 * What the spectra can and cannot show (issue 13, item 4): the branch's resolution limit, the
 * cut-off, the spectral replicas of L→H upsampling, and the vanilla (α = 0) comparison.
 */
export function FrequencyExplainer() {
  const { t } = useTranslation();
  return (
    <details className="freq-explainer" data-testid="freq-explainer" open>
      <summary>{t('explain.summary')}</summary>
      <ul>
        {(['limit', 'cutoff', 'replicas', 'vanilla'] as const).map((k) => (
          <li key={k}>
            <strong>{t(`explain.${k}Title`)}</strong> {t(`explain.${k}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}
