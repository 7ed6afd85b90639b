import type { Doc } from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { writeSyncStep2 } from 'y-protocols/sync';
import { isCopyOfKnownUpdate } from '../../../shared/sync/knownUpdate';
import { checkPeerMessage } from '../../../shared/sync/peerMessage';
import { MessageType, SyncType, syncTypeOf } from '../../../shared/sync/messageTypes';
import { isEchoTo, receivingFrom } from './echo';
import { CHUNK_BYTES, FrameAssembler, toFrames } from './framing';
import { SendPacer } from './pacing';
import { createResync } from './resync';
import { timing } from './timing';
import { storeInternals, type PeerInternals } from './ywebrtcInternals';

/** What a peer connection reports to its workspace. */
export interface PeerChannelHooks {
  doc: Doc;
  /** A message from a peer was refused (damaged or hostile); a re-sync with it follows. */
  onRejected(reason: string, peerId: string | null): void;
  /** A message from a peer passed the checks (called once y-webrtc has read it). */
  onAccepted?(peerId: string | null, message: Uint8Array): void;
  /** The peer cannot receive this workspace (once per peer); `reason` for the log. */
  onPeerCannotReceive?(peerId: string, reason: string): void;
}

// How long a large catch-up waits for the peer's sync step 1 that usually follows it.
const STEP1_WAIT_MS = 50;
// Chromium's SCTP max-message-size, when the connection does not tell.
const DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * Installs Cadence's handling on one simple-peer connection (`conn.peer` of y-webrtc), on the
 * path every incoming message takes before y-webrtc reads it and every outgoing one after:
 *
 * - incoming: frames are put back together (framing.ts), empty messages are ignored (a plain
 *   y-webrtc peer answers every frame with one), each message is checked (`checkPeerMessage`);
 *   a refused one is dropped, reported, and answered with our sync step 1 so the peer sends
 *   what we lack (two copies that drifted apart agree again, no reconnect);
 * - outgoing: large messages leave in frames, paced (pacing.ts); the echo of a peer's own
 *   update is not sent back (echo.ts); a peer that cannot read frames gets whole messages when
 *   they fit its channel, or is reported once.
 *
 * Returns false (and changes nothing) when the peer lacks a member this relies on.
 */
export function wrapPeer(peer: PeerInternals, peerId: string, hooks: PeerChannelHooks): boolean {
  const original = peer._onChannelMessage;
  const rawSend = peer.send;
  if (typeof original !== 'function' || typeof rawSend !== 'function') return false;
  const send = rawSend.bind(peer);
  const doc = hooks.doc;
  const frames = new FrameAssembler();
  // Incoming messages held back while frames of ours wait to leave, or for the peer's step 1.
  const incoming: Uint8Array[] = [];
  let holdTimer: unknown = null;
  let heardStep1 = false;
  let holdUntil = 0;
  let peerState: Uint8Array | null = null; // the state vector of the peer's last step 1
  let sentFrames = false;
  let readsFrames = true;
  let reportedCannotReceive = false;

  const resyncer = createResync(doc, (message) => {
    try {
      send(message);
    } catch {
      // closing: y-webrtc syncs again when it reconnects
    }
  });
  const resync = (): void => resyncer.request();

  // `event`: the channel's own event when it carried the whole message, handed on as it came
  // (simple-peer wraps an ArrayBuffer without copying it).
  const deliver = (message: Uint8Array, event?: { data: unknown }): void => {
    // A relayed copy of an update this document already holds (each edit reaches every peer
    // once from its author and once more through each other peer): nothing to check or apply.
    if (isCopyOfKnownUpdate(doc, message)) return;
    // Structural checks only on the live path (see validateUpdate's cost model).
    const verdict = checkPeerMessage(doc, message, { scratchAboveBytes: Infinity });
    if (!verdict.ok) {
      hooks.onRejected(verdict.reason, peerId);
      resync();
      return;
    }
    const sync = syncTypeOf(message);
    if (sync === SyncType.STEP1) peerState = readStateVector(message);
    if (sync === SyncType.STEP2) resyncer.reset();
    const store = storeInternals(doc);
    const echoable = sync !== null && store.pendingStructs === null && store.pendingDs === null;
    try {
      receivingFrom(peer, echoable, () => original.call(peer, event ?? { data: message }));
    } finally {
      // Bookkeeping (last synced, unsent marks) after the change is visible, not before.
      hooks.onAccepted?.(peerId, message);
    }
  };

  const pacer = new SendPacer(
    send,
    () => peer._channel,
    () => drainIncoming(),
  );

  // Checking and applying a large message blocks this thread for a while; frames of ours
  // still waiting to leave go first, or the peer would wait for them until we are done (both
  // sides catching up at once would take turns instead).
  const drainIncoming = (): void => {
    while (incoming.length > 0 && !pacer.busy) {
      if (!heardStep1 && timing.now() < holdUntil) {
        holdTimer ??= timing.setTimeout(() => {
          holdTimer = null;
          drainIncoming();
        }, holdUntil - timing.now());
        return;
      }
      deliver(incoming.shift()!); // may queue frames of an answer
    }
  };

  peer._onChannelMessage = function (this: PeerInternals, event: { data: unknown }) {
    const bytes = toBytes(event.data);
    if (!bytes) {
      hooks.onRejected('Rejected a message from a peer: it was not binary.', peerId);
      return;
    }
    if (bytes.byteLength === 0) {
      // A plain y-webrtc peer answers each message type it does not know (our frames) with an
      // empty message. Nothing to read; it tells us the peer cannot read frames.
      if (sentFrames && readsFrames) cannotReadFrames();
      return;
    }
    const assembled = frames.push(bytes);
    if (assembled.kind === 'pending') return;
    if (assembled.kind === 'invalid') {
      hooks.onRejected(assembled.reason, peerId);
      resync();
      return;
    }
    const message = assembled.message;
    const whole = message === bytes ? event : undefined;
    const sync = syncTypeOf(message);
    if (sync === SyncType.STEP1) {
      // The peer's request for our changes is answered at once, ahead of anything queued: the
      // answer does not depend on what is waiting, and it travels while we apply its catch-up.
      heardStep1 = true;
      deliver(message, whole);
      drainIncoming(); // a catch-up held for this request goes on
    } else if (pacer.busy || incoming.length > 0) incoming.push(message);
    else if (!heardStep1 && sync === SyncType.STEP2 && message.byteLength > CHUNK_BYTES) {
      // A large catch-up before the peer asked for ours: its request is usually right behind.
      incoming.push(message);
      holdUntil = timing.now() + STEP1_WAIT_MS;
      drainIncoming();
    } else deliver(message, whole);
  };

  // A peer that cannot read frames gets what it lacks in one message, if its channel takes it.
  const cannotReadFrames = (): void => {
    readsFrames = false;
    const catchUp = encoding.createEncoder();
    encoding.writeVarUint(catchUp, MessageType.SYNC);
    writeSyncStep2(catchUp, doc, peerState ?? undefined);
    sendWhole(encoding.toUint8Array(catchUp));
  };

  const sendWhole = (data: Uint8Array): void => {
    const limit = peer._pc?.sctp?.maxMessageSize || DEFAULT_MAX_MESSAGE_BYTES;
    if (data.byteLength <= limit) {
      try {
        send(data);
      } catch {
        // closing
      }
      return;
    }
    if (reportedCannotReceive) return;
    reportedCannotReceive = true;
    hooks.onPeerCannotReceive?.(
      peerId,
      `its app cannot read Cadence's framed messages and this workspace (${data.byteLength} bytes) is larger than its connection takes (${limit} bytes)`,
    );
  };

  peer.send = (data: Uint8Array) => {
    // The first update this peer's own message produced is the echo of it: not sent back.
    if (isEchoTo(peer, data)) return;
    if (data.byteLength <= CHUNK_BYTES) {
      // Our own request for the peer's changes (sync step 1, a few bytes) does not wait behind
      // a catch-up still leaving in frames: y-webrtc sends it when the connection opens, which
      // can come after it already answered the peer's request. (The peer's frame assembler
      // lets a whole message pass between two frames.)
      if (!pacer.busy || syncTypeOf(data) === SyncType.STEP1) return send(data);
      return pacer.enqueue([data]);
    }
    if (!readsFrames) return sendWhole(data);
    sentFrames = true;
    pacer.enqueue(toFrames(data));
  };
  return true;
}

function readStateVector(message: Uint8Array): Uint8Array | null {
  try {
    const d = decoding.createDecoder(message);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    return decoding.readVarUint8Array(d);
  } catch {
    return null;
  }
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
