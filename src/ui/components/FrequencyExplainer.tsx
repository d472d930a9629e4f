/**
 * What the spectra can and cannot show (issue 13, item 4): the branch's resolution limit, the
 * cut-off, the spectral replicas of L→H upsampling, and the vanilla (α = 0) comparison.
 */
export function FrequencyExplainer() {
  return (
    <details className="freq-explainer" data-testid="freq-explainer" open>
      <summary>Reading the spectra: what they prove and what they don’t</summary>
      <ul>
        <li>
          <strong>Resolution limit.</strong> A map at half resolution cannot hold any frequency above its own Nyquist limit: ½
          cycle per <em>branch</em> pixel, which is ¼ cycle/pixel of the grid it was pooled from. At stage 2 (high 16×16, low 8×8
          on the 32×32 input grid) the low branch’s limit is 0.125 cycles/pixel — exactly the default cut-off — so “all its energy
          sits below the cut-off” is true by construction. The dotted line on the radial plot marks this limit.
        </li>
        <li>
          <strong>Cut-off.</strong> The energy share below the cut-off (0.125 cycles/pixel of the input grid, ¼ of Nyquist) is a
          description of where a branch’s energy lies, not of what the network uses.
        </li>
        <li>
          <strong>L→H replicas.</strong> Nearest ×2 upsampling (paper eq. 1, the L→H path) repeats each low pixel in a 2×2 block:
          in the DFT this copies the low spectrum to the shifted positions (±½, 0), (0, ±½), (±½, ±½) cycles/pixel, damped by the
          box filter’s response. So the high branch can show energy near Nyquist that came from the low branch.
        </li>
        <li>
          <strong>Against the vanilla net.</strong> With α = 0 there is no low branch; its layers’ spectra, its band-limited
          accuracy and its sensitivity map are the baseline. What each octave <em>carries</em> is measured below by the
          experiments: test accuracy on filtered images, replacing a branch by its mean, and the Fourier sensitivity map.
        </li>
      </ul>
    </details>
  );
}
