/**
 * The 简体中文 catalogue (./zh-CN/*.ts): each section is typed Record<keyof English section, string>,
 * so a key missing here fails `npm run typecheck`. Terms follow Chinese ML usage: 八度卷积
 * (Octave Convolution), 高频/低频, 频谱, 截止频率, 乘加 (MACs); α, top-1/top-5 and H→H… stay as written.
 */
import type { en } from './en';
import { mergeSections } from './sections';
import { controls } from './zh-CN/controls';
import { page } from './zh-CN/page';
import { messages } from './zh-CN/messages';
import { views } from './zh-CN/views';
import { octave } from './zh-CN/octave';
import { charts } from './zh-CN/charts';
import { cost } from './zh-CN/cost';
import { data } from './zh-CN/data';
import { runs } from './zh-CN/runs';
import { lesson } from './zh-CN/lesson';
import { access } from './zh-CN/access';

export const zhCN: Record<keyof typeof en, string> = mergeSections(
  page,
  runs,
  controls,
  data,
  cost,
  charts,
  octave,
  views,
  messages,
  lesson,
  access,
);
