/**
 * Colours of the two branches in every inspect chart (Okabe–Ito, colour-blind safe, readable on
 * light and dark backgrounds): high = vermillion, low = blue.
 */
export const BRANCH_COLORS = { high: '#d55e00', low: '#0072b2' } as const;
