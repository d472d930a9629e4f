/** Text alternatives of the live charts (src/ui/lib/chartText.ts). */
import { describe, expect, it } from 'vitest';
import { createRun, type RunRecord } from '../../src/ui/lib/runs';
import { latestRows, summarySentence } from '../../src/ui/lib/chartText';
import type { TrainConfig } from '../../src/train/protocol';

const config = { depth: 8, widthMultiplier: 1, alpha: 0.5, batchSize: 100, trainLimit: 1000, epochs: 2 } as TrainConfig;
const label = (r: RunRecord) => `#${r.number}`;

describe('chart text', () => {
  it('takes the latest point that has each metric (test values are sparser than train values)', () => {
    const run: RunRecord = {
      ...createRun('a', config, 0),
      number: 1,
      points: [
        { step: 10, epoch: 1, timeS: 1, trainLoss: 2.3, trainAccuracy: 0.1, testLoss: 2.2, testTop1: 0.15 },
        { step: 20, epoch: 2, timeS: 2, trainLoss: 1.98766, trainAccuracy: 0.3 },
      ],
    };
    const empty: RunRecord = { ...createRun('b', config, 0), number: 2, points: [] };
    const loss = latestRows([run, empty], 'trainLoss', 'testLoss', false, label);
    expect(loss).toEqual([
      { run: '#1', train: '1.9877', test: '2.2000', at: 'step 20' },
      { run: '#2', train: '—', test: '—', at: '—' },
    ]);
    const acc = latestRows([run], 'trainAccuracy', 'testTop1', true, label);
    expect(acc).toEqual([{ run: '#1', train: '30.0 %', test: '15.0 %', at: 'step 20' }]);
    expect(summarySentence('Accuracy', acc)).toBe('Accuracy, latest values: #1 train 30.0 %, test 15.0 % at step 20.');
    expect(summarySentence('Loss', [])).toBe('Loss: no runs to show yet.');
  });
});
