import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/**
 * The message types on a y-webrtc data channel, named once. A message is a varUint type, then
 * its payload. The numbers are y-webrtc 10.3's (`messageSync` … `messageBcPeerId`, not
 * exported by it) and y-protocols' sync sub-types; `FRAME` is Cadence's own (see framing.ts).
 */
export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  QUERY_AWARENESS: 3,
  BC_PEER_ID: 4,
  /** A part of a large message, split by Cadence peers (a type y-webrtc does not use). */
  FRAME: 127,
} as const;

/** Sub-types of a `SYNC` message (y-protocols/sync). */
export const SyncType = {
  STEP1: messageYjsSyncStep1,
  STEP2: messageYjsSyncStep2,
  UPDATE: messageYjsUpdate,
} as const;

/** The sync sub-type of a message, or null when it is not a sync message. */
export function syncTypeOf(message: Uint8Array): number | null {
  return message[0] === MessageType.SYNC && message.byteLength > 1 ? message[1]! : null;
}
