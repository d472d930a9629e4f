/**
 * The committed src/tfjs-fixes/simd/*.wasm and batchnorm-wasm.ts are what scripts/build-simd.sh
 * builds from the C sources (needs Debian's clang + lld; skipped, saying so, where clang is absent).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const hasClang = spawnSync('clang', ['--version']).status === 0;
const hasWabt = spawnSync('wasm2wat', ['--version']).status === 0;

describe('wasm SIMD module build', () => {
  it.skipIf(!hasClang)('committed files match a rebuild from source (skipped without clang)', () => {
    const out = execFileSync('bash', ['scripts/build-simd.sh', '--check'], { encoding: 'utf8' });
    expect(out).toContain('committed files match a rebuild');
  });

  // Both threads of src/tfjs-fixes/simd-pool.ts run one module on one memory, and the module's
  // stack pointer starts at the same address in each instance: a function that spilled to the
  // stack would let the threads overwrite each other's values (and tfjs's low heap).
  it.skipIf(!hasWabt)('no function of the threaded build touches the stack pointer (skipped without wabt)', () => {
    const wat = execFileSync('wasm2wat', ['--enable-threads', 'src/tfjs-fixes/simd/simd-mt.wasm'], { encoding: 'utf8' });
    expect(wat).toContain('(func');
    expect(wat.match(/global\.(get|set) 0\b/g) ?? []).toEqual([]);
  });

  // The module imports tfjs's memory: an active data segment (e.g. a constant table) would be
  // copied over tfjs's own low heap each time the module is instantiated.
  it.skipIf(!hasWabt)('neither build has a data segment (skipped without wabt)', () => {
    for (const file of ['simd.wasm', 'simd-mt.wasm']) {
      const wat = execFileSync('wasm2wat', ['--enable-threads', `src/tfjs-fixes/simd/${file}`], { encoding: 'utf8' });
      expect(wat).toContain('(func');
      expect(wat.match(/\(data\b/g) ?? []).toEqual([]);
    }
  });
});
