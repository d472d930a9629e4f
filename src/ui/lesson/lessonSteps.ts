/**
 * The guided lesson (`?lesson=N` opens step N): one short sentence per step and the panel it
 * points at; the words live in the catalogue (src/ui/i18n, keys lesson.stepN.*). DOM-free.
 */
import { t } from '../i18n';

/** One step of the lesson. */
export interface LessonStep {
  /** ids of the headings of the panels to highlight (each panel is its heading's section). */
  panels: readonly string[];
  /** Short title shown above the sentence. */
  title: string;
  /** The one sentence of the step. */
  text: string;
}

/** The lesson, in order (step 1 is LESSON_STEPS[0]); title and text read the catalogue in the current language. */
export const LESSON_STEPS: readonly LessonStep[] = (
  [
    [['controls-h', 'cost-h'], 'lesson.step1.title', 'lesson.step1.text'],
    [['controls-h'], 'lesson.step2.title', 'lesson.step2.text'],
    [['charts-h'], 'lesson.step3.title', 'lesson.step3.text'],
    [['inspect-h'], 'lesson.step4.title', 'lesson.step4.text'],
    [['inspect-h'], 'lesson.step5.title', 'lesson.step5.text'],
  ] as const
).map(([panels, title, text]) => ({
  panels,
  get title() {
    return t(title);
  },
  get text() {
    return t(text);
  },
}));
