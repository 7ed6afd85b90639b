import * as decoding from 'lib0/decoding';
import type * as Y from 'yjs';
import { checkPeerMessage } from './peerMessage';
import type { UpdateCheck, ValidateOptions } from './validateUpdate';

// Hocuspocus framing (@hocuspocus/common): varString document name, varUint type, payload.
// Sync (0) and awareness (1) carry the same payload as y-webrtc's messages of those types;
// SyncReply (4) is a sync message too (server to server, through Redis).
const SYNC = 0;
const AWARENESS = 1;
const SYNC_REPLY = 4;
// Types without document content: auth, query awareness, stateless, broadcast, close, status.
const CONTENT_FREE = new Set([2, 3, 5, 6, 7, 8]);

/** A team-server message's document name, or null if the bytes do not start with one. */
export function serverMessageDocument(message: Uint8Array): string | null {
  try {
    return decoding.readVarString(decoding.createDecoder(message));
  } catch {
    return null;
  }
}

/** A team-server message's type (0 sync, 1 presence, 2 auth, …), or null if garbled. */
export function serverMessageType(message: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder);
  } catch {
    return null;
  }
}

/**
 * Checks one Hocuspocus message before it reaches a document: sync content must pass
 * `validateUpdate` and presence must be well formed, exactly as for a message from a peer
 * (`checkPeerMessage`). Used by the app on what the team server sends and by the team server
 * on what clients send. Never throws.
 */
export function checkServerMessage(
  doc: Y.Doc,
  message: Uint8Array,
  opts?: ValidateOptions,
  source = 'the team server',
): UpdateCheck {
  let typeStart: number;
  let type: number;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    typeStart = decoder.pos;
    type = decoding.readVarUint(decoder);
  } catch {
    return refuse(source, 'the message is cut short or garbled');
  }
  if (CONTENT_FREE.has(type)) return { ok: true };
  if (type !== SYNC && type !== AWARENESS && type !== SYNC_REPLY)
    return refuse(source, `unknown message type ${type}`);
  // The type is one byte (< 128), so from it on the bytes are a y-webrtc style message.
  let inner = message.subarray(typeStart);
  if (type === SYNC_REPLY) {
    inner = inner.slice();
    inner[0] = SYNC;
  }
  const verdict = checkPeerMessage(doc, inner, opts);
  return verdict.ok
    ? verdict
    : { ok: false, reason: verdict.reason.replace('from a peer', `from ${source}`) };
}

function refuse(source: string, reason: string): UpdateCheck {
  return { ok: false, reason: `Rejected a message from ${source}: ${reason}.` };
}
