import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncType } from './messageTypes';
import { validateUpdate, type UpdateCheck, type ValidateOptions } from './validateUpdate';

/** Awareness states are small: a name, a colour, what is open. */
export const MAX_AWARENESS_STATE_CHARS = 16 * 1024;

/**
 * Checks one message received from a peer before y-webrtc reads it: sync messages carry a Yjs
 * update that must pass `validateUpdate`; awareness must decode to JSON objects; unknown types
 * are refused. Never throws; a rejected message is dropped and the reason logged.
 */
export function checkPeerMessage(
  doc: Y.Doc,
  message: Uint8Array,
  opts?: ValidateOptions,
): UpdateCheck {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.SYNC:
        return checkSync(doc, decoder, opts);
      case MessageType.AWARENESS:
        return checkAwareness(decoding.readVarUint8Array(decoder));
      case MessageType.QUERY_AWARENESS:
        return { ok: true };
      case MessageType.BC_PEER_ID:
        decoding.readUint8(decoder);
        decoding.readVarString(decoder);
        return { ok: true };
      default:
        return refuse(`unknown message type ${type}`);
    }
  } catch {
    return refuse('the message is cut short or garbled');
  }
}

/** The Yjs update a sync `UPDATE` message carries, or null for any other message. */
export function updateOf(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.SYNC) return null;
    if (decoding.readVarUint(decoder) !== SyncType.UPDATE) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}

function checkSync(doc: Y.Doc, decoder: decoding.Decoder, opts?: ValidateOptions): UpdateCheck {
  const sub = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (sub === SyncType.STEP1) {
    Y.decodeStateVector(payload);
    return { ok: true };
  }
  if (sub === SyncType.STEP2 || sub === SyncType.UPDATE) return validateUpdate(doc, payload, opts);
  return refuse(`unknown sync message ${sub}`);
}

function checkAwareness(update: Uint8Array): UpdateCheck {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_CHARS) return refuse('a presence state is too large');
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      return refuse('a presence state is not an object');
    }
  }
  return { ok: true };
}

function refuse(reason: string): UpdateCheck {
  return { ok: false, reason: `Rejected a message from a peer: ${reason}.` };
}
