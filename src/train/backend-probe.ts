/**
 * Backend probing and ranking (docs/architecture.md §1.2, docs/tfjs-notes.md "Backends"): what the
 * scope offers (WebGPU adapter, WebGL2 renderer, WASM, CPU), which adapters are software, and the
 * order the lab prefers. Rank: WebGPU on a real GPU → WebGL on a real GPU → WASM → software WebGL →
 * software WebGPU → CPU. DOM-free: works in a Web Worker (OffscreenCanvas) and in Node.
 */
import type { BackendCandidate } from './protocol';

/** Renderer/adapter names that betray a software rasteriser. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render driver|microsoft basic/i;

/** The bits of a WebGPU adapter the probe reads (GPUAdapter in browsers, `webgpu` in Node). */
export interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; device?: string };
  requestAdapterInfo?: () => Promise<{ vendor?: string; architecture?: string; description?: string; device?: string }>;
}

/** What the probe can see of the environment; injectable so the ranking can be tested. */
export interface BackendEnvironment {
  /** `navigator.gpu`, when present. */
  gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null> };
  /** Returns the WebGL2 renderer string, or null when WebGL2 is unavailable. */
  webglRenderer?: () => string | null;
  hasWebAssembly: boolean;
}

/** True when `text` names a software renderer (SwiftShader, llvmpipe, …). */
export function isSoftwareRenderer(text: string): boolean {
  return SOFTWARE_RENDERER.test(text);
}

/** Reads the WebGL2 renderer name through an OffscreenCanvas (worker-safe), or null. */
function readWebGLRenderer(): string | null {
  const g = globalThis as { OffscreenCanvas?: new (w: number, h: number) => { getContext(k: string): unknown } };
  if (typeof g.OffscreenCanvas !== 'function') return null;
  const gl = new g.OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** The environment of the current global scope (browser page, worker or Node). */
export function detectEnvironment(): BackendEnvironment {
  const nav = (globalThis as { navigator?: { gpu?: BackendEnvironment['gpu'] } }).navigator;
  return {
    gpu: nav?.gpu,
    webglRenderer: readWebGLRenderer,
    hasWebAssembly: typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function',
  };
}

/** Probes the WebGPU adapter: unavailable, software (fallback/SwiftShader) or a real GPU. */
async function probeWebGPU(env: BackendEnvironment): Promise<BackendCandidate> {
  const c: BackendCandidate = { name: 'webgpu', available: false, software: false, detail: '' };
  if (!env.gpu) return { ...c, detail: 'navigator.gpu is not available' };
  try {
    const adapter = await env.gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ...c, detail: 'no WebGPU adapter' };
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
    const name = [info.vendor, info.architecture, info.description, info.device].filter(Boolean).join(' ').trim();
    const software = adapter.isFallbackAdapter === true || isSoftwareRenderer(name);
    const label = name || 'unknown adapter';
    return { ...c, available: true, software, detail: software ? `software adapter: ${label}` : label };
  } catch (e) {
    return { ...c, detail: `WebGPU probe failed: ${(e as Error).message}` };
  }
}

/** Probes WebGL2: unavailable, software (SwiftShader/llvmpipe) or a real GPU. */
function probeWebGL(env: BackendEnvironment): BackendCandidate {
  const c: BackendCandidate = { name: 'webgl', available: false, software: false, detail: '' };
  try {
    const renderer = env.webglRenderer?.() ?? null;
    if (renderer === null) return { ...c, detail: 'WebGL2 is not available' };
    const software = isSoftwareRenderer(renderer);
    return { ...c, available: true, software, detail: software ? `software renderer: ${renderer}` : renderer };
  } catch (e) {
    return { ...c, detail: `WebGL probe failed: ${(e as Error).message}` };
  }
}

/**
 * Probes every backend (no tfjs backend is initialised).
 * @returns one candidate per backend, in BACKEND_NAMES order.
 */
export async function probeBackends(env: BackendEnvironment = detectEnvironment()): Promise<BackendCandidate[]> {
  const wasm: BackendCandidate = env.hasWebAssembly
    ? { name: 'wasm', available: true, software: false, detail: 'WebAssembly SIMD' }
    : { name: 'wasm', available: false, software: false, detail: 'WebAssembly is not available' };
  return [
    await probeWebGPU(env),
    probeWebGL(env),
    wasm,
    { name: 'cpu', available: true, software: false, detail: 'plain JavaScript (slowest)' },
  ];
}

/** Rank of a candidate: lower is better (see the file comment). */
export function backendRank(c: BackendCandidate): number {
  if (c.name === 'cpu') return 5;
  if (c.name === 'wasm') return 2;
  if (c.name === 'webgpu') return c.software ? 4 : 0;
  return c.software ? 3 : 1; // webgl
}

/** Available candidates, best first. Pure; used by selectBackend and tested with fakes. */
export function rankBackends(candidates: BackendCandidate[]): BackendCandidate[] {
  return candidates.filter((c) => c.available).sort((a, b) => backendRank(a) - backendRank(b));
}

/** One sentence on why `chosen` won over the others (for the backend indicator). */
export function explainChoice(chosen: BackendCandidate, candidates: BackendCandidate[], manual: boolean): string {
  if (manual) return `${chosen.name} chosen by the user (${chosen.detail})`;
  // Name every other non-CPU candidate, so the indicator says why a GPU was not used.
  const skipped = candidates
    .filter((c) => c !== chosen && c.name !== 'cpu')
    .map((c) => `${c.name}: ${c.available ? c.detail : `unavailable (${c.detail})`}`);
  const base = `${chosen.name} is the fastest available backend (${chosen.detail})`;
  const softNote = candidates.some((c) => c.available && c.software) ? '; software GPU adapters are 20–35× slower than WASM' : '';
  return skipped.length ? `${base}; ${skipped.join('; ')}${softNote}` : base + softNote;
}
