import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../i18n';
import type { RunWeights } from '../hooks/useRunWeights';
import { formatAlpha } from '../lib/formatAlpha';
import { shortModelName } from '../lib/modelLabel';
import { isFinished, type RunRecord } from '../lib/runs';

/** "run #3 (α=0.5, R8)": how the inspect views name a run. */
export function inspectRunLabel(r: RunRecord): string {
  return translate('pick.runLabel', { number: r.number, alpha: formatAlpha(r.config.alpha), model: shortModelName(r.config) });
}

/** Props of {@link InspectRunPicker}. */
export interface InspectRunPickerProps {
  runs: readonly RunRecord[];
  weights: RunWeights;
  /** True when the worker holds a current model (offered as "current model"). */
  hasCurrent: boolean;
  /** Selected run id; '' = the current model. */
  runId: string;
  /** Run shown beside it; '' = none. */
  compareId: string;
  onChange(next: { runId: string; compareId: string }): void;
}

/**
 * The run pickers of the octave views — which finished run to show and which to compare it
 * with — and a plain statement of where final weights are kept (this session; this browser up
 * to the stated limit, oldest evicted first) and which runs are not kept.
 */
export function InspectRunPicker({ runs, weights, hasCurrent, runId, compareId, onChange }: InspectRunPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const finished = runs.filter(isFinished);
  const inspectable = finished.filter((r) => weights.available.has(r.id));
  const option = (r: RunRecord) => (
    <option key={r.id} value={r.id}>
      {inspectRunLabel(r)} {t(`status.${r.status}`)}
      {r.test ? t('pick.top1', { top1: (r.test.top1 * 100).toFixed(1) }) : ''}
    </option>
  );
  const numbers = (ids: Iterable<string>) =>
    [...ids]
      .map((i) => runs.find((r) => r.id === i))
      .filter((r): r is RunRecord => r !== undefined)
      .map((r) => `#${r.number}`);
  const notKept = [...weights.notKept.entries()].filter(([i]) => runs.some((r) => r.id === i));
  const missing = finished.filter((r) => !weights.available.has(r.id) && r.status !== 'error');
  const mib = (b: number) => (b / 2 ** 20).toFixed(1);
  return (
    <div className="presenter-hide" data-testid="inspect-runs">
      <div className="buttons" style={{ alignItems: 'center' }}>
        <label htmlFor={`${id}-run`}>{t('pick.model')}</label>
        <select
          id={`${id}-run`}
          value={runId}
          data-testid="inspect-run"
          onChange={(e) => onChange({ runId: e.target.value, compareId: compareId === e.target.value ? '' : compareId })}
        >
          {hasCurrent || !inspectable.length ? <option value="">{t('pick.current')}</option> : null}
          {inspectable.map(option)}
        </select>
        <label htmlFor={`${id}-cmp`}>{t('pick.compare')}</label>
        <select
          id={`${id}-cmp`}
          value={compareId}
          data-testid="inspect-compare-run"
          disabled={!inspectable.length}
          onChange={(e) => onChange({ runId, compareId: e.target.value })}
        >
          <option value="">{t('pick.none')}</option>
          {inspectable.filter((r) => r.id !== runId).map(option)}
        </select>
      </div>
      <p className="muted" data-testid="inspect-kept">
        {t('pick.kept', { limit: mib(weights.limitBytes), count: weights.stored.size, used: mib(weights.usedBytes) })}
        {notKept.length ? t('pick.notKept', { list: notKept.map(([i, why]) => `${numbers([i])[0]} (${why})`).join('; ') }) : ''}
        {missing.length ? t('pick.missing', { list: missing.map((r) => `#${r.number}`).join(', ') }) : ''}
      </p>
      {weights.error ? <p className="error">{weights.error}</p> : null}
    </div>
  );
}
