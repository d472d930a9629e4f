/**
 * The one-line doc of each URL parameter (LAB_SCHEMA's `doc`, English) in the page language: the
 * controls show it as their tooltip. 简体中文 is typed against LabState, so a new parameter without
 * a Chinese doc fails `npm run typecheck`.
 */
import { LAB_PARAM_NAMES, LAB_SCHEMA, type LabState, type ParamSpec } from '../state/labSchema';
import { currentLanguage } from './index';

const ZH_CN: Record<keyof LabState, string> = {
  architecture: '模型族：Oct-ResNet，或带 CIFAR stem 的 Oct-MobileNet v1/v2（论文表 1）',
  alpha: '低频通道比例 α（论文 §3.1）',
  depth: 'ResNet 深度：6n+2 或 18/34（基本块），50/101/152（瓶颈块）',
  widthMultiplier: '宽度 k：各阶段通道数为 16k/32k/64k',
  block: '残差块类型',
  epochs: '遍历训练集的轮数',
  batchSize: '每步的图像数',
  learningRate: '峰值学习率',
  momentum: 'Nesterov 动量',
  weightDecay: '卷积/全连接权重的 L2 正则',
  labelSmoothing: '标签平滑 ε',
  schedule: '学习率调度',
  seed: '数据顺序、初始化和数据增强的随机种子',
  augment: '随机裁剪（填充 4）+ 水平翻转',
  flipTTA: '测试时与镜像图像取平均',
  readbackEvery: '每 N 步读回一次指标',
  trainLimit: '只使用 N 张训练图像',
  testLimit: '在 N 张测试图像上评估',
  maxSteps: '在 N 步后停止',
  backend: 'tfjs 后端（auto = 最佳可用）',
  x: '实时曲线的横轴',
  sweep: '扫描的 α 取值',
  repeats: '扫描中每个 α 的随机种子数（误差线需要 ≥ 2）',
  theme: '配色主题',
  presenter: '演示模式：大字号，隐藏控件',
  inspectEvery: '每 N 步刷新一次八度视图',
  image: '要观察的测试图像',
  lesson: '显示引导课程的第几步（0 = 不显示）',
  lang: '页面语言：en 或 zh-CN（auto = 浏览器语言）',
};

/** The doc of parameter `name` in the current language. */
export function paramDoc(name: keyof LabState): string {
  return currentLanguage() === 'zh-CN' ? ZH_CN[name] : LAB_SCHEMA[name].doc;
}

/** The doc of a schema entry (found by identity in LAB_SCHEMA) in the current language. */
export function specDoc(spec: ParamSpec): string {
  const name = LAB_PARAM_NAMES.find((n) => LAB_SCHEMA[n] === spec);
  return name ? paramDoc(name) : spec.doc;
}
