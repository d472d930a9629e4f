/**
 * Public face of the spectral analysis (DOM-free): 2-D DFT of feature maps, per-branch spectra
 * on a shared frequency axis, radial profiles, and the image octave decomposition.
 */
export type { BranchSpectrum } from './types';
export { dftTrig, type DftTrig } from './dftTrig';
export { fft2d, hasSpectralFft, type DftMethod, type Fft2dOptions, type Fft2dResult } from './fft2d';
export { branchSpectrum, DEFAULT_CUTOFF, type BranchSpectrumOptions } from './branchSpectrum';
export { octaveSpectra, type OctaveSpectraOptions } from './octaveSpectra';
export { radialProfile, fftShift2d, signedFrequency, MAX_RADIAL_FREQUENCY, type RadialProfile } from './radial';
export { decomposeImage } from './decompose';
