import { useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import type { TrainConfig } from '../../train/protocol';
import { getCost } from '../hooks/costService';
import { LONG_SWEEP_MS, estimateSweepMs, formatDurationMs, measuredMacsPerMs } from '../lib/runProgress';
import { stepsPerEpoch, type RunRecord } from '../lib/runs';
import { checkAlphaList } from '../lib/sweepQueue';
import { LAB_SCHEMA, type NumberSpec } from '../state/labSchema';
import { NumberField } from './NumberField';

/** Props of {@link SweepPanel}. */
export interface SweepPanelProps {
  /** α values (from the lab state / URL). */
  alphas: number[];
  onAlphasChange(alphas: number[]): void;
  /** Seeds per α (from the lab state / URL). */
  repeats: number;
  onRepeatsChange(repeats: number): void;
  /** Queue `repeats` runs per α with the current settings. */
  onRun(alphas: number[]): void;
  /** Why a sweep cannot start now, or null. */
  blockedReason: string | null;
  /** The current settings (the sweep's recipe), for the time estimate. */
  base: TrainConfig;
  /** Runs of the session: their measured speed gives the estimate. */
  runs: RunRecord[];
  /** Runs that train at once. */
  slots: number;
  trainCount: number;
}

/**
 * The sweep's expected training time at the measured speed (null: nothing measured yet), from
 * each α's MACs per image (page-side cost counter).
 */
function useSweepEstimate(
  alphas: number[],
  repeats: number,
  base: TrainConfig,
  runs: RunRecord[],
  slots: number,
  trainCount: number,
): number | null {
  const [ms, setMs] = useState<number | null>(null);
  const macsPerMs = measuredMacsPerMs(runs, base);
  useEffect(() => {
    let live = true;
    const steps = Math.min(base.maxSteps ?? Infinity, base.epochs * stepsPerEpoch(base.trainLimit, base.batchSize, trainCount));
    void Promise.all(alphas.map((alpha) => getCost({ ...base, alpha }).then((c) => c.macs)))
      .then((macs) => {
        const configs = macs.flatMap((m) =>
          Array.from({ length: repeats }, () => ({ steps, batchSize: base.batchSize, macs: m })),
        );
        if (live) setMs(estimateSweepMs(configs, macsPerMs, slots));
      })
      .catch(() => live && setMs(null));
    return () => void (live = false);
  }, [alphas, repeats, base, macsPerMs, slots, trainCount]);
  return ms;
}

/**
 * α sweep: a list of α values × repeats (seeds) queued as runs with the same recipe (paper §4.2
 * ablation). The list is checked as it is typed: a bad entry is named and disables the button.
 */
export function SweepPanel({
  alphas,
  onAlphasChange,
  repeats,
  onRepeatsChange,
  onRun,
  blockedReason,
  base,
  runs,
  slots,
  trainCount,
}: SweepPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const estimate = useSweepEstimate(alphas, repeats, base, runs, slots, trainCount);
  const [text, setText] = useState(alphas.join(', '));
  /** Shown after duplicate α values were dropped from the typed list. */
  const [dedupeNote, setDedupeNote] = useState<string | null>(null);
  useEffect(() => setText(alphas.join(', ')), [alphas]);
  const check = checkAlphaList(text);
  /** Applies the typed list (duplicates dropped, with a note); null when it is invalid. */
  const apply = (): number[] | null => {
    if (!check.ok) return null;
    const n = check.alphas.length;
    setDedupeNote(check.duplicates > 0 ? t('sweep.duplicates', { alphas: check.alphas.join(', '), count: n }) : null);
    if (check.duplicates > 0) setText(check.alphas.join(', '));
    onAlphasChange(check.alphas);
    return check.alphas;
  };
  const errorId = `${id}-err`;
  const count = check.ok ? check.alphas.length * repeats : 0;
  return (
    <div>
      <div className="field">
        <label htmlFor={id}>{t('sweep.alphas')}</label>
        <input
          id={id}
          type="text"
          value={text}
          aria-invalid={!check.ok}
          aria-describedby={check.ok ? undefined : errorId}
          data-testid="sweep-input"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void apply()}
        />
      </div>
      <NumberField
        label={t('sweep.repeats')}
        spec={LAB_SCHEMA.repeats as NumberSpec}
        value={repeats}
        onChange={(v) => v !== null && onRepeatsChange(v)}
        testId="sweep-repeats"
      />
      {!check.ok ? (
        <p id={errorId} className="error" data-testid="sweep-error">
          {check.error}
        </p>
      ) : null}
      <p
        className={estimate !== null && estimate > LONG_SWEEP_MS ? 'notice' : 'muted'}
        data-testid="sweep-estimate"
        role="status"
      >
        {estimate === null
          ? t('sweep.estimatePending')
          : t(estimate > LONG_SWEEP_MS ? 'sweep.estimateLong' : 'sweep.estimate', { time: formatDurationMs(estimate), slots })}
      </p>
      {dedupeNote ? (
        <p className="notice" role="status" data-testid="sweep-dedupe">
          {dedupeNote}
        </p>
      ) : null}
      <button
        type="button"
        disabled={blockedReason !== null || !check.ok}
        data-testid="run-sweep"
        onClick={() => {
          const l = apply();
          if (l) onRun(l);
        }}
      >
        {check.ok ? t('sweep.run', { count }) : t('sweep.fix')}
      </button>
    </div>
  );
}
