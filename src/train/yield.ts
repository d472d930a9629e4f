/** Yielding to the event loop between training steps, so pause/stop messages are handled. */

/** Pending resolvers of {@link yieldToEventLoop} when it uses a MessageChannel. */
const yieldQueue: Array<() => void> = [];
let yieldChannel: MessageChannel | null = null;

/**
 * Yields to the event loop so pause/stop messages are handled between steps: setImmediate in
 * Node, else a MessageChannel (no 4 ms clamping of nested timers in browsers/workers).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') return void setImmediate(resolve);
    if (typeof MessageChannel !== 'function') return void setTimeout(resolve, 0);
    if (!yieldChannel) {
      yieldChannel = new MessageChannel();
      yieldChannel.port1.onmessage = () => yieldQueue.shift()?.();
    }
    yieldQueue.push(resolve);
    yieldChannel.port2.postMessage(0);
  });
}
