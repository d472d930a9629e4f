/**
 * The memory/time estimate of the lab's current config (../lib/runBudget.ts), from the page's
 * cost model, refreshed when the config changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CostReport } from '../../octconv/types';
import type { LabState } from '../state/labSchema';
import type { RunRecord } from '../lib/runs';
import { estimateRunBudget, measuredMacsPerSecond, plannedRunSteps, type RunBudget } from '../lib/runBudget';
import { getCost } from './costService';

/**
 * Estimate for `lab` (null until its cost is counted, or when the config cannot be built).
 * @param runs the page's runs (a finished one on `backend` gives the measured throughput).
 */
export function useRunBudget(
  lab: LabState,
  runs: readonly RunRecord[],
  backend: string | null,
  trainCount: number,
): RunBudget | null {
  const key = `${lab.block}/${lab.depth}/${lab.widthMultiplier}/${lab.alpha}`;
  const [counted, setCounted] = useState<{ key: string; cost: CostReport } | null>(null);
  useEffect(() => {
    let live = true;
    getCost({ depth: lab.depth, widthMultiplier: lab.widthMultiplier, alpha: lab.alpha, block: lab.block }).then(
      (cost) => live && setCounted({ key, cost }),
      () => live && setCounted(null),
    );
    return () => void (live = false);
  }, [key, lab.depth, lab.widthMultiplier, lab.alpha, lab.block]);
  const rate = measuredMacsPerSecond(runs, backend);
  return useMemo(() => {
    if (!counted || counted.key !== key) return null;
    try {
      return estimateRunBudget({
        activationElements: counted.cost.activationElements,
        macs: counted.cost.macs,
        batchSize: lab.batchSize,
        steps: plannedRunSteps(
          { ...lab, trainLimit: lab.trainLimit ?? undefined, maxSteps: lab.maxSteps ?? undefined },
          trainCount,
        ),
        macsPerSecond: rate,
      });
    } catch {
      return null;
    }
  }, [counted, key, lab, trainCount, rate]);
}
