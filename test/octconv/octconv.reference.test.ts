/**
 * OctConv paths and the stride-2 scheme against the float64 loop reference, forward and gradients,
 * batch > 1, on cpu (wrong cpu upsample gradient bypassed) and wasm (Conv2DBackpropFilter fix).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { useBackend } from '../helpers/backend';
import { CASES, compareOctConv } from './octconv-case';

describe.each(['cpu', 'wasm'] as const)('OctConv vs loop reference on %s', (backend) => {
  beforeAll(async () => useBackend(backend));

  it.each(CASES)('$label: forward and all gradients agree to 1e-5 relative', async (c) => {
    const { errors, paths } = await compareOctConv(c);
    expect(paths.length).toBeGreaterThan(0);
    for (const [key, e] of Object.entries(errors)) {
      expect(e.rel, `${key}`).toBeLessThan(1e-5);
      expect(e.refMax, `${key} reference is non-zero`).toBeGreaterThan(1e-3);
    }
    // every kernel of every path receives a (non-zero, correct) gradient
    for (const p of paths) expect(errors[`dW.${p}`].refMax).toBeGreaterThan(1e-3);
  });
});
