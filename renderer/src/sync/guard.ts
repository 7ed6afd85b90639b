import * as bc from 'lib0/broadcastchannel';
import type { Doc } from 'yjs';
import type { WebrtcProvider } from 'y-webrtc';
import { checkPeerMessage } from '../../../shared/sync/peerMessage';
import * as decoding from 'lib0/decoding';
import { FrameAssembler, toFrames } from './chunking';
import { probeRoomMessage, probeSignalingData, sealSignalingData } from './roomCrypto';
import { internals, type PeerInternals, type SignalingConnInternals } from './ywebrtcInternals';

/**
 * Where incoming traffic is checked. y-webrtc applies peer messages to the document itself
 * (through y-protocols), so the guard sits in front of it at the three places data enters:
 *
 * - each WebRTC data channel: simple-peer's `_onChannelMessage` is wrapped, and a message is
 *   passed on only if `checkPeerMessage` accepts it (a sync update that passes
 *   `validateUpdate`, well-formed presence). A rejected one is dropped and reported; the
 *   connection, and sync with everyone else, goes on.
 * - the signaling connection: room messages are decrypted with the room key first; a message
 *   sealed with another password is dropped and reported as "wrong password" instead of
 *   reaching y-webrtc, whose own decrypt would throw an uncaught `OperationError`.
 * - the BroadcastChannel between tabs of one browser: both checks.
 *
 * Checking before y-webrtc reads a message keeps one document and one copy of the state (no
 * mirror document), and costs one `validateUpdate` per update (see its cost model).
 */
export interface GuardHooks {
  doc: Doc;
  /** A message from a peer was refused (damaged or hostile). */
  onRejected(reason: string, peerId: string | null): void;
  /** Someone in the room uses another password. */
  onWrongPassword(): void;
  /** A message from a peer passed the checks (just before y-webrtc reads it). */
  onAccepted?(peerId: string | null, message: Uint8Array): void;
}

interface RoomEntry {
  key: PromiseLike<CryptoKey | null>;
  hooks: GuardHooks;
  provider: WebrtcProvider;
}

// Signaling connections are shared by every provider using the same URL, so their hook looks
// the room up by topic.
const guardedRooms = new Map<string, RoomEntry>();
const wrappedConns = new WeakSet<object>();
const wrappedPeers = new WeakSet<object>();
const SEND_BUFFER_BYTES = 256 * 1024;

/** Installs the guard on a provider; returns a function that removes its room entry. */
export function guardProvider(
  provider: WebrtcProvider,
  roomName: string,
  hooks: GuardHooks,
): () => void {
  const p = internals(provider);
  const entry: RoomEntry = { key: p.key, hooks, provider };
  guardedRooms.set(roomName, entry);
  guardSignaling(provider);

  const onPeers = () => guardPeers(provider, hooks);
  provider.on('peers', onPeers);

  let disposed = false;
  void p.key.then((key) => {
    if (disposed) return;
    guardBroadcastChannel(provider, key, hooks);
    guardPeers(provider, hooks);
  });

  return () => {
    disposed = true;
    provider.off('peers', onPeers);
    if (guardedRooms.get(roomName) === entry) guardedRooms.delete(roomName);
  };
}

/** Wraps the provider's signaling connections (call again after `provider.connect()`). */
export function guardSignaling(provider: WebrtcProvider): void {
  for (const conn of internals(provider).signalingConns) wrapSignalingConn(conn);
}

function wrapSignalingConn(conn: SignalingConnInternals): void {
  if (wrappedConns.has(conn)) return;
  const listeners = conn._observers?.get('message');
  if (!listeners) return;
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
        if (probe.kind === 'wrong-key') entry.hooks.onWrongPassword();
        if (probe.kind !== 'ok') return;
        if (await answeredAnnounce(entry, conn, probe.plain, key)) return;
        original(...args);
      })
      .catch(() => {});
  });
  conn._observers.set('message', new Set(wrapped));
}

/**
 * Glare avoidance. y-webrtc makes every peer that hears an `announce` start a connection, so two
 * peers joining at the same moment both send offers; on Node's WebRTC (and older browsers) the
 * crossed offers fail and neither retries. Here only the peer with the smaller id starts: a
 * larger one drops the announce and answers with an announce addressed to the newcomer, which
 * then connects to it. (A stock y-webrtc peer still connects to us as usual.)
 */
async function answeredAnnounce(
  entry: RoomEntry,
  conn: SignalingConnInternals,
  plain: Uint8Array,
  key: CryptoKey,
): Promise<boolean> {
  let data: unknown;
  try {
    data = decoding.readAny(decoding.createDecoder(plain));
  } catch {
    return false;
  }
  const d = data as { type?: unknown; from?: unknown; to?: unknown } | null;
  const room = internals(entry.provider).room;
  if (!room || !d || d.type !== 'announce' || typeof d.from !== 'string' || d.to !== undefined)
    return false;
  if (d.from === room.peerId || room.webrtcConns.has(d.from) || room.peerId < d.from) return false;
  const sealed = await sealSignalingData({ type: 'announce', from: room.peerId, to: d.from }, key);
  if (conn.connected)
    (conn as unknown as { send(m: unknown): void }).send({
      type: 'publish',
      topic: room.name,
      data: sealed,
    });
  return true;
}

function guardPeers(provider: WebrtcProvider, hooks: GuardHooks): void {
  const room = internals(provider).room;
  if (!room) return;
  for (const conn of room.webrtcConns.values()) {
    wrapPeer(conn.peer, conn.remotePeerId, hooks);
  }
}

function wrapPeer(peer: PeerInternals, peerId: string, hooks: GuardHooks): void {
  if (!peer || wrappedPeers.has(peer) || typeof peer._onChannelMessage !== 'function') return;
  wrappedPeers.add(peer);
  const original = peer._onChannelMessage;
  const frames = new FrameAssembler();
  peer._onChannelMessage = function (this: PeerInternals, event: { data: unknown }) {
    const bytes = toBytes(event.data);
    if (!bytes) {
      hooks.onRejected('Rejected a message from a peer: it was not binary.', peerId);
      return;
    }
    const assembled = frames.push(bytes);
    if (assembled.kind === 'pending') return;
    if (assembled.kind === 'invalid') {
      hooks.onRejected(assembled.reason, peerId);
      return;
    }
    const message = assembled.message;
    // Structural checks only on the live path (see validateUpdate's cost model).
    const verdict = checkPeerMessage(hooks.doc, message, { scratchAboveBytes: Infinity });
    if (!verdict.ok) {
      hooks.onRejected(verdict.reason, peerId);
      return;
    }
    hooks.onAccepted?.(peerId, message);
    original.call(this, message === bytes ? event : { data: message });
  };
  // Outgoing: large sync messages leave in frames (see chunking.ts), paced so the channel's
  // send buffer never holds more than SEND_BUFFER_BYTES; later messages queue behind them.
  if (typeof peer.send === 'function') {
    const send = peer.send.bind(peer);
    const queue: Uint8Array[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      while (queue.length > 0) {
        if ((peer._channel?.bufferedAmount ?? 0) > SEND_BUFFER_BYTES) {
          timer = setTimeout(flush, 5);
          return;
        }
        try {
          send(queue.shift()!);
        } catch {
          queue.length = 0; // the connection is closing; y-webrtc reconnects and re-syncs
        }
      }
    };
    peer.send = (data: Uint8Array) => {
      const frames = toFrames(data);
      if (frames.length === 1 && queue.length === 0) return send(data);
      queue.push(...frames);
      if (!timer) flush();
    };
  }
}

function guardBroadcastChannel(
  provider: WebrtcProvider,
  key: CryptoKey | null,
  hooks: GuardHooks,
): void {
  const room = internals(provider).room;
  if (!room || typeof room._bcSubscriber !== 'function') return;
  const original = room._bcSubscriber;
  // lib0 also hands a tab its own broadcasts (origin null); only other tabs' are checked.
  const wrapped = (data: ArrayBuffer, origin?: unknown): void => {
    if (origin !== 'broadcastchannel') {
      original(data);
      return;
    }
    void (async () => {
      const bytes = new Uint8Array(data);
      let plain: Uint8Array = bytes;
      if (key) {
        const probe = await probeRoomMessage(bytes, key);
        if (probe.kind === 'wrong-key') return hooks.onWrongPassword();
        if (probe.kind === 'garbled') return;
        plain = probe.plain;
      }
      const verdict = checkPeerMessage(hooks.doc, plain);
      if (!verdict.ok) return hooks.onRejected(verdict.reason, null);
      hooks.onAccepted?.(null, plain);
      original(data);
    })();
  };
  room._bcSubscriber = wrapped;
  if (room.bcconnected) {
    bc.unsubscribe(room.name, original as (data: unknown) => void);
    bc.subscribe(room.name, wrapped as (data: unknown) => void);
  }
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
