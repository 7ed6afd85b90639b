import type { WebrtcProvider } from 'y-webrtc';
import { sealSignalingData } from './roomCrypto';
import { internals, type WebrtcConnInternals } from './ywebrtcInternals';

/**
 * y-webrtc announces a peer once, when it joins or a connection closes. When two peers start
 * at the same moment (both coming back online), their offers can cross ("glare") and both
 * connections fail, after which neither announces again and they never meet. The watchdog
 * repairs that: a connection that has not opened within `stuckAfterMs` is dropped (which makes
 * y-webrtc announce again), and the room is re-announced now and then while signaling is up.
 * Peers that already know us ignore an announce, so it costs one small message.
 */
export interface WatchdogOptions {
  intervalMs?: number;
  stuckAfterMs?: number;
  /** Re-announce at most this often when every known peer is connected. */
  quietAnnounceMs?: number;
}

export function startWatchdog(provider: WebrtcProvider, opts: WatchdogOptions = {}): () => void {
  const interval = opts.intervalMs ?? 2_000;
  const stuckAfter = opts.stuckAfterMs ?? 8_000;
  const quietAnnounce = opts.quietAnnounceMs ?? 20_000;
  const firstSeen = new WeakMap<WebrtcConnInternals, number>();
  let lastAnnounce = Date.now();
  let stopped = false;

  const tick = async () => {
    const p = internals(provider);
    const room = p.room;
    if (!room || stopped) return;
    const now = Date.now();
    let unhealthy = room.webrtcConns.size === 0;
    for (const conn of room.webrtcConns.values()) {
      if (conn.connected) continue;
      unhealthy = true;
      const seen = firstSeen.get(conn) ?? now;
      firstSeen.set(conn, seen);
      if (now - seen > stuckAfter) (conn.peer as { destroy?: () => void }).destroy?.();
    }
    // Random spacing keeps two peers from announcing in lock-step.
    const due = unhealthy ? interval * (1 + Math.random()) : quietAnnounce;
    if (now - lastAnnounce < due) return;
    lastAnnounce = now;
    const key = await p.key;
    if (!key || stopped) return;
    const data = await sealSignalingData({ type: 'announce', from: room.peerId }, key);
    for (const conn of p.signalingConns) {
      if (conn.connected)
        (conn as unknown as { send(m: unknown): void }).send({
          type: 'publish',
          topic: room.name,
          data,
        });
    }
  };

  const timer = setInterval(() => void tick().catch(() => {}), interval);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
