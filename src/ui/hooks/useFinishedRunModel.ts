/**
 * When a run ends, the worker's model is that run's final model: this hook names it (the label the
 * octave views show) and bumps its version so the views refresh; a loaded model sets the stamp too.
 */
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ModelStamp } from '../components/InspectSection';
import { finishedModelLabel } from '../lib/keptRunModel';
import type { RunRecord } from '../lib/runs';

/** The model stamp and the id of the last run that ended, from the active run id and the runs. */
export function useFinishedRunModel(
  activeId: string | null,
  runs: readonly RunRecord[],
): { modelStamp: ModelStamp | null; setModelStamp: Dispatch<SetStateAction<ModelStamp | null>>; lastFinishedId: string | null } {
  const [modelStamp, setModelStamp] = useState<ModelStamp | null>(null);
  const [lastFinishedId, setLastFinishedId] = useState<string | null>(null);
  const prevActive = useRef<string | null>(null);
  useEffect(() => {
    const ended = prevActive.current;
    prevActive.current = activeId;
    if (!ended || ended === activeId) return;
    const run = runs.find((r) => r.id === ended);
    setLastFinishedId(ended);
    if (run) {
      setModelStamp((m) => ({
        version: (m?.version ?? 0) + 1,
        label: finishedModelLabel(run),
      }));
    }
  }, [activeId, runs]);
  return { modelStamp, setModelStamp, lastFinishedId };
}
