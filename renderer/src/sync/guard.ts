import * as bc from 'lib0/broadcastchannel';
import type { Doc } from 'yjs';
import type { WebrtcProvider } from 'y-webrtc';
import { checkPeerMessage } from '../../../shared/sync/peerMessage';
import * as decoding from 'lib0/decoding';
import { CHUNK_BYTES, FrameAssembler, toFrames } from './chunking';
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
  /** A message from a peer passed the checks (called once y-webrtc has read it). */
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
// At most this much (two frames) is handed to the channel at once, then the next burst a tick
// later: the channel accepts a whole catch-up at once, and WebRTC bursting it out lost packets
// on a busy machine and stalled for 0.6–3 s on retransmission; 64 KiB bursts of 60 KiB frames
// still did now and then (measured by `npm run bench -- sync`).
const BURST_BYTES = 32 * 1024;
// How long a large catch-up waits for the peer's sync step 1 that usually follows it.
const STEP1_WAIT_MS = 50;
// Echo suppression: `receiving` is the peer whose sync message y-webrtc is reading right now;
// `echoTo` is set when that message's own transaction (origin: the room) emits its update.
let receiving: PeerInternals | null = null;
let echoTo: PeerInternals | null = null;

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
  // Registered before y-webrtc's room exists, so it runs before y-webrtc's own update handler.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    echoTo = receiving && origin !== null && origin === p.room ? receiving : null;
  };
  hooks.doc.on('update', onUpdate);
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
    hooks.doc.off('update', onUpdate);
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
        if (!stillListening(entry, conn)) return;
        if (await answeredAnnounce(entry, conn, probe.plain, key)) return;
        if (!stillListening(entry, conn)) return;
        original(...args);
      })
      .catch(() => {});
  });
  conn._observers.set('message', new Set(wrapped));
}

/**
 * A message decrypted after we went offline (or through a signaling connection we have since
 * replaced) is dropped: y-webrtc would still act on it, and an announce or signal then starts
 * a connection whose offer can never leave. That dead connection blocks the peer's next
 * announce until the watchdog removes it, 8–10 s after coming back online.
 */
function stillListening(entry: RoomEntry, conn: SignalingConnInternals): boolean {
  return entry.provider.connected && internals(entry.provider).signalingConns.includes(conn);
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
  // Outgoing frames not yet handed to the channel, and incoming messages held back meanwhile.
  const outgoing: Uint8Array[] = [];
  const incoming: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let heardStep1 = false;
  let holdUntil = 0;

  // `event`: the channel's own event when it carried the whole message, handed on as it came
  // (simple-peer wraps an ArrayBuffer without copying it).
  const deliver = (message: Uint8Array, event?: { data: unknown }): void => {
    // Structural checks only on the live path (see validateUpdate's cost model).
    const verdict = checkPeerMessage(hooks.doc, message, { scratchAboveBytes: Infinity });
    if (!verdict.ok) {
      hooks.onRejected(verdict.reason, peerId);
      return;
    }
    // y-webrtc re-broadcasts every update it applies, to every peer including the one it came
    // from; that echo is skipped (see `peer.send` below) when it can only hold the peer's own
    // content: nothing was parked as pending, which an incoming update could complete.
    const store = hooks.doc.store;
    receiving =
      message[0] === 0 && store.pendingStructs === null && store.pendingDs === null ? peer : null;
    try {
      original.call(peer, event ?? { data: message });
    } finally {
      receiving = null;
      echoTo = null;
      // Bookkeeping (last synced, unsent marks) after the change is visible, not before.
      hooks.onAccepted?.(peerId, message);
    }
  };

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
    // Checking and applying a large message blocks this thread for a while; frames of ours
    // still waiting for room in the send buffer go first, or the peer would wait for them
    // until we are done (both sides catching up at once would take turns instead).
    const message = assembled.message;
    const isStep1 = message[0] === 0 && message[1] === 0;
    if (isStep1) heardStep1 = true;
    // The peer's request for our changes is answered at once, ahead of anything queued: the
    // answer does not depend on what is waiting, and it can travel while we apply the peer's
    // catch-up.
    const whole = message === bytes ? event : undefined;
    if (isStep1) deliver(message, whole);
    else if (outgoing.length > 0 || incoming.length > 0) incoming.push(message);
    else if (
      !heardStep1 &&
      message[0] === 0 &&
      message[1] === 1 &&
      message.byteLength > CHUNK_BYTES
    ) {
      // A large catch-up before the peer asked for ours: its request is usually right behind.
      incoming.push(message);
      holdUntil = performance.now() + STEP1_WAIT_MS;
      timer ??= setTimeout(flush, 2);
    } else deliver(message, whole);
  };

  // Outgoing: large sync messages leave in frames (see chunking.ts), paced: bursts of at most
  // BURST_BYTES, and the channel's send buffer never holds more than SEND_BUFFER_BYTES; later
  // messages queue behind them.
  if (typeof peer.send !== 'function') return;
  const send = peer.send.bind(peer);
  let flushing = false;
  const flush = (): void => {
    timer = null;
    flushing = true;
    let burst = 0;
    try {
      while (outgoing.length > 0 || incoming.length > 0) {
        if (outgoing.length === 0) {
          if (!heardStep1 && performance.now() < holdUntil) break;
          deliver(incoming.shift()!); // may queue new frames
          continue;
        }
        if (burst >= BURST_BYTES || (peer._channel?.bufferedAmount ?? 0) > SEND_BUFFER_BYTES) break;
        try {
          const frame = outgoing.shift()!;
          burst += frame.byteLength;
          send(frame);
        } catch {
          outgoing.length = 0; // the connection is closing; y-webrtc reconnects and re-syncs
        }
      }
    } finally {
      flushing = false;
      // Next burst, waiting for the send buffer to drain, or a message that threw: shortly.
      if (outgoing.length > 0 || incoming.length > 0) timer ??= setTimeout(flush, 2);
    }
  };
  peer.send = (data: Uint8Array) => {
    // The first update this peer's own message produced is the echo of it: not sent back.
    if (echoTo === peer && data[0] === 0 && data[1] === 2) {
      echoTo = null;
      return;
    }
    const small = data.byteLength <= CHUNK_BYTES;
    // Our own request for the peer's changes (sync step 1, a few bytes) does not wait behind a
    // catch-up still leaving in frames: y-webrtc sends it when the connection opens, which can
    // come after it already answered the peer's request. (The peer's frame assembler lets a
    // whole message pass between two frames.)
    if (small && (outgoing.length === 0 || (data[0] === 0 && data[1] === 0))) return send(data);
    outgoing.push(...toFrames(data));
    if (!timer && !flushing) flush();
  };
}

function guardBroadcastChannel(
  provider: WebrtcProvider,
  key: CryptoKey | null,
  hooks: GuardHooks,
): void {
  const room = internals(provider).room;
  if (!room || typeof room._bcSubscriber !== 'function') return;
  const original = room._bcSubscriber;
  // lib0 also hands a tab its own broadcasts (origin null): y-webrtc would decrypt and apply
  // them again, its whole document on every connect (a sync step 2 to the other tabs) and each
  // update after it was sent. Only one room per name exists in a tab, so they are dropped.
  const wrapped = (data: ArrayBuffer, origin?: unknown): void => {
    if (origin !== 'broadcastchannel') return;
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
