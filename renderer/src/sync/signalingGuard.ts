import type { WebrtcProvider } from 'y-webrtc';
import { answeredAnnounce } from './glare';
import { probeSignalingData } from './roomCrypto';
import { internals, type SignalingConnInternals } from './ywebrtcInternals';

/** A room whose signaling messages are checked, and what to tell its workspace. */
export interface SignalingRoom {
  key: PromiseLike<CryptoKey | null>;
  provider: WebrtcProvider;
  /** Someone in the room uses another password. */
  onWrongPassword(): void;
}

// Signaling connections are shared by every provider using the same URL, so their hook looks
// the room up by topic.
const guardedRooms = new Map<string, SignalingRoom>();
const wrappedConns = new WeakSet<object>();

/** Registers a room's topic; returns a function that removes it. */
export function registerSignalingRoom(topic: string, room: SignalingRoom): () => void {
  guardedRooms.set(topic, room);
  return () => {
    if (guardedRooms.get(topic) === room) guardedRooms.delete(topic);
  };
}

/**
 * Wraps the provider's signaling connections (call again after `provider.connect()`): room
 * messages are decrypted with the room key first; a message sealed with another password is
 * dropped and reported instead of reaching y-webrtc, whose own decrypt would throw an uncaught
 * `OperationError`. Returns the connections that could not be wrapped (y-webrtc changed): the
 * caller keeps sync off then.
 */
export function guardSignaling(provider: WebrtcProvider): SignalingConnInternals[] {
  return internals(provider).signalingConns.filter((conn) => !wrapSignalingConn(conn));
}

function wrapSignalingConn(conn: SignalingConnInternals): boolean {
  if (wrappedConns.has(conn)) return true;
  const listeners = conn._observers instanceof Map ? conn._observers.get('message') : undefined;
  if (!listeners || listeners.size === 0) return false;
  wrappedConns.add(conn);
  // Checking is asynchronous (WebCrypto); a queue keeps messages in arrival order, since an
  // ICE candidate overtaking its offer would break the connection attempt.
  let queue: Promise<void> = Promise.resolve();
  const wrapped = [...listeners].map((original) => (...args: unknown[]): void => {
    const m = args[0] as { type?: unknown; topic?: unknown; data?: unknown } | null;
    const entry =
      m && m.type === 'publish' && typeof m.topic === 'string'
        ? guardedRooms.get(m.topic)
        : undefined;
    if (!entry) {
      queue = queue.then(() => original(...args));
      return;
    }
    queue = queue
      .then(async () => {
        const key = await entry.key;
        if (!key) return original(...args);
        const probe = await probeSignalingData(m!.data, key);
        if (probe.kind === 'wrong-key') entry.onWrongPassword();
        if (probe.kind !== 'ok') return;
        if (!stillListening(entry, conn)) return;
        if (await answeredAnnounce(entry.provider, conn, probe.plain, key)) return;
        if (!stillListening(entry, conn)) return;
        original(...args);
      })
      .catch(() => {});
  });
  conn._observers.set('message', new Set(wrapped));
  return true;
}

/**
 * A message decrypted after we went offline (or through a signaling connection we have since
 * replaced) is dropped: y-webrtc would still act on it, and an announce or signal then starts
 * a connection whose offer can never leave. That dead connection blocks the peer's next
 * announce until the watchdog removes it, 8–10 s after coming back online.
 */
function stillListening(entry: SignalingRoom, conn: SignalingConnInternals): boolean {
  return entry.provider.connected && internals(entry.provider).signalingConns.includes(conn);
}
