/**
 * Resolves in a later task, once the window has had its chance to handle input, render what
 * React has queued and paint. A message to ourselves, not `setTimeout(0)`: chained timeouts are
 * held back 4 ms from the fifth in a row on, which a long job in slices pays on every slice.
 * Not `scheduler.yield()` either: its continuation runs before React's queued renders, so a
 * progress bar would not move until the job was done.
 */
export function yieldToWindow(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
