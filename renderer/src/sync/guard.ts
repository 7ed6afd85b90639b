import type { Doc } from 'yjs';
import type { WebrtcProvider } from 'y-webrtc';
import { guardBroadcastChannel } from './broadcastGuard';
import { noteUpdate } from './echo';
import { wrapPeer } from './peerChannel';
import { guardSignaling, registerSignalingRoom } from './signalingGuard';
import { internals, missingInternals } from './ywebrtcInternals';

/**
 * Where incoming traffic is checked. y-webrtc applies peer messages to the document itself
 * (through y-protocols), so the guard sits in front of it at the three places data enters:
 *
 * - each WebRTC data channel (peerChannel.ts): framing, the message check, re-sync after a
 *   refusal, echo suppression, paced sending;
 * - the signaling connection (signalingGuard.ts): room messages are decrypted with the room
 *   key first, and glare is avoided (glare.ts);
 * - the BroadcastChannel between tabs of one browser (broadcastGuard.ts).
 *
 * Every y-webrtc/simple-peer member this touches is named in ywebrtcInternals.ts and checked
 * first: when one is missing, `onUnavailable` is called and nothing is half-installed.
 */
export interface GuardHooks {
  doc: Doc;
  /** A message from a peer was refused (damaged or hostile). */
  onRejected(reason: string, peerId: string | null): void;
  /** Someone in the room uses another password. */
  onWrongPassword(): void;
  /** A message from a peer passed the checks (called once y-webrtc has read it). */
  onAccepted?(peerId: string | null, message: Uint8Array): void;
  /** A peer cannot receive this workspace (its app cannot read it); once per peer. */
  onPeerCannotReceive?(peerId: string, reason: string): void;
  /** y-webrtc's internals are not what the guard needs: sync must stay off. */
  onUnavailable(missing: string[]): void;
}

/** Installs the guard on a provider; returns a function that removes it. */
export function guardProvider(
  provider: WebrtcProvider,
  roomName: string,
  hooks: GuardHooks,
): () => void {
  let disposed = false;
  const fail = (missing: string[]): void => {
    if (disposed) return;
    disposed = true;
    cleanup();
    hooks.onUnavailable(missing);
  };
  const p = internals(provider);
  const missing = missingInternals(provider, hooks.doc);
  const unregister = registerSignalingRoom(roomName, {
    key: p.key,
    provider,
    onWrongPassword: hooks.onWrongPassword,
  });
  const wrappedPeers = new WeakSet<object>();
  const onPeers = (): void => {
    const room = internals(provider).room;
    if (!room || disposed) return;
    for (const conn of room.webrtcConns.values()) {
      if (wrappedPeers.has(conn.peer)) continue;
      const lacking = missingInternals(provider, hooks.doc);
      if (lacking.length > 0 || !wrapPeer(conn.peer, conn.remotePeerId, hooks)) {
        return fail(lacking.length > 0 ? lacking : ['peer._onChannelMessage']);
      }
      wrappedPeers.add(conn.peer);
    }
  };
  // Registered before y-webrtc's room exists, so it runs before y-webrtc's own update handler.
  const onUpdate = (_update: Uint8Array, origin: unknown): void =>
    noteUpdate(origin, internals(provider).room);
  const cleanup = (): void => {
    provider.off('peers', onPeers);
    hooks.doc.off('update', onUpdate);
    unregister();
  };
  hooks.doc.on('update', onUpdate);
  provider.on('peers', onPeers);
  if (missing.length > 0) {
    // Reported after the caller has the returned handle.
    queueMicrotask(() => fail(missing));
    return () => {
      disposed = true;
      cleanup();
    };
  }
  const unguardedConns = guardSignaling(provider);
  if (unguardedConns.length > 0) queueMicrotask(() => fail(['signalingConn._observers.message']));

  void Promise.resolve(p.key).then((key) => {
    if (disposed) return;
    const lacking = missingInternals(provider, hooks.doc);
    if (lacking.length > 0) return fail(lacking);
    if (!guardBroadcastChannel(provider, key, hooks)) return fail(['room._bcSubscriber']);
    onPeers();
  });

  return () => {
    disposed = true;
    cleanup();
  };
}
