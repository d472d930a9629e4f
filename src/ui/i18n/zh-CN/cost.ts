/** 简体中文 strings of the cost panel and its explanation (keys as in ../en/cost.ts). */
import type { cost as en } from '../en/cost';

export const cost: Record<keyof typeof en, string> = {
  'cost.title': '计算代价',
  'cost.error': '无法统计计算代价：{{error}}',
  'cost.counting': '统计中…',
  'cost.perImage': '每张图像',
  'cost.vanilla': '原始网络',
  'cost.ratio': '比例（实测）',
  'cost.paperMiddle': '论文：单个中间层',
  'cost.macsRow': '乘加 MACs（百万）',
  'cost.macsFormula': '1 − ¾·α·(2−α)，Chen 等 2019，表 1',
  'cost.activations': '激活（float32）',
  'cost.memFormula': '1 − ¾·α，Chen 等 2019，表 1',
  'cost.parameters': '参数量',
  'cost.paramsPaper': '100 %（图 2）',
  'cost.perLayer': '逐层（{{count, number}} 层）：每个卷积的乘加次数与输出内存',
  'cost.layer': '层',
  'cost.macsPct': '乘加占原始网络 %',
  'cost.paper': '论文',
  'cost.outputMemTitle': '该层的输出：高频 + 低频分支，float32',
  'cost.outputMem': '输出内存',
  'cost.memPct': '内存占原始网络 %',
  'cost.octaveOnly': '（仅八度网络有）',
  'cost.extra': '额外',
  'costNotes.main':
    'Chen 等 2019（表 1，§3）：α_in = α_out = α 的八度卷积层需要原始网络 1 − ¾α(2−α) 的乘加次数和 1 − ¾α 的输出内存（此处为 {{memory}}）。整个网络节省得更少：stem、第一次转换（α_in = 0）和最后一个阶段（α_out = 0，之后为普通卷积）保留全分辨率张量。',
  'costNotes.shortcut':
    '第一个残差块的输入没有低频分支（α_in = 0），因此八度网络在此需要一个 1×1 八度捷径（{{layers}}：{{bytes}}，下表标为“仅八度网络有”），而原始网络直接加上输入（恒等映射）。',
  'costNotes.outweighs':
    '在 Oct-ResNet-{{depth}} 这样浅的网络中，在 α = {{alpha}} 时这一额外张量超过了其他层节省的内存：整个网络需要原始网络 {{ratio}} 的激活内存（不计该捷径为 {{without}}）。更深的网络和更大的 α 能摊薄这部分开销。',
  'costNotes.without': '若没有它，整个网络需要原始网络 {{without}} 的激活内存，而不是 {{ratio}}。',
};
