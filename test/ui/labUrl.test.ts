import { describe, expect, it } from 'vitest';
import { parseLabUrl, serialiseLabUrl, toTrainConfig } from '../../src/ui/state/labUrl';
import { defaultLabState, LAB_PARAM_NAMES, LAB_SCHEMA } from '../../src/ui/state/labSchema';
import { DEFAULT_TRAIN_CONFIG, validateTrainConfig } from '../../src/train/index';

describe('lab URL schema', () => {
  it('defaults come from the engine defaults and form a valid TrainConfig', () => {
    const s = defaultLabState();
    expect(s.alpha).toBe(DEFAULT_TRAIN_CONFIG.alpha);
    expect(s.batchSize).toBe(DEFAULT_TRAIN_CONFIG.batchSize);
    expect(() => validateTrainConfig(toTrainConfig(s))).not.toThrow();
    expect(parseLabUrl('').notices).toEqual([]);
  });

  it('applies good values and hides controls', () => {
    const p = parseLabUrl('?alpha=0.5&depth=20&batchSize=32&alpha_hide=1&x=time&sweep=0,0.5,1&maxSteps=5&presenter=1');
    expect(p.notices).toEqual([]);
    expect(p.state.alpha).toBe(0.5);
    expect(p.state.depth).toBe(20);
    expect(p.state.batchSize).toBe(32);
    expect(p.state.x).toBe('time');
    expect(p.state.sweep).toEqual([0, 0.5, 1]);
    expect(p.state.maxSteps).toBe(5);
    expect(p.state.presenter).toBe(true);
    expect([...p.hidden]).toEqual(['alpha']);
    const c = toTrainConfig(p.state);
    expect(c.maxSteps).toBe(5);
    expect('trainLimit' in c).toBe(false);
  });

  it('alpha=7 → default used and a notice naming the range', () => {
    const p = parseLabUrl('alpha=7');
    expect(p.state.alpha).toBe(DEFAULT_TRAIN_CONFIG.alpha);
    expect(p.notices).toHaveLength(1);
    expect(p.notices[0]).toMatch(/^alpha="7" is out of range \(a number ≥ 0 and ≤ 1\); using the default 0\.25\.$/);
  });

  it('rejects wrong types, hex, empty numbers, integers with fractions, bad enums', () => {
    const p = parseLabUrl('batchSize=12.5&seed=0x10&epochs=&backend=tpu&augment=maybe&sweep=0,2');
    expect(p.state).toEqual(defaultLabState());
    expect(p.notices).toHaveLength(6);
    expect(p.notices[0]).toMatch(/batchSize="12.5" must be an integer/);
    expect(p.notices[1]).toMatch(/seed="0x10" is not a number/);
    expect(p.notices[3]).toMatch(/backend="tpu" must be one of auto, webgpu, webgl, wasm, cpu/);
    expect(p.notices[5]).toMatch(/sweep=.* contains "2", which is out of range/);
  });

  it('cross-field checks use validateTrainConfig (depth 10 is not 6n+2)', () => {
    const p = parseLabUrl('depth=10&alpha=0.5');
    expect(p.state.depth).toBe(DEFAULT_TRAIN_CONFIG.depth);
    expect(p.state.alpha).toBe(0.5);
    expect(p.notices[0]).toMatch(/depth must be 6n\+2 .*\(got 10\); using the default 8\./);
  });

  it('survives hostile input: unknown names, huge values, script text, prototype keys', () => {
    const evil = `<script>alert(1)</script>${'x'.repeat(10_000)}`;
    const p = parseLabUrl(`?alpha=${encodeURIComponent(evil)}&__proto__=1&constructor_hide=1&toString=2&alpha=0.5`);
    expect(p.state).toEqual(defaultLabState());
    expect(p.notices.every((n) => n.length < 200)).toBe(true);
    expect(p.notices.some((n) => n.startsWith('alpha="<script>'))).toBe(true);
    expect(p.notices.some((n) => /__proto__/.test(n))).toBe(true);
    expect(p.notices.some((n) => /alpha is given more than once/.test(n))).toBe(true);
    expect(({} as Record<string, unknown>).alpha).toBeUndefined();
  });

  it('round-trips every field through serialise → parse', () => {
    const s = {
      ...defaultLabState(),
      alpha: 0.875,
      depth: 14,
      widthMultiplier: 2,
      testLimit: 500,
      sweep: [0.25, 1],
      theme: 'dark' as const,
      flipTTA: true,
    };
    const q = serialiseLabUrl(s, ['epochs', 'seed']);
    expect(q).toBe(
      'alpha=0.875&depth=14&widthMultiplier=2&flipTTA=1&testLimit=500&sweep=0.25%2C1&theme=dark&epochs_hide=1&seed_hide=1',
    );
    const back = parseLabUrl(q);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
    expect([...back.hidden].sort()).toEqual(['epochs', 'seed']);
    expect(serialiseLabUrl(defaultLabState())).toBe('');
  });

  it('every schema entry has a doc and a default inside its range', () => {
    for (const n of LAB_PARAM_NAMES) {
      const spec = LAB_SCHEMA[n];
      expect(spec.doc.length).toBeGreaterThan(5);
      if (spec.kind === 'number' && spec.default !== null) {
        expect(spec.default).toBeGreaterThanOrEqual(spec.range.min);
        expect(spec.default).toBeLessThanOrEqual(spec.range.max);
      }
    }
  });
});

describe('lab URL: hide flags and duplicate sweep values', () => {
  it('rejects a bad _hide value with a notice and keeps the control', () => {
    const p = parseLabUrl('alpha_hide=yes');
    expect([...p.hidden]).toEqual([]);
    expect(p.notices).toEqual(['"alpha_hide"="yes" must be true/false (or 1/0); "alpha" stays visible.']);
    expect([...parseLabUrl('alpha_hide=true').hidden]).toEqual(['alpha']);
  });

  it('removes duplicate sweep α values with a notice, keeping the first-seen order', () => {
    const p = parseLabUrl('sweep=0,0,0');
    expect(p.state.sweep).toEqual([0]);
    expect(p.notices).toEqual(['sweep="0,0,0" repeats values; using 0.']);
    const q = parseLabUrl('sweep=0.5,0.25,.5');
    expect(q.state.sweep).toEqual([0.5, 0.25]);
    expect(q.notices).toHaveLength(1);
  });
});
