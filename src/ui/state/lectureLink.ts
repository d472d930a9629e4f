/**
 * The "Copy lecture link" URL: the current lab state plus `<name>_hide=1` for the controls the
 * lecturer chose to hide (and those the page's own URL already hides), serialised by the one
 * schema (./labUrl.ts), so parseLabUrl of the link gives back exactly this state. DOM-free.
 */
import type { LabState } from './labSchema';
import { serialiseLabUrl } from './labUrl';
import { t } from '../i18n';

/** Controls a lecture link can hide, in the order the picker offers them, with their labels. */
export const LECTURE_HIDEABLE: readonly { name: keyof LabState; label: string }[] = (
  [
    'alpha',
    'depth',
    'widthMultiplier',
    'epochs',
    'batchSize',
    'learningRate',
    'seed',
    'augment',
    'flipTTA',
    'maxSteps',
    'sweep',
    'backend',
    'presenter',
    'lesson',
  ] as const
).map((name) => ({
  name,
  /** In the current language (catalogue key lecture.hide.<name>). */
  get label() {
    return t(`lecture.hide.${name}`);
  },
}));

/**
 * The lecture link of `state` at `base` (origin + path, e.g. "https://host/lab/"; any query or
 * hash on it is dropped).
 * @param hidden controls already hidden by the page's URL (kept hidden)
 * @param chosen controls the lecturer ticked to hide
 */
export function lectureLink(
  base: string,
  state: LabState,
  hidden: Iterable<keyof LabState>,
  chosen: Iterable<keyof LabState>,
): string {
  const root = base.replace(/[?#].*$/, '');
  const q = serialiseLabUrl(state, new Set([...hidden, ...chosen]));
  return q ? `${root}?${q}` : root;
}
