import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import { initWorkspace } from '../../../shared/model';
import { checkPeerMessage } from '../../../shared/sync/peerMessage';

function syncMessage(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e);
  return encoding.toUint8Array(e);
}

describe('checkPeerMessage', () => {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour Label' });

  it('lets the sync handshake and real updates through', () => {
    const peer = new Y.Doc();
    peer.getMap('meta').set('name', 'Renamed');
    expect(
      checkPeerMessage(
        doc,
        syncMessage((e) => syncProtocol.writeSyncStep1(e, peer)),
      ),
    ).toEqual({ ok: true });
    expect(
      checkPeerMessage(
        doc,
        syncMessage((e) => syncProtocol.writeSyncStep2(e, peer)),
      ),
    ).toEqual({ ok: true });
    const update = Y.encodeStateAsUpdate(peer);
    expect(
      checkPeerMessage(
        doc,
        syncMessage((e) => syncProtocol.writeUpdate(e, update)),
      ),
    ).toEqual({ ok: true });
  });

  it('refuses an update to an unknown part of the document', () => {
    const peer = new Y.Doc();
    peer.getMap('evil').set('x', 1);
    const msg = syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(peer)));
    expect(checkPeerMessage(doc, msg).ok).toBe(false);
  });

  it('lets presence through and refuses garbled presence', () => {
    const peer = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(peer);
    awareness.setLocalState({ user: { name: 'Ines', colour: '#0f766e' } });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      awarenessProtocol.encodeAwarenessUpdate(awareness, [peer.clientID]),
    );
    const msg = encoding.toUint8Array(e);
    expect(checkPeerMessage(doc, msg)).toEqual({ ok: true });
    expect(checkPeerMessage(doc, msg.subarray(0, msg.length - 4)).ok).toBe(false);
  });

  it('refuses unknown message types and empty messages without throwing', () => {
    expect(checkPeerMessage(doc, new Uint8Array([9, 1, 2])).ok).toBe(false);
    expect(checkPeerMessage(doc, new Uint8Array([])).ok).toBe(false);
    expect(checkPeerMessage(doc, new Uint8Array([0, 7, 0])).ok).toBe(false);
  });
});
