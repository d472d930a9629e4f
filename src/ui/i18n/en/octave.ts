/** English strings of the sweep panel, the octave views and the frequency experiments panel. */
export const octave = {
  'sweep.alphas': 'α values',
  'sweep.repeats': 'repeats (seeds per α)',
  'sweep.duplicates_one': 'Duplicate α values removed: {{alphas}} ({{count, number}} run).',
  'sweep.duplicates_other': 'Duplicate α values removed: {{alphas}} ({{count, number}} runs).',
  'sweep.estimatePending': 'Time estimate after the first measured steps of a run with this backend.',
  'sweep.estimate': 'About {{time}} of training at the speed measured so far, {{slots, number}} at a time.',
  'sweep.estimateLong':
    'About {{time}} of training at the speed measured so far, {{slots, number}} at a time — longer than 10 minutes: fewer steps, a smaller depth or fewer repeats make it shorter.',
  'sweep.run_one': 'Run sweep ({{count, number}} run)',
  'sweep.run_other': 'Run sweep ({{count, number}} runs)',
  'sweep.fix': 'Run sweep (fix the α list)',
  'inspect.title': 'Inspect the octaves',
  'inspect.testImage': 'Test image #',
  'inspect.refresh': 'Refresh',
  'inspect.auto': 'auto every {{every, number}} steps while training and when a run ends',
  'inspect.waitingFirstStep': 'Waiting for the first training step: the views appear as soon as it has run.',
  'inspect.needModel': 'Train (or load) a model to see its high- and low-frequency feature maps and spectra.',
  'inspect.imageModel': 'Test image #{{image}}, model:',
  'inspect.current': 'current',
  'inspect.stats': '{{layers, number}} octave layers, {{ms}} ms in the worker; predicted',
  'inspect.noLayers': 'This model has no octave layers to inspect.',
  'inspect.noBoth':
    'No layer of this model has both a high- and a low-frequency branch{{why}}, so there is no octave split to compare; showing {{layer}} instead.',
  'inspect.onlyLow': ' (α = 1: every layer after the stem is low-frequency only)',
  'inspect.layer': 'Layer',
  'freq.title': 'What does each octave carry?',
  'freq.help':
    'Experiments on the worker’s model ({{model}}): top-1 under low/high-pass filtering, with each branch replaced by its mean, and under Fourier-basis noise. Results stay per model, so an α = 0 run overlays the octave runs.',
  'freq.noneYet': 'none yet',
  'freq.testImages': 'Test images',
  'freq.runBand': 'Band-limited accuracy + ablation',
  'freq.runSensitivity': 'Sensitivity map (16×16, {{images, number}} images)',
  'freq.cancel': 'Cancel',
  'freq.cancelled': 'Cancelled: no results were kept from that job.',
  'freq.needModel': 'Train or load a model first.',
  'freq.phase.band': 'band-limited accuracy',
  'freq.phase.ablation': 'branch ablation',
  'freq.phase.sensitivity': 'sensitivity map',
  'explain.summary': 'Reading the spectra: what they prove and what they don’t',
  'explain.limitTitle': 'Resolution limit.',
  'explain.limit':
    'A map at half resolution cannot hold any frequency above its own Nyquist limit: ½ cycle per branch pixel, which is ¼ cycle/pixel of the grid it was pooled from. At stage 2 (high 16×16, low 8×8 on the 32×32 input grid) the low branch’s limit is 0.125 cycles/pixel — exactly the default cut-off — so “all its energy sits below the cut-off” is true by construction. The dotted line on the radial plot marks this limit.',
  'explain.cutoffTitle': 'Cut-off.',
  'explain.cutoff':
    'The energy share below the cut-off (0.125 cycles/pixel of the input grid, ¼ of Nyquist) is a description of where a branch’s energy lies, not of what the network uses.',
  'explain.replicasTitle': 'L→H replicas.',
  'explain.replicas':
    'Nearest ×2 upsampling (paper eq. 1, the L→H path) repeats each low pixel in a 2×2 block: in the DFT this copies the low spectrum to the shifted positions (±½, 0), (0, ±½), (±½, ±½) cycles/pixel, damped by the box filter’s response. So the high branch can show energy near Nyquist that came from the low branch.',
  'explain.vanillaTitle': 'Against the vanilla net.',
  'explain.vanilla':
    'With α = 0 there is no low branch; its layers’ spectra, its band-limited accuracy and its sensitivity map are the baseline. What each octave carries is measured below by the experiments: test accuracy on filtered images, replacing a branch by its mean, and the Fourier sensitivity map.',
};
