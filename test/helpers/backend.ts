/**
 * Backend selection for Node tests (docs/tfjs-notes.md): cpu, wasm (1 thread) or webgpu (Dawn from the
 * `webgpu` npm package on Debian chromium's SwiftShader Vulkan driver).
 */
import * as tf from '@tensorflow/tfjs';
import { registerKernelFixes } from '../../src/tfjs-fixes/index';

/** SwiftShader ICD shipped with Debian's chromium (Dawn rejects mesa lavapipe). */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** Exposes `navigator.gpu` from the `webgpu` package (Node's navigator is read-only). */
async function installNodeWebGpu(): Promise<void> {
  const nav = (globalThis as { navigator?: { gpu?: unknown } }).navigator;
  if (nav?.gpu) return;
  process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
}

/**
 * Registers the kernel fixes, loads the backend and makes it current (awaits tf.ready()).
 * wasm runs single-threaded (threaded wasm: test/train/wasm-node-threads.test.ts). On webgpu use
 * `await t.data()` (dataSync throws in Node).
 * @throws Error if the backend cannot be initialised
 */
export async function useBackend(name: 'cpu' | 'wasm' | 'webgpu'): Promise<void> {
  registerKernelFixes();
  if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm'); // registers the backend and its flags
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  } else if (name === 'webgpu') {
    await installNodeWebGpu();
    const gpu = (globalThis as unknown as { navigator: { gpu: { requestAdapter(): Promise<unknown> } } }).navigator.gpu;
    if ((await gpu.requestAdapter()) == null) {
      throw new Error(
        "useBackend('webgpu'): no WebGPU adapter; Dawn needs libvulkan.so.1 (Debian package libvulkan1) and the SwiftShader ICD from Debian's chromium",
      );
    }
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`useBackend: backend '${name}' failed to initialise`);
  await tf.ready();
}
