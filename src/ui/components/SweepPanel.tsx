import { useEffect, useId, useState } from 'react';
import { parseAlphaList } from '../lib/sweepQueue';

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

/** α sweep: a list of α values queued as runs with the same recipe (paper §4.2 ablation). */
export function SweepPanel({ alphas, onAlphasChange, onRun, blockedReason }: SweepPanelProps) {
  const id = useId();
  const [text, setText] = useState(alphas.join(', '));
  const [error, setError] = useState<string | null>(null);
  /** Shown after duplicate α values were dropped from the typed list. */
  const [dedupeNote, setDedupeNote] = useState<string | null>(null);
  useEffect(() => setText(alphas.join(', ')), [alphas]);
  const parse = (t: string): number[] | null => {
    try {
      const list = parseAlphaList(t);
      const unique = [...new Set(list)];
      setError(null);
      setDedupeNote(unique.length < list.length ? `Duplicate α values removed: ${unique.join(', ')} (${unique.length} run${unique.length === 1 ? '' : 's'}).` : null);
      if (unique.length < list.length) setText(unique.join(', '));
      return unique;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  return (
    <div>
      <div className="field">
        <label htmlFor={id}>α values</label>
        <input id={id} type="text" value={text} aria-invalid={error !== null} data-testid="sweep-input"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            const l = parse(text);
            if (l) onAlphasChange(l);
          }} />
      </div>
      {error ? <p className="error muted">{error}</p> : null}
      {dedupeNote ? <p className="notice" role="status" data-testid="sweep-dedupe">{dedupeNote}</p> : null}
      <button type="button" disabled={blockedReason !== null} data-testid="run-sweep"
        onClick={() => {
          const l = parse(text);
          if (l) {
            onAlphasChange(l);
            onRun(l);
          }
        }}>
        Run sweep ({new Set(text.split(/[\s,;]+/).filter(Boolean).map(Number)).size} runs)
      </button>
    </div>
  );
}
