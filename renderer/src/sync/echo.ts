import { SyncType, syncTypeOf } from '../../../shared/sync/messageTypes';

/**
 * Echo suppression. y-webrtc re-broadcasts every update it applies to every connected peer,
 * the one it came from included. That copy (for a catch-up: the whole catch-up, checked and
 * applied again by its sender) is not sent back when it can only hold the sender's own
 * content: the update's transaction is y-webrtc's (origin: the room) and nothing was parked as
 * pending before it (a pending struct completed by the update would ride along). It is still
 * relayed to every other peer.
 *
 * `receiving` is the peer whose sync message y-webrtc is reading right now; `echoTo` is set
 * when that message's own transaction emits its update. Delivery is synchronous, so one pair
 * of variables serves every room of the page.
 */
let receiving: object | null = null;
let echoTo: object | null = null;

/** Runs y-webrtc's reading of `peer`'s message; `echoable`: nothing was pending before it. */
export function receivingFrom<T>(peer: object, echoable: boolean, read: () => T): T {
  receiving = echoable ? peer : null;
  try {
    return read();
  } finally {
    receiving = null;
    echoTo = null;
  }
}

/** Call from a document `update` listener registered before y-webrtc's own. */
export function noteUpdate(origin: unknown, room: unknown): void {
  echoTo = receiving && origin !== null && origin === room ? receiving : null;
}

/** True (once) when `data`, about to be sent to `peer`, is the echo of what it just sent us. */
export function isEchoTo(peer: object, data: Uint8Array): boolean {
  if (echoTo !== peer || syncTypeOf(data) !== SyncType.UPDATE) return false;
  echoTo = null;
  return true;
}
