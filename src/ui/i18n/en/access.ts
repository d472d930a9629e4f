/** English strings of the phone/offline/accessibility features: download question, chart names and tables, stride-2 cost, run variants. */
export const access = {
  'download.probing': 'Checking the browser cache…',
  'download.question':
    'CIFAR-10 is not cached in this browser yet{{size}}. It does not start on its own because {{reason}}. After one download it loads from the browser cache.',
  'download.size': '; the download is {{size}}',
  'download.button': 'Download {{size}}',
  'download.buttonUnknown': 'Download CIFAR-10',
  'download.saveData': 'your browser asks to save data',
  'download.cellular': 'you are on a mobile connection',
  'download.slow': 'your connection is slow ({{type}})',
  'download.phone': 'this looks like a phone or a small screen',
  'chart.label': 'Chart: {{text}}',
  'chart.noRuns': '{{title}}: no runs to show yet.',
  'chart.latest': '{{title}}, latest values: {{parts}}.',
  'chart.row': '{{run}} train {{train}}, test {{test}} at {{at}}',
  'chart.step': 'step {{step}}',
  'chart.avm_one':
    'Chart: test top-1 against MMACs per image for {{count, number}} finished run; values in the table that follows.',
  'chart.avm_other':
    'Chart: test top-1 against MMACs per image for {{count, number}} finished runs; values in the table that follows.',
  'chart.avmEmpty': 'Chart: test top-1 against MMACs per image; no finished runs yet.',
  'chart.ablation':
    'Chart: top-1 of {{model}} with the low or the high branch replaced by its mean, per octave layer; described below.',
  'chart.band': 'Chart: top-1 accuracy after a low-pass and a high-pass filter of each radius, per model; described below.',
  'chart.spectrum': 'Chart: radial energy profile of the high and low branches per frequency bin; described below.',
  'cost.stride2': '{{ratio}} (stride 2)',
  'cost.strideNote':
    'The paper column is the closed form for a layer with α_in = α_out = α: 1 − ¾α(2−α) (Table 1) when the layer keeps the resolution. A stride-2 layer (the first block of a stage) pools before its convolutions, so H→H, H→L and L→L run at the smaller output size like the vanilla conv, but L→H runs on the low branch as it is, without upsampling: (1−α)² + α(1−α) + α(1−α)/4 + α²/4 = 1 − ¾α{{at}}.',
  'cost.strideAt': ' ({{stride2}} at α = {{alpha}}, against {{stride1}} at stride 1)',
  'cost.formula1': '1 − ¾·α·(2−α) (Table 1)',
  'cost.formula2': '1 − ¾·α (stride 2: L→H without upsampling)',
  'variant.seed': 'seed ',
  'variant.batchSize': 'batch ',
  'variant.learningRate': 'lr ',
  'variant.epochs': 'epochs ',
  'variant.maxSteps': 'steps ',
  'variant.trainLimit': 'train ',
  'variant.testLimit': 'test ',
  'variant.weightDecay': 'wd ',
  'variant.labelSmoothing': 'ls ',
  'variant.all': 'all',
};
