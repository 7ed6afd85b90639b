/**
 * Calls `done` as soon as the browser has painted the frame that shows the DOM as it is now.
 * Called from a layout effect (before that frame), the animation frame callback runs as the
 * frame starts, and a message posted from it is handled once the frame has been painted: one
 * frame earlier than a passive effect's animation frame, which runs at the frame after. Returns
 * a function that cancels.
 */
export function afterNextPaint(done: () => void): () => void {
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) done();
  };
  const raf = requestAnimationFrame(() => channel.port2.postMessage(null));
  return () => {
    cancelled = true;
    cancelAnimationFrame(raf);
    channel.port1.close();
  };
}
