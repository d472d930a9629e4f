/** 简体中文 strings of the sweep panel, octave views and frequency experiments (keys as in ../en/octave.ts). */
import type { octave as en } from '../en/octave';

export const octave: Record<keyof typeof en, string> = {
  'sweep.alphas': 'α 取值',
  'sweep.repeats': '重复次数（每个 α 的种子数）',
  'sweep.duplicates_one': '已去除重复的 α 值：{{alphas}}（{{count, number}} 次训练）。',
  'sweep.duplicates_other': '已去除重复的 α 值：{{alphas}}（{{count, number}} 次训练）。',
  'sweep.estimatePending': '用此后端完成一次训练的最初几步后，将给出时间估计。',
  'sweep.estimate': '按目前测得的速度，约需 {{time}} 训练时间，每次并行 {{slots, number}} 个。',
  'sweep.estimateLong':
    '按目前测得的速度，约需 {{time}} 训练时间，每次并行 {{slots, number}} 个——超过 10 分钟：减少步数、选择更浅的深度或减少重复次数可以缩短时间。',
  'sweep.run_one': '运行扫描（{{count, number}} 次训练）',
  'sweep.run_other': '运行扫描（{{count, number}} 次训练）',
  'sweep.fix': '运行扫描（请修正 α 列表）',
  'inspect.title': '观察八度分解',
  'inspect.testImage': '测试图像 #',
  'inspect.refresh': '刷新',
  'inspect.auto': '训练时每 {{every, number}} 步以及训练结束时自动刷新',
  'inspect.waitingFirstStep': '正在等待第一个训练步：它一运行完，视图就会出现。',
  'inspect.needModel': '训练（或加载）一个模型，即可查看其高频与低频特征图及频谱。',
  'inspect.imageModel': '测试图像 #{{image}}，模型：',
  'inspect.current': '当前',
  'inspect.stats': '{{layers, number}} 个八度卷积层，worker 中用时 {{ms}} 毫秒；预测为',
  'inspect.noLayers': '此模型没有可观察的八度卷积层。',
  'inspect.noBoth': '此模型没有同时具有高频和低频分支的层{{why}}，因此没有可比较的八度划分；改为显示 {{layer}}。',
  'inspect.onlyLow': '（α = 1：stem 之后的每一层都只有低频）',
  'inspect.layer': '层',
  'freq.title': '每个八度各携带什么信息？',
  'freq.help':
    '在 worker 中的模型（{{model}}）上做实验：低通/高通滤波下的 top-1、把各分支替换为其均值后的 top-1，以及傅里叶基噪声下的表现。结果按模型保存，因此 α = 0 的训练会与八度网络的训练叠加显示。',
  'freq.noneYet': '暂无',
  'freq.testImages': '测试图像数',
  'freq.runBand': '限带准确率 + 消融',
  'freq.runSensitivity': '敏感度图（16×16，{{images, number}} 张图像）',
  'freq.cancel': '取消',
  'freq.cancelled': '已取消：该任务的结果未保留。',
  'freq.needModel': '请先训练或加载一个模型。',
  'freq.phase.band': '限带准确率',
  'freq.phase.ablation': '分支消融',
  'freq.phase.sensitivity': '敏感度图',
  'explain.summary': '如何解读频谱：它们能证明什么，不能证明什么',
  'explain.limitTitle': '分辨率上限。',
  'explain.limit':
    '半分辨率的特征图无法容纳高于其自身奈奎斯特频率的成分：每个分支像素 ½ 周期，即其池化前网格上的 ¼ 周期/像素。在第 2 阶段（32×32 输入网格上，高频 16×16，低频 8×8），低频分支的上限为 0.125 周期/像素——恰好是默认截止频率——因此“其能量全部位于截止频率以下”是由结构决定的。径向图上的点线标出了这一上限。',
  'explain.cutoffTitle': '截止频率。',
  'explain.cutoff':
    '截止频率（输入网格的 0.125 周期/像素，奈奎斯特频率的 ¼）以下的能量占比，描述的是分支能量的分布位置，而不是网络实际使用了什么。',
  'explain.replicasTitle': 'L→H 频谱镜像。',
  'explain.replicas':
    '最近邻 ×2 上采样（论文式 (1)，L→H 路径）把每个低频像素复制成 2×2 块：在 DFT 中，这会把低频频谱复制到平移后的位置 (±½, 0)、(0, ±½)、(±½, ±½) 周期/像素，并受盒式滤波器响应的衰减。因此高频分支在奈奎斯特频率附近显示的能量可能来自低频分支。',
  'explain.vanillaTitle': '与原始网络对比。',
  'explain.vanilla':
    'α = 0 时没有低频分支；它各层的频谱、限带准确率和敏感度图就是基准。每个八度实际携带什么信息，由下面的实验来衡量：滤波图像上的测试准确率、把分支替换为其均值，以及傅里叶敏感度图。',
};
