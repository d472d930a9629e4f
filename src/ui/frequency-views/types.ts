/**
 * Frequency results the page keeps per model (plain data, tfjs-free).
 */
import type { AblationResult, BandAccuracy, SensitivityMap } from '../../frequency/types';

/** The frequency results of one model, as shown in the frequency panel. */
export interface ModelFrequencyResults {
  /** The model's name on the page, e.g. "run #2 (α=0.5) completed, step 300". */
  label: string;
  /** α of the model (colours its curves), null when unknown (a model without octave layers). */
  alpha: number | null;
  band?: BandAccuracy;
  ablation?: AblationResult;
  sensitivity?: SensitivityMap;
}
