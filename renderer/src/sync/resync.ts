import type { Doc } from 'yjs';
import * as encoding from 'lib0/encoding';
import { writeSyncStep1 } from 'y-protocols/sync';
import { MessageType } from '../../../shared/sync/messageTypes';
import { timing } from './timing';

// Re-syncs after refused messages: the first at once, then at most one per this delay, which
// doubles while the other side keeps sending refused content (a hostile peer cannot make us
// loop). An accepted sync step 2 resets it.
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

export interface Resync {
  /** Sends our sync step 1 (the answer brings what we lack), unless backing off. */
  request(): void;
  /** The other side's sync step 2 was accepted: the next refusal re-syncs at once again. */
  reset(): void;
}

/** Re-sync with one peer (or the other tabs) after a refused message, with back-off. */
export function createResync(doc: Doc, send: (message: Uint8Array) => void): Resync {
  let at = 0;
  let backoff = 0;
  return {
    request() {
      const now = timing.now();
      if (now < at) return;
      backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : FIRST_BACKOFF_MS);
      at = now + backoff;
      send(syncStep1(doc));
    },
    reset() {
      backoff = 0;
    },
  };
}

/** A y-webrtc sync step 1 message: our state vector, asking for what we lack. */
export function syncStep1(doc: Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.SYNC);
  writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}
