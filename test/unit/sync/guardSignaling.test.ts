import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newSyncSettings } from '../../../shared/sync/settings';
import { guardProvider } from '../../../renderer/src/sync/guard';
import { guardSignaling } from '../../../renderer/src/sync/signalingGuard';
import { sealSignalingData } from '../../../renderer/src/sync/roomCrypto';
import { internals } from '../../../renderer/src/sync/ywebrtcInternals';

// Signaling messages are decrypted asynchronously before y-webrtc reads them. One that comes
// out of that queue after the workspace went offline must not reach y-webrtc: it would start a
// connection whose offer can never leave, and that dead connection made y-webrtc ignore the
// peer's announces for 8–10 s after coming back online.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0).reverse()) f();
});

/** A guarded room plus a stand-in signaling connection recording what reaches y-webrtc. */
async function room() {
  const { room: name, password } = newSyncSettings();
  const provider = new WebrtcProvider(name, new Y.Doc(), { signaling: [], password });
  const unguard = guardProvider(provider, name, {
    doc: provider.doc,
    onRejected: () => {},
    onWrongPassword: () => {},
    onUnavailable: (missing) => {
      throw new Error(`missing ${missing.join()}`);
    },
  });
  cleanups.push(() => provider.destroy(), unguard);
  const key = (await internals(provider).key)!;
  await Promise.resolve(); // y-webrtc opens its room when the key is ready
  const reached: unknown[] = [];
  const conn = {
    url: 'ws://127.0.0.1:1',
    connected: true,
    _observers: new Map([['message', new Set([(m: unknown) => void reached.push(m)])]]),
    on: () => {},
    off: () => {},
    send: () => {},
    providers: new Set(),
    destroy: () => {},
  };
  internals(provider).signalingConns.push(conn as never);
  guardSignaling(provider);
  const peerId = internals(provider).room!.peerId;
  /** A peer's offer to us, as the endpoint relays it. */
  const offer = async () => ({
    type: 'publish',
    topic: name,
    data: await sealSignalingData(
      { type: 'signal', from: 'a-teammate', to: peerId, signal: { type: 'offer', sdp: 'v=0' } },
      key,
    ),
  });
  const receive = (m: unknown) => {
    for (const listener of conn._observers.get('message')!) listener(m);
  };
  // Positive control: a message for a room nobody guards joins the same ordered queue, so once
  // it reaches y-webrtc every message received before it has been let through or dropped.
  const control = { type: 'publish', topic: 'a-room-nobody-guards', data: 'control' };
  const settle = async () => {
    receive(control);
    await vi.waitFor(() => expect(reached).toContain(control));
    reached.splice(reached.indexOf(control), 1);
  };
  return { provider, conn, reached, offer, receive, settle };
}

describe('guard: signaling after going offline', () => {
  it('hands a peer’s signal to y-webrtc while the workspace is online', async () => {
    const { reached, offer, receive, settle } = await room();
    receive(await offer());
    await settle();
    expect(reached).toHaveLength(1);
  });

  it('drops a signal still being decrypted when the workspace goes offline', async () => {
    const { provider, reached, offer, receive, settle } = await room();
    receive(await offer());
    provider.disconnect();
    await settle();
    expect(reached).toEqual([]);
  });

  it('drops a signal from a signaling connection that was replaced', async () => {
    const { provider, conn, reached, offer, receive, settle } = await room();
    const conns = internals(provider).signalingConns;
    conns.splice(conns.indexOf(conn as never), 1);
    receive(await offer());
    await settle();
    expect(reached).toEqual([]);
  });
});
