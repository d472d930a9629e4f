/** Keyboard and resolution of the α slider (paper ticks 0, .125, …, 1 of §4.2). DOM-free. */
import { ALPHA_TICKS } from '../state/labSchema';

/** Slider resolution: fine enough that the thumb sits where any URL α (e.g. 0.3) says. */
export const ALPHA_SLIDER_STEP = 0.005;

/**
 * The paper tick a key moves to from α: next above (dir +1) or below (dir −1), clamped to 0…1;
 * Home/End → 0/1. Null for other keys.
 */
export function alphaKeyTarget(alpha: number, key: string): number | null {
  const up = key === 'ArrowRight' || key === 'ArrowUp' || key === 'PageUp';
  const down = key === 'ArrowLeft' || key === 'ArrowDown' || key === 'PageDown';
  if (key === 'Home') return 0;
  if (key === 'End') return 1;
  if (up) return ALPHA_TICKS.find((t) => t > alpha + 1e-9) ?? 1;
  if (down) return [...ALPHA_TICKS].reverse().find((t) => t < alpha - 1e-9) ?? 0;
  return null;
}
