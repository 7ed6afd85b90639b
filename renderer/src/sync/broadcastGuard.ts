import * as bc from 'lib0/broadcastchannel';
import type { Doc } from 'yjs';
import type { WebrtcProvider } from 'y-webrtc';
import { isCopyOfKnownUpdate } from '../../../shared/sync/knownUpdate';
import { checkPeerMessage } from '../../../shared/sync/peerMessage';
import { SyncType, syncTypeOf } from '../../../shared/sync/messageTypes';
import { createResync } from './resync';
import { probeRoomMessage, sealRoomMessage } from './roomCrypto';
import { internals } from './ywebrtcInternals';

export interface BroadcastHooks {
  doc: Doc;
  onRejected(reason: string, peerId: null): void;
  onWrongPassword(): void;
  onAccepted?(peerId: null, message: Uint8Array): void;
}

/**
 * The BroadcastChannel between tabs of one browser: other tabs' messages are decrypted and
 * checked like a peer's. A refused one starts a re-sync with the other tabs, as with a peer:
 * our sync step 1 goes out on the channel and their answers bring what we lack. Returns false
 * when the room lacks the subscriber this wraps.
 */
export function guardBroadcastChannel(
  provider: WebrtcProvider,
  key: CryptoKey | null,
  hooks: BroadcastHooks,
): boolean {
  const room = internals(provider).room;
  if (!room || typeof room._bcSubscriber !== 'function') return false;
  const original = room._bcSubscriber;
  const roomName = room.name;
  // Sealed like y-webrtc's own broadcasts; sent like them (lib0 also hands it back to this
  // tab, where the wrapper below drops it).
  const resync = createResync(hooks.doc, (message) => {
    void (key ? sealRoomMessage(message, key) : Promise.resolve(message)).then((data) =>
      bc.publish(roomName, data),
    );
  });
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
      // Another tab relays each update it applies, one we often have already (from a peer).
      if (isCopyOfKnownUpdate(hooks.doc, plain)) return;
      const verdict = checkPeerMessage(hooks.doc, plain);
      if (!verdict.ok) {
        hooks.onRejected(verdict.reason, null);
        return resync.request();
      }
      if (syncTypeOf(plain) === SyncType.STEP2) resync.reset();
      hooks.onAccepted?.(null, plain);
      original(data);
    })();
  };
  room._bcSubscriber = wrapped;
  // Subscribed while the provider is connected (y-webrtc subscribes as it connects the room).
  // Not `room.bcconnected`: that only says whether updates are sent to other tabs
  // (quietBroadcast.ts keeps it off while no other tab is open).
  if (provider.connected) {
    bc.unsubscribe(room.name, original as (data: unknown) => void);
    bc.subscribe(room.name, wrapped as (data: unknown) => void);
  }
  return true;
}
