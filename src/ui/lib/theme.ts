/** Colour theme of the page. DOM-free apart from the optional matchMedia query. */
import type { LabState } from '../state/labSchema';

/** Resolve the theme choice ('auto' follows the system setting). */
export function resolveTheme(t: LabState['theme']): 'light' | 'dark' {
  if (t !== 'auto') return t;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
