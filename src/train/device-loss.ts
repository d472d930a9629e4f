/**
 * WebGPU device loss (driver reset, GPU process crash, tab in the background too long on some
 * systems, or `device.destroy()`): tfjs 4.22.0 does not report it, and every later op fails with
 * an unrelated-looking error. We watch `GPUDevice.lost` of the active tfjs webgpu backend and turn
 * it into one clear message. DOM-free.
 */
import * as tf from '@tensorflow/tfjs';

/** What a lost device reports (the WebGPU GPUDeviceLostInfo fields we use). */
interface DeviceLostInfo {
  reason?: string;
  message?: string;
}

/** The message shown when the WebGPU device is lost. */
export function deviceLostMessage(info: DeviceLostInfo): string {
  const detail = [info.reason, info.message].filter((s) => s && s !== 'undefined').join(': ');
  return (
    `the WebGPU device was lost${detail ? ` (${detail})` : ''}; the run so far is kept. ` +
    'Reload the page to get a new device, or choose the WASM backend to go on training.'
  );
}

/**
 * Calls `onLost(message)` once if the active backend is webgpu and its GPUDevice is lost.
 * @returns true when a device is being watched (the active backend is webgpu with a device).
 */
export function watchDeviceLoss(onLost: (message: string) => void): boolean {
  if (tf.getBackend() !== 'webgpu') return false;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<DeviceLostInfo> } }).device;
  if (!device?.lost) return false;
  void device.lost.then((info) => onLost(deviceLostMessage(info ?? {})));
  return true;
}
