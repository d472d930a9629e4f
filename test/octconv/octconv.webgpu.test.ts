/**
 * The same tiny OctConv cases on webgpu in Node (Dawn + SwiftShader): forward and gradients agree
 * with the float64 loop reference to ≤ 1e-4 relative.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../helpers/backend';
import { CASES, compareOctConv } from './octconv-case';

describe('OctConv vs loop reference on webgpu (SwiftShader)', () => {
  beforeAll(async () => useBackend('webgpu'));

  it.each(CASES.filter((c) => ['mid', 'midStride2', 'lastStride2'].includes(c.label)))('$label', async (c) => {
    const { errors, paths } = await compareOctConv(c);
    for (const p of paths) expect(errors[`dW.${p}`].refMax).toBeGreaterThan(1e-3);
    for (const [key, e] of Object.entries(errors)) expect(e.rel, key).toBeLessThanOrEqual(1e-4);
  });
});
