import * as bc from 'lib0/broadcastchannel';
import type { Doc } from 'yjs';
import type { WebrtcProvider } from 'y-webrtc';
import { checkPeerMessage } from '../../../shared/sync/peerMessage';
import { probeRoomMessage } from './roomCrypto';
import { internals } from './ywebrtcInternals';

export interface BroadcastHooks {
  doc: Doc;
  onRejected(reason: string, peerId: null): void;
  onWrongPassword(): void;
  onAccepted?(peerId: null, message: Uint8Array): void;
}

/**
 * The BroadcastChannel between tabs of one browser: other tabs' messages are decrypted and
 * checked like a peer's. Returns false when the room lacks the subscriber this wraps.
 */
export function guardBroadcastChannel(
  provider: WebrtcProvider,
  key: CryptoKey | null,
  hooks: BroadcastHooks,
): boolean {
  const room = internals(provider).room;
  if (!room || typeof room._bcSubscriber !== 'function') return false;
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
      if (plain.byteLength === 0) return;
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
  return true;
}
