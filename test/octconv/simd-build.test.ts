/**
 * The committed src/tfjs-fixes/simd/*.wasm and batchnorm-wasm.ts are what scripts/build-simd.sh
 * builds from batchnorm.c (needs Debian's clang + lld; skipped, saying so, where clang is absent).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const hasClang = spawnSync('clang', ['--version']).status === 0;

describe('wasm SIMD module build', () => {
  it.skipIf(!hasClang)('committed files match a rebuild from source (skipped without clang)', () => {
    const out = execFileSync('bash', ['scripts/build-simd.sh', '--check'], { encoding: 'utf8' });
    expect(out).toContain('committed files match a rebuild');
  });
});
