import { useEffect, useId, useState } from 'react';
import { checkAlphaList } from '../lib/sweepQueue';

/** Props of {@link SweepPanel}. */
export interface SweepPanelProps {
  /** α values (from the lab state / URL). */
  alphas: number[];
  onAlphasChange(alphas: number[]): void;
  /** Queue one run per α with the current settings. */
  onRun(alphas: number[]): void;
  /** Why a sweep cannot start now, or null. */
  blockedReason: string | null;
}

/**
 * α sweep: a list of α values queued as runs with the same recipe (paper §4.2 ablation). The list
 * is checked as it is typed: a bad entry is named and disables the button (no run count shown).
 */
export function SweepPanel({ alphas, onAlphasChange, onRun, blockedReason }: SweepPanelProps) {
  const id = useId();
  const [text, setText] = useState(alphas.join(', '));
  /** Shown after duplicate α values were dropped from the typed list. */
  const [dedupeNote, setDedupeNote] = useState<string | null>(null);
  useEffect(() => setText(alphas.join(', ')), [alphas]);
  const check = checkAlphaList(text);
  /** Applies the typed list (duplicates dropped, with a note); null when it is invalid. */
  const apply = (): number[] | null => {
    if (!check.ok) return null;
    const n = check.alphas.length;
    setDedupeNote(check.duplicates > 0 ? `Duplicate α values removed: ${check.alphas.join(', ')} (${n} run${n === 1 ? '' : 's'}).` : null);
    if (check.duplicates > 0) setText(check.alphas.join(', '));
    onAlphasChange(check.alphas);
    return check.alphas;
  };
  const errorId = `${id}-err`;
  return (
    <div>
      <div className="field">
        <label htmlFor={id}>α values</label>
        <input id={id} type="text" value={text} aria-invalid={!check.ok} aria-describedby={check.ok ? undefined : errorId} data-testid="sweep-input"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void apply()} />
      </div>
      {!check.ok ? <p id={errorId} className="error" data-testid="sweep-error">{check.error}</p> : null}
      {dedupeNote ? <p className="notice" role="status" data-testid="sweep-dedupe">{dedupeNote}</p> : null}
      <button type="button" disabled={blockedReason !== null || !check.ok} data-testid="run-sweep"
        onClick={() => {
          const l = apply();
          if (l) onRun(l);
        }}>
        {check.ok ? `Run sweep (${check.alphas.length} run${check.alphas.length === 1 ? '' : 's'})` : 'Run sweep (fix the α list)'}
      </button>
    </div>
  );
}
