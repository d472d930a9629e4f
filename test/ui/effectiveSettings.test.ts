import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, TRAIN_PRESETS } from '../../src/train/face';
import { describeEffectiveSettings, describeRun, effectiveSettings } from '../../src/ui/lib/effectiveSettings';

describe('effectiveSettings', () => {
  it('quick stops at 200 steps of 64 images: a quarter of one CIFAR-10 epoch, no augmentation', () => {
    const s = effectiveSettings(TRAIN_PRESETS.quick, 50_000);
    // One epoch is floor(50,000 / 64) = 781 full batches; 200 of them are 12,800 images.
    expect(s.stepsPerEpoch).toBe(781);
    expect(s.steps).toBe(200);
    expect(s.imagesSeen).toBe(12_800);
    expect(s.epochsSeen).toBeCloseTo(200 / 781, 12);
    expect(s.stoppedByMaxSteps).toBe(true);
    expect(s.augment).toBe(false);
    expect(describeRun(TRAIN_PRESETS.quick, 50_000)).toBe(describeEffectiveSettings(s));
    expect(describeEffectiveSettings(s)).toBe(
      '200 steps × batch 64 = 12,800 images (0.26 epochs, stopped by Max steps), augmentation off, one-cycle schedule, no flip-TTA',
    );
  });

  it('resnet20 runs all its 10 epochs of 390 steps with augmentation', () => {
    const s = effectiveSettings(TRAIN_PRESETS.resnet20, 50_000);
    expect(s.steps).toBe(10 * Math.floor(50_000 / 128));
    expect(s.imagesSeen).toBe(3900 * 128);
    expect(s.epochsSeen).toBe(10);
    expect(s.stoppedByMaxSteps).toBe(false);
    expect(describeEffectiveSettings(s)).toBe(
      '3,900 steps × batch 128 = 499,200 images (10 epochs), augmentation on, one-cycle schedule, no flip-TTA',
    );
  });

  it('a train limit smaller than the batch still takes one step per epoch, like the trainer', () => {
    const s = effectiveSettings(
      { ...DEFAULT_TRAIN_CONFIG, trainLimit: 50, batchSize: 128, epochs: 3, flipTTA: true, schedule: 'cosine' },
      50_000,
    );
    expect(s.stepsPerEpoch).toBe(1);
    expect(s.steps).toBe(3);
    expect(describeEffectiveSettings(s)).toBe(
      '3 steps × batch 128 = 384 images (3 epochs), augmentation on, cosine schedule, flip-TTA on',
    );
  });

  it('a Max steps beyond the epochs does not stop the run early', () => {
    const s = effectiveSettings({ ...DEFAULT_TRAIN_CONFIG, trainLimit: 3200, batchSize: 64, maxSteps: 500 }, 50_000);
    expect(s.steps).toBe(50);
    expect(s.stoppedByMaxSteps).toBe(false);
    expect(describeEffectiveSettings(s)).toMatch(/^50 steps × batch 64 = 3,200 images \(1 epoch\),/);
  });

  it('refuses a batch that is not a positive integer', () => {
    expect(() => effectiveSettings({ ...DEFAULT_TRAIN_CONFIG, batchSize: 0 }, 50_000)).toThrow(
      /batchSize must be a positive integer/,
    );
  });
});
