/**
 * The architecture choice end to end without tfjs: URL parameter → lab state → TrainConfig,
 * the CLI's --arch flag, validation, and the model config the worker builds from a run.
 */
import { describe, expect, it } from 'vitest';
import { parseLabUrl, serialiseLabUrl, toTrainConfig } from '../../src/ui/state/labUrl';
import { parseTrainArgs } from '../../src/train/cli-args';
import { DEFAULT_TRAIN_CONFIG, TRAIN_PRESETS, validateTrainConfig } from '../../src/train/config';
import { modelConfigOf, modelName } from '../../src/train/model-config';

describe('architecture', () => {
  it('URL parameter round-trips and reaches the TrainConfig; the default stays out of both', () => {
    const p = parseLabUrl('?architecture=mobilenet-v2&widthMultiplier=0.5');
    expect(p.notices).toEqual([]);
    expect(p.state.architecture).toBe('mobilenet-v2');
    expect(toTrainConfig(p.state).architecture).toBe('mobilenet-v2');
    expect(serialiseLabUrl(p.state)).toContain('architecture=mobilenet-v2');
    const d = parseLabUrl('');
    expect(d.state.architecture).toBe('resnet');
    expect('architecture' in toTrainConfig(d.state)).toBe(false);
    expect(serialiseLabUrl(d.state)).not.toContain('architecture');
  });

  it('a bad URL value gives a notice and falls back to resnet', () => {
    const p = parseLabUrl('?architecture=vgg');
    expect(p.state.architecture).toBe('resnet');
    expect(p.notices.join(' ')).toMatch(/architecture/);
  });

  it('--arch sets it; a bad value is refused with the allowed list', () => {
    expect(parseTrainArgs(['--arch', 'mobilenet-v1', '--width', '0.5']).config).toMatchObject({
      architecture: 'mobilenet-v1',
      widthMultiplier: 0.5,
    });
    expect(() => parseTrainArgs(['--arch', 'vgg'])).toThrow(
      "--arch must be one of resnet, mobilenet-v1, mobilenet-v2 (got 'vgg')",
    );
  });

  it('validation: MobileNets ignore depth/block; ResNet-18/34 are accepted; unknown architectures refused', () => {
    expect(() => validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, architecture: 'mobilenet-v2', depth: 10 })).not.toThrow();
    expect(() => validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, depth: 10 })).toThrow(/depth must be 6n\+2 .* or 18\/34/);
    expect(() => validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, depth: 34 })).not.toThrow();
    expect(() => validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, architecture: 'vgg' as 'resnet' })).toThrow(
      /architecture must be one of resnet, mobilenet-v1, mobilenet-v2 \(got vgg\)/,
    );
    expect(() => validateTrainConfig(TRAIN_PRESETS.mobilenetv2)).not.toThrow();
  });

  it('model config and name of a run', () => {
    const mn = { ...DEFAULT_TRAIN_CONFIG, architecture: 'mobilenet-v2' as const, widthMultiplier: 0.5, alpha: 0.375 };
    expect(modelConfigOf(mn, 4)).toEqual({
      version: 2,
      widthMultiplier: 0.5,
      alpha: 0.375,
      numClasses: 10,
      seed: 4,
      cifarStem: true,
    });
    expect(modelConfigOf({ ...DEFAULT_TRAIN_CONFIG, depth: 18 }, 1)).toEqual({
      depth: 18,
      widthMultiplier: 1,
      alpha: 0.25,
      block: 'basic',
      numClasses: 10,
      seed: 1,
    });
    expect([modelName(mn), modelName(DEFAULT_TRAIN_CONFIG)]).toEqual(['Oct-MobileNet v2 ×0.5', 'Oct-ResNet-8']);
  });
});
