/**
 * Refresh cadences of the lab page, in one place (GAN Lab style: drawing is decoupled from
 * training by named constants so that redraws never slow the trainer down; docs/architecture.md §7).
 */

/** Charts and the runs table redraw at most this many times per second (docs/architecture.md §7: ≤ 4/s). */
export const CHART_MAX_REDRAWS_PER_SECOND = 4;

/** Minimum interval between two chart redraws (ms), derived from {@link CHART_MAX_REDRAWS_PER_SECOND}. */
export const CHART_REDRAW_INTERVAL_MS = 1000 / CHART_MAX_REDRAWS_PER_SECOND;

/** Default: refresh the "Inspect the octaves" maps and spectra every this many training steps. */
export const INSPECT_EVERY_STEPS_DEFAULT = 50;
