/**
 * The English catalogue: every UI string of src/ui, one section per area (./en/*.ts). English is
 * the reference: ./zhCN.ts must give every key (checked by `npm run typecheck`).
 */
import { mergeSections } from './sections';
import { controls } from './en/controls';
import { page } from './en/page';
import { messages } from './en/messages';
import { views } from './en/views';
import { octave } from './en/octave';
import { charts } from './en/charts';
import { cost } from './en/cost';
import { data } from './en/data';
import { runs } from './en/runs';
import { lesson } from './en/lesson';
import { access } from './en/access';

export const en = mergeSections(page, runs, controls, data, cost, charts, octave, views, messages, lesson, access);
