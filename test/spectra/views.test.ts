import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../../src/ui/i18n'; // the catalogue: components render English text, not keys
import {
  colorAt,
  colormapFor,
  colormapLut,
  FeatureMapView,
  profileRows,
  renderChannel,
  renderRgb,
  renderScalars,
  SpectrumView,
  valueRange,
} from '../../src/ui/inspect';
import type { BranchSpectrum } from '../../src/spectra/types';
import type { FeatureMap, InspectResult, LayerActivations } from '../../src/train/protocol';
import type { OctaveLayerInfo } from '../../src/octconv/types';

describe('colour maps', () => {
  it('viridis ends at #440154 and #fde725 and passes #21918c-ish teal mid-way', () => {
    expect(colorAt('viridis', 0)).toEqual([0x44, 0x01, 0x54]);
    expect(colorAt('viridis', 1)).toEqual([0xfd, 0xe7, 0x25]);
    const [r, g, b] = colorAt('viridis', 0.5);
    expect(Math.abs(r - 0x21)).toBeLessThanOrEqual(2);
    expect(Math.abs(g - 0x90)).toBeLessThanOrEqual(2);
    expect(Math.abs(b - 0x8c)).toBeLessThanOrEqual(2);
    // Perceptual ordering: luminance increases monotonically along viridis.
    const lut = colormapLut('viridis');
    let prev = -1; // non-decreasing up to rounding
    for (let i = 0; i < 256; i++) {
      const y = 0.2126 * lut[i * 3] + 0.7152 * lut[i * 3 + 1] + 0.0722 * lut[i * 3 + 2];
      expect(y).toBeGreaterThan(prev - 1); // per-channel rounding moves luminance by < 0.5
      prev = y;
    }
  });

  it('diverging map: dark blue → near-white at 0 → dark red', () => {
    expect(colorAt('diverging', 0)).toEqual([0x05, 0x30, 0x61]);
    expect(colorAt('diverging', 1)).toEqual([0x67, 0x00, 0x1f]);
    expect(colorAt('diverging', 0.5).every((c) => c >= 0xf0)).toBe(true);
    expect(() => colormapLut('jet' as never)).toThrow(/unknown colour map 'jet'/);
  });
});

describe('rendering', () => {
  const map: FeatureMap = { height: 1, width: 3, channels: 2, data: new Float32Array([0, -2, 1, 4, 2, 1]) };

  it('per-channel ranges and the signed/unsigned choice', () => {
    expect(valueRange(map, 0)).toEqual({ min: 0, max: 2 });
    expect(valueRange(map, 1)).toEqual({ min: -2, max: 4 });
    expect(valueRange(map)).toEqual({ min: -2, max: 4 });
    expect(colormapFor(valueRange(map, 0))).toBe('viridis');
    expect(colormapFor(valueRange(map))).toBe('diverging');
    expect(() => valueRange(map, 2)).toThrow(/channel 2 out of range 0…1/);
  });

  it('maps min/max to the viridis ends and 0 to the diverging centre', () => {
    const px = renderChannel(map, 0, { min: 0, max: 2 }, 'viridis'); // values 0, 1, 2
    expect(Array.from(px.slice(0, 4))).toEqual([0x44, 0x01, 0x54, 255]);
    expect(Array.from(px.slice(8, 12))).toEqual([0xfd, 0xe7, 0x25, 255]);
    const d = renderScalars([-4, 0, 4], 1, 3, { min: -4, max: 1 }, 'diverging'); // symmetric ±4
    expect(Array.from(d.slice(0, 3))).toEqual(colorAt('diverging', 0));
    expect(Array.from(d.slice(4, 7))).toEqual(colorAt('diverging', 0.5));
    expect(Array.from(d.slice(8, 11))).toEqual(colorAt('diverging', 1));
    const residual = renderRgb([-10, 0, 300], 1, 1, 128, 1);
    expect(Array.from(residual)).toEqual([118, 128, 255, 255]);
  });

  it('merges radial profiles on one axis; the low line ends at its reach', () => {
    const spec = (scale: number, n: number): BranchSpectrum => ({
      height: 4,
      width: 4,
      logMagnitude: new Float32Array(16),
      cutoff: 0.125,
      lowEnergyFraction: 0.5,
      scale,
      totalEnergy: 1,
      radial: { frequency: Array.from({ length: n }, (_v, k) => k / 8), energy: Array.from({ length: n }, () => 1 / n) },
    });
    const rows = profileRows(spec(1, 7), spec(0.5, 7));
    expect(rows.map((r) => r.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => k / 8));
    expect(rows[2].low).toBeCloseTo(100 / 7, 10);
    expect(rows[3].low).toBeNull(); // 3/8 > √2/4
    expect(rows[5].high).toBeCloseTo(100 / 7, 10);
    expect(rows[6].high).toBeNull(); // 6/8 > √2/2: beyond any grid
  });
});

describe('views (server-rendered markup)', () => {
  const info: OctaveLayerInfo = {
    name: 'stage1/block1/conv1',
    alphaIn: 0,
    alphaOut: 0.25,
    high: { height: 4, width: 4, channels: 3 },
    low: { height: 2, width: 2, channels: 1 },
  };
  const spectrum: BranchSpectrum = {
    height: 4,
    width: 4,
    logMagnitude: new Float32Array(16).fill(1),
    cutoff: 0.125,
    lowEnergyFraction: 0.4237,
    scale: 1,
    totalEnergy: 5,
    radial: { frequency: [0, 0.25, 0.5], energy: [0, 0.5, 0.5] },
  };
  const layer: LayerActivations = {
    info,
    high: { height: 4, width: 4, channels: 3, data: new Float32Array(48).map((_v, i) => i) },
    low: { height: 2, width: 2, channels: 1, data: new Float32Array([1, 2, 3, 4]) },
    spectra: {
      high: spectrum,
      low: {
        ...spectrum,
        height: 2,
        width: 2,
        logMagnitude: new Float32Array(4),
        scale: 0.5,
        lowEnergyFraction: 0.9,
        totalEnergy: 0,
      },
    },
  };
  const result: InspectResult = {
    imageIndex: 7,
    image: new Uint8Array(3072).fill(100),
    label: 3,
    predicted: 5,
    probabilities: [0, 0, 0, 0.1, 0, 0.8, 0, 0, 0.1, 0],
    layers: [layer],
    latencyMs: 12,
  };
  const classes = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

  it('FeatureMapView: one canvas per channel of each branch, the Fig. 1 trio, label and prediction', () => {
    const html = renderToStaticMarkup(createElement(FeatureMapView, { result, layerName: info.name, classNames: classes }));
    expect(html.match(/data-testid="fmap-high-canvas"/g)).toHaveLength(3);
    expect(html.match(/data-testid="fmap-low-canvas"/g)).toHaveLength(1);
    for (const id of ['input', 'low-image', 'high-image']) expect(html).toContain(`data-testid="fmap-${id}-canvas"`);
    expect(html).toContain('>cat<');
    expect(html).toContain('dog (80.0%)');
    expect(html).toContain('high channel 2: min 2, max 47'); // channel 2 holds 2, 5, …, 47
    expect(html).toMatch(/<legend>Colour scale<\/legend>/);
    const missing = renderToStaticMarkup(createElement(FeatureMapView, { result, layerName: 'nope', classNames: classes }));
    expect(missing).toContain('Layer “nope” is not in this inspect result.');
  });

  it('SpectrumView: heatmaps and the energy figures', () => {
    const html = renderToStaticMarkup(createElement(SpectrumView, { layer }));
    expect(html).toContain('data-testid="spectrum-high-canvas"');
    expect(html).toContain('data-testid="spectrum-low-canvas"');
    expect(html).toMatch(/data-testid="spectrum-high-energy">42\.4%</);
    expect(html).toMatch(/data-testid="spectrum-low-energy">no energy</);
    const none = renderToStaticMarkup(createElement(SpectrumView, { layer: { ...layer, spectra: undefined } }));
    expect(none).toContain('No spectra for stage1/block1/conv1');
  });
});
