import * as decoding from 'lib0/decoding';
import type { WebrtcProvider } from 'y-webrtc';
import { probeSignalingData, sealSignalingData } from './roomCrypto';
import { internals, type SignalingConnInternals } from './ywebrtcInternals';

// After a password rotation, the peers that kept the old password still reach the room's
// signaling topic, and nobody can read anybody: on its own, each side would only learn that
// "someone" has a wrong password. The peer that rotated keeps the passwords it retired, so it
// can still read a former teammate's announces; it answers them, sealed with that old password,
// with a message saying the password was retired. The former teammate can read that one, and
// is told the truth: this workspace's invite no longer works. Nobody learns the new password.

/** Sent, sealed with the retired password, to a peer that still uses it. */
export const RETIRED_MESSAGE_TYPE = 'cadence-password-retired';

// At most one answer per former teammate in this time: their watchdog re-announces often.
const ANSWER_EVERY_MS = 15_000;

export interface RetiredPasswordHooks {
  /** Passwords this machine rotated away from. */
  retired: readonly string[];
  /** Every y-webrtc peer id this workspace had here (a restart takes a new one). */
  ownPeerIds: ReadonlySet<string>;
  /** A peer still using a retired password announced itself (its y-webrtc peer id). */
  onFormerTeammate(peerId: string): void;
  /** A teammate told us that our password was retired. */
  onOwnPasswordRetired(): void;
}

/** Same key as y-webrtc derives from a room password (PBKDF2, salted with the room name). */
export async function deriveRoomKey(password: string, room: string): Promise<CryptoKey> {
  const enc = new TextEncoder();
  const material = await globalThis.crypto.subtle.importKey(
    'raw',
    enc.encode(password),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: enc.encode(room), iterations: 100_000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

interface Sendable {
  send(message: unknown): void;
}

function readPlain(plain: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = decoding.readAny(decoding.createDecoder(plain));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Listens to the room's signaling for peers on a retired password (and answers them), and for
 * the answer that ours was retired. Call `watch` again after the provider reconnects.
 */
export function watchRetiredPasswords(provider: WebrtcProvider, hooks: RetiredPasswordHooks) {
  const room = provider.roomName;
  const retiredKeys = hooks.retired.map((p) => deriveRoomKey(p, room));
  const answeredAt = new Map<string, number>();
  const watched = new Map<SignalingConnInternals, (...args: unknown[]) => void>();
  let stopped = false;

  const seal = (data: unknown, key: CryptoKey) => sealSignalingData(data, key);

  const answer = async (conn: SignalingConnInternals, key: CryptoKey, to: string) => {
    const last = answeredAt.get(to) ?? -Infinity;
    if (Date.now() - last < ANSWER_EVERY_MS) return;
    answeredAt.set(to, Date.now());
    const from = internals(provider).room?.peerId;
    const data = await seal({ type: RETIRED_MESSAGE_TYPE, from: from ?? '', to }, key);
    if (!stopped && conn.connected)
      (conn as unknown as Sendable).send({ type: 'publish', topic: room, data });
  };

  const onMessage = async (conn: SignalingConnInternals, m: unknown) => {
    const msg = m as { type?: unknown; topic?: unknown; data?: unknown } | null;
    if (!msg || msg.type !== 'publish' || msg.topic !== room) return;
    const key = await internals(provider).key;
    if (!key || stopped) return;
    const own = await probeSignalingData(msg.data, key);
    if (own.kind === 'ok') {
      const data = readPlain(own.plain);
      const ours = internals(provider).room?.peerId;
      if (data?.type === RETIRED_MESSAGE_TYPE && (data.to === undefined || data.to === ours)) {
        hooks.onOwnPasswordRetired();
      }
      return;
    }
    if (own.kind !== 'wrong-key') return;
    for (const pending of retiredKeys) {
      const old = await pending.catch(() => null);
      if (!old || stopped) continue;
      const probe = await probeSignalingData(msg.data, old);
      if (probe.kind !== 'ok') continue;
      const data = readPlain(probe.plain);
      const from = data?.from;
      if (typeof from !== 'string' || data?.type === RETIRED_MESSAGE_TYPE) return;
      // Our own connection before the change, still saying goodbye through the shared endpoint.
      if (hooks.ownPeerIds.has(from)) return;
      hooks.onFormerTeammate(from);
      await answer(conn, old, from);
      return;
    }
  };

  const watch = () => {
    for (const conn of internals(provider).signalingConns) {
      if (watched.has(conn)) continue;
      let queue = Promise.resolve();
      const f = (m: unknown) => {
        queue = queue.then(() => onMessage(conn, m)).catch(() => {});
      };
      watched.set(conn, f as (...args: unknown[]) => void);
      conn.on('message', f as (...args: unknown[]) => void);
    }
  };

  // Tells former teammates already in the room at once (they do not announce again for a while).
  const tellRoom = async () => {
    const from = internals(provider).room?.peerId ?? '';
    for (const pending of retiredKeys) {
      const old = await pending.catch(() => null);
      if (!old || stopped) continue;
      const data = await seal({ type: RETIRED_MESSAGE_TYPE, from }, old);
      for (const conn of internals(provider).signalingConns) {
        if (conn.connected)
          (conn as unknown as Sendable).send({ type: 'publish', topic: room, data });
      }
    }
  };

  watch();
  return {
    watch,
    tellRoom: () => void tellRoom().catch(() => {}),
    stop: () => {
      stopped = true;
      for (const [conn, f] of watched) conn.off('message', f);
      watched.clear();
    },
  };
}
