import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebrtcProvider } from 'y-webrtc';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDrop,
  initWorkspace,
  readBoard,
  readStages,
  updateDrop,
  type DropId,
} from '../../../shared/model';
import { newSyncSettings } from '../../../shared/sync/settings';
import { guardProvider } from '../../../renderer/src/sync/guard';
import { WorkspaceSync } from '../../../renderer/src/sync/WorkspaceSync';
import { internals } from '../../../renderer/src/sync/ywebrtcInternals';

// "No echo": y-webrtc re-broadcasts every update it applies to every connected peer, the one
// it came from included. The guard holds back that copy for the sender (it already has every
// struct in it) and still relays it to the other peers. These tests run y-webrtc's real room
// (its broadcast on document updates) with two stand-in data channels, no network.

const SYNC = 0;
const SYNC_UPDATE = 2;

/** Stands in for simple-peer: what arrives goes to `_onChannelMessage`, what leaves is kept. */
class FakePeer {
  readonly sent: Uint8Array[] = [];
  readonly _channel = { bufferedAmount: 0 };
  readonly _pc = {};
  destroy(): void {}
  constructor(
    private readonly doc: Y.Doc,
    private readonly room: unknown,
  ) {}

  // What y-webrtc does with a sync message from a peer: y-protocols applies it, with the room
  // as the transaction's origin.
  _onChannelMessage(event: { data: Uint8Array }): void {
    const decoder = decoding.createDecoder(event.data);
    if (decoding.readVarUint(decoder) !== SYNC) return;
    const reply = encoding.createEncoder();
    syncProtocol.readSyncMessage(decoder, reply, this.doc, this.room);
  }

  send(data: Uint8Array): void {
    this.sent.push(data);
  }

  /** The updates sent to this peer. */
  updates(): Uint8Array[] {
    return this.sent.flatMap((m) => {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) !== SYNC || decoding.readVarUint(d) !== SYNC_UPDATE) return [];
      return [decoding.readVarUint8Array(d)];
    });
  }
}

function message(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Edits made on a copy of `base`, as the update that copy would send. */
function editOn(base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const copy = clone(base);
  const sv = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, sv);
}

const titles = (doc: Y.Doc) => readBoard(doc).flatMap((c) => c.drops.map((d) => d.title));

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

/** Our workspace in a real y-webrtc room, guarded, with peers Ines and Theo connected. */
async function room(): Promise<{ doc: Y.Doc; ines: FakePeer; theo: FakePeer; rejected: string[] }> {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour Label', now: 0 });
  createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Linen on the harbour wall' }, 0);
  const { room: name, password } = newSyncSettings();
  const provider = new WebrtcProvider(name, doc, { signaling: [], password });
  const rejected: string[] = [];
  const unguard = guardProvider(provider, name, {
    doc,
    onRejected: (reason) => rejected.push(reason),
    onWrongPassword: () => rejected.push('wrong password'),
    onUnavailable: (missing) => rejected.push(`missing ${missing.join()}`),
  });
  cleanups.push(() => provider.destroy(), unguard);
  await internals(provider).key;
  await Promise.resolve(); // y-webrtc opens its room when the key is ready
  const yRoom = internals(provider).room!;
  const ines = new FakePeer(doc, yRoom);
  const theo = new FakePeer(doc, yRoom);
  for (const [peerId, peer] of [
    ['ines', ines],
    ['theo', theo],
  ] as const) {
    yRoom.webrtcConns.set(peerId, {
      peer: peer as never,
      remotePeerId: peerId,
      connected: true,
      synced: true,
      destroy: () => {},
    } as never);
  }
  provider.emit('peers', [{ added: ['ines', 'theo'], removed: [], webrtcPeers: [], bcPeers: [] }]);
  return { doc, ines, theo, rejected };
}

describe('guard: no echo of a peer’s update back to it', () => {
  it('applies a peer’s change, relays it to the other peers, and does not send it back', async () => {
    const { doc, ines, theo, rejected } = await room();
    const theoDoc = clone(doc);
    const update = editOn(doc, (d) =>
      createDrop(d, { stageId: readStages(d)[1]!.id, title: 'Café pop-up capsule' }),
    );
    ines._onChannelMessage({ data: message(update) });

    expect(rejected).toEqual([]);
    expect(titles(doc)).toContain('Café pop-up capsule');
    expect(ines.updates()).toEqual([]);
    expect(theo.updates()).toHaveLength(1);
    for (const u of theo.updates()) Y.applyUpdate(theoDoc, u);
    expect(titles(theoDoc)).toContain('Café pop-up capsule');
  });

  it('still sends our own edits to every peer, the one that just sent us something included', async () => {
    const { doc, ines, theo } = await room();
    const update = editOn(doc, (d) =>
      createDrop(d, { stageId: readStages(d)[0]!.id, title: 'Beach shoot' }),
    );
    ines._onChannelMessage({ data: message(update) });
    const inesDoc = clone(doc);
    const id = readBoard(doc)
      .flatMap((c) => c.drops)
      .find((d) => d.title === 'Beach shoot')!.id as DropId;
    updateDrop(doc, id, { title: 'Beach shoot, golden hour' });

    expect(ines.updates()).toHaveLength(1);
    expect(theo.updates()).toHaveLength(2);
    for (const u of ines.updates()) Y.applyUpdate(inesDoc, u);
    expect(titles(inesDoc)).toContain('Beach shoot, golden hour');
  });

  it('sends the update back when it completed content another peer sent earlier', async () => {
    const { doc, ines, theo } = await room();
    // Ines creates a drop; Theo, who already has it, renames it. Theo's rename reaches us
    // first and waits for the drop; Ines's drop then completes it.
    const inesDoc = clone(doc);
    const sv = Y.encodeStateVector(inesDoc);
    const id = createDrop(inesDoc, {
      stageId: readStages(inesDoc)[0]!.id,
      title: 'Close-up detail',
    });
    const fromInes = Y.encodeStateAsUpdate(inesDoc, sv);
    const theoDoc = clone(inesDoc);
    const theoSv = Y.encodeStateVector(theoDoc);
    updateDrop(theoDoc, id, { title: 'Close-up detail, linen' });
    const fromTheo = Y.encodeStateAsUpdate(theoDoc, theoSv);

    theo._onChannelMessage({ data: message(fromTheo) });
    expect(titles(doc)).not.toContain('Close-up detail, linen');
    ines._onChannelMessage({ data: message(fromInes) });
    expect(titles(doc)).toContain('Close-up detail, linen');

    // The update now holds Theo's rename, which Ines does not have: she gets it.
    expect(ines.updates()).toHaveLength(1);
    for (const u of ines.updates()) Y.applyUpdate(inesDoc, u);
    expect(titles(inesDoc)).toContain('Close-up detail, linen');
  });
});

describe('WorkspaceSync: a peer’s change is not one of ours', () => {
  it('is not marked "not yet sent", while our own offline edit is', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour Label', now: 0 });
    const sync = new WorkspaceSync({
      workspaceId: 'w_echo',
      doc,
      settings: { ...newSyncSettings(), enabled: false },
      user: { name: 'Ines', colour: '#0f766e' },
      log: () => {},
    });
    cleanups.push(() => sync.destroy());
    Y.applyUpdate(
      doc,
      editOn(doc, (d) => createDrop(d, { stageId: readStages(d)[0]!.id, title: 'From Theo' })),
      'peer',
    );
    expect(sync.getSnapshot()).toMatchObject({ unsent: false });
    expect(sync.getSnapshot().unsentDropIds.size).toBe(0);

    const id = createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Mine, offline' });
    expect(sync.getSnapshot()).toMatchObject({ unsent: true });
    expect([...sync.getSnapshot().unsentDropIds]).toEqual([id]);
  });
});
