/**
 * The guided lesson (`?lesson=N` opens step N): one short sentence per step and the panel it
 * points at. Plain data, so a translation pass can move the strings to a catalogue. DOM-free.
 */

/** One step of the lesson. */
export interface LessonStep {
  /** ids of the headings of the panels to highlight (each panel is its heading's section). */
  panels: readonly string[];
  /** Short title shown above the sentence. */
  title: string;
  /** The one sentence of the step. */
  text: string;
}

/** The lesson, in order (step 1 is LESSON_STEPS[0]). */
export const LESSON_STEPS: readonly LessonStep[] = [
  {
    panels: ['controls-h', 'cost-h'],
    title: 'Move α, watch the cost',
    text: 'Drag the α slider and watch the cost panel: the larger α, the more channels run at half resolution and the fewer multiply-adds the model needs.',
  },
  {
    panels: ['controls-h'],
    title: 'Train α = 0 and α = .5',
    text: 'Set α to 0 and press Train, then set α to 0.5 and press Train again (the second run waits in the queue).',
  },
  {
    panels: ['charts-h'],
    title: 'Compare the curves',
    text: 'Compare the two runs’ loss and accuracy curves: the colour of a curve is its α, and the dots are test accuracy.',
  },
  {
    panels: ['inspect-h'],
    title: 'A low and a high branch',
    text: 'Pick a layer with both branches and compare its high-frequency maps (full resolution) with its low-frequency maps (half resolution, smoother).',
  },
  {
    panels: ['inspect-h'],
    title: 'Read the spectra',
    text: 'In the radial spectra, the cut-off line splits low from high frequencies, and the low-branch limit is the highest frequency a half-resolution map can hold at all (½ cycle per low pixel), so a low branch has no energy past it.',
  },
];
