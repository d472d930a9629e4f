import { describe, expect, it } from 'vitest';
import { buildCostRows, octaveLayerName } from '../../src/ui/lib/costTable';
import { weightsFileName } from '../../src/ui/lib/modelFiles';
import type { CostReport, LayerCost } from '../../src/octconv/types';

const conv = (name: string, macs: number, act: number, path?: LayerCost['path']): LayerCost => ({
  name,
  kind: 'conv',
  path,
  alphaIn: 0.5,
  alphaOut: 0.5,
  outputShape: [1],
  params: 10,
  macs,
  activationElements: act,
});
const report = (layers: LayerCost[]): CostReport => ({
  layers,
  params: 0,
  macs: 0,
  activationElements: 0,
  vanilla: { params: 0, macs: 0, activationElements: 0 },
});

describe('cost table', () => {
  it('sums the four paths of one OctConv into one row and matches the vanilla layer by name', () => {
    const oct = report([
      conv('s1/b1/conv1/hh', 100, 40, 'hh'),
      conv('s1/b1/conv1/hl', 25, 10, 'hl'),
      conv('s1/b1/conv1/lh', 25, 40, 'lh'),
      conv('s1/b1/conv1/ll', 6, 10, 'll'),
      { ...conv('s1/b1/bn', 0, 0), kind: 'batchnorm' },
      { ...conv('fc', 640, 10), kind: 'dense', alphaIn: undefined, alphaOut: undefined },
    ]);
    const vanilla = report([conv('s1/b1/conv1/hh', 400, 160, 'hh'), { ...conv('fc', 640, 10), kind: 'dense' }]);
    const rows = buildCostRows(oct, vanilla);
    expect(rows.map((r) => r.name)).toEqual(['s1/b1/conv1', 'fc']);
    // Output memory: high = max(hh 40, lh 40) = 40, low = max(hl 10, ll 10) = 10 (paths are added).
    expect(rows[0]).toMatchObject({
      macs: 156,
      activationElements: 50,
      params: 40,
      vanillaMacs: 400,
      vanillaActivationElements: 160,
    });
    expect(rows[1]).toMatchObject({ macs: 640, vanillaMacs: 640, alphaIn: null });
    expect(buildCostRows(oct, null)[0].vanillaMacs).toBeNull();
    expect(octaveLayerName(conv('a/hh', 1, 1))).toBe('a/hh'); // no path ⇒ name kept
  });

  it('finds the weights file name of a tfjs model.json', () => {
    expect(weightsFileName(JSON.stringify({ weightsManifest: [{ paths: ['./m.weights.bin'] }] }))).toBe('m.weights.bin');
    expect(weightsFileName('{not json')).toBe('weights.bin');
    expect(weightsFileName(JSON.stringify({ weightsManifest: [{ paths: ['../x/y.bin'] }] }))).toBe('.._x_y.bin');
  });
});

describe('model file names', () => {
  it('names the weights after the model and writes that name into the manifest', async () => {
    const { modelFileNames, withWeightsPath } = await import('../../src/ui/lib/modelFiles');
    expect(modelFileNames('my model/α')).toEqual({ json: 'my_model_.json', weights: 'my_model_.weights.bin' });
    expect(modelFileNames('octconv-model')).toEqual({ json: 'octconv-model.json', weights: 'octconv-model.weights.bin' });
    expect(() => modelFileNames(' / ')).toThrow(/no letters or digits/);
    const json = JSON.stringify({
      modelTopology: { a: 1 },
      weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'w' }] }],
    });
    const out = JSON.parse(withWeightsPath(json, 'm.weights.bin'));
    expect(out.weightsManifest).toEqual([{ paths: ['m.weights.bin'], weights: [{ name: 'w' }] }]);
    expect(out.modelTopology).toEqual({ a: 1 });
    expect(weightsFileName(withWeightsPath(json, 'm.weights.bin'))).toBe('m.weights.bin');
    expect(() => withWeightsPath('{', 'x')).toThrow(/not valid JSON/);
    expect(() => withWeightsPath('{}', 'x')).toThrow(/no weightsManifest/);
  });
});
