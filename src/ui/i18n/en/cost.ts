/** English strings of the cost panel and its explanation (paper Table 1, §3). */
export const cost = {
  'cost.title': 'Cost at',
  'cost.error': 'Cost could not be counted: {{error}}',
  'cost.counting': 'Counting…',
  'cost.perImage': 'per image',
  'cost.vanilla': 'vanilla',
  'cost.ratio': 'ratio (counted)',
  'cost.paperMiddle': 'paper, one middle layer',
  'cost.macsRow': 'MACs (M)',
  'cost.macsFormula': '1 − ¾·α·(2−α), Chen et al. 2019, Table 1',
  'cost.activations': 'activations (float32)',
  'cost.memFormula': '1 − ¾·α, Chen et al. 2019, Table 1',
  'cost.parameters': 'parameters',
  'cost.paramsPaper': '100 % (Fig. 2)',
  'cost.perLayer': 'Per layer ({{count, number}}): MACs and output memory of each conv',
  'cost.layer': 'layer',
  'cost.macsPct': 'MACs % vanilla',
  'cost.paper': 'paper',
  'cost.outputMemTitle': "the layer's output: high + low branch, float32",
  'cost.outputMem': 'output mem',
  'cost.memPct': 'mem % vanilla',
  'cost.octaveOnly': ' (only in the octave net)',
  'cost.extra': 'extra',
  'costNotes.main':
    'Chen et al. 2019 (Table 1, §3): an OctConv layer with α_in = α_out = α needs 1 − ¾α(2−α) of the vanilla MACs and 1 − ¾α of its output memory ({{memory}} here). The whole net saves less: the stem, the first conversion (α_in = 0) and the last stage (α_out = 0, then vanilla) keep full-resolution tensors.',
  'costNotes.shortcut':
    'The first block’s input has no low branch (α_in = 0), so the octave net needs a 1×1 octave shortcut there ({{layers}}: {{bytes}}, marked “only in the octave net” below) where vanilla adds its input unchanged (identity).',
  'costNotes.outweighs':
    'In a net as shallow as Oct-ResNet-{{depth}} this one extra tensor outweighs the saving of the other layers at α = {{alpha}}: the whole net needs {{ratio}} of the vanilla activation memory ({{without}} without the shortcut). Deeper nets and larger α amortise it.',
  'costNotes.without': 'Without it the whole net would need {{without}} of the vanilla activation memory instead of {{ratio}}.',
};
