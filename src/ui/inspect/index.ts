/**
 * Public face of the inspect views: feature maps of both octave branches and their spectra.
 * DOM/React only; the analysis lives in src/spectra (computed in the worker).
 */
export { FeatureMapView, type FeatureMapViewProps } from './FeatureMapView';
export { SpectrumView, profileRows, type SpectrumViewProps } from './SpectrumView';
export { BranchGrid, type BranchGridProps, type ScaleMode } from './BranchGrid';
export { MapCanvas, type MapCanvasProps } from './MapCanvas';
export { ColormapLegend, type ColormapLegendProps } from './ColormapLegend';
export { colormapLut, colorAt, colormapGradient, LUT_SIZE, type ColormapName } from './colormap';
export { renderChannel, renderScalars, renderRgb, valueRange, colormapFor, formatValue, type ValueRange } from './render';
export { BRANCH_COLORS } from './branchColors';
export { sharedScale, unionRange, type SharedScale } from './sharedScale';
