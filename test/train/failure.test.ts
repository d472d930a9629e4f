/**
 * Training failures in plain language: the raw messages seen in Chromium's WASM backend when an
 * Oct-ResNet-110/152 at batch 128 exhausts the heap get a hint; other messages pass unchanged.
 */
import { describe, expect, it } from 'vitest';
import { describeTrainingFailure } from '../../src/train/failure';

describe('describeTrainingFailure', () => {
  const context = { depth: 110, batchSize: 128 };
  it.each([
    'memory access out of bounds',
    'Aborted(). Build with -sASSERTIONS for more info..',
    'RangeError: Array buffer allocation failed',
  ])('%s ⇒ out-of-memory hint naming depth and batch', (raw) => {
    const message = describeTrainingFailure(raw, context);
    expect(message).toMatch(
      /^out of memory: Oct-ResNet-110 at batch 128 needs more memory than this backend has — lower the batch size or choose a smaller depth \(/,
    );
    expect(message).not.toMatch(/\.\.\)$/); // Emscripten's doubled period is cleaned
  });
  it('keeps other messages as they are', () => {
    expect(describeTrainingFailure('Kernel X not registered', context)).toBe('Kernel X not registered');
  });
});
