import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDrop,
  initWorkspace,
  readBoard,
  readDrops,
  readStages,
  root,
  updateDrop,
  type DropId,
} from '../../../shared/model';
import * as encoding from 'lib0/encoding';
import { changesNothing } from '../../../shared/sync/knownUpdate';
import { MessageType, SyncType } from '../../../shared/sync/messageTypes';
import { useTiming } from '../../../renderer/src/sync/timing';
import { openPeer, SyncNet, type SyncPeer } from '../../harness/syncNet';
import { Prng } from '../../harness/prng';
import { VirtualClock } from '../../harness/virtualClock';

// In a room of n peers y-webrtc relays each update it applies to all its other peers, so an
// edit reaches every peer n − 1 times. Only the first copy is new: the others are neither
// checked nor applied (`changesNothing`, used by the guard before its check).

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour Label', now: 0 });
  createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Archive drop' }, 0);
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** What `edit` on a copy of `doc` sends. */
function editOn(doc: Y.Doc, edit: (d: Y.Doc) => void): { copy: Y.Doc; update: Uint8Array } {
  const copy = copyOf(doc);
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return { copy, update: Y.encodeStateAsUpdate(copy, before) };
}

const firstDrop = (doc: Y.Doc) => readDrops(doc)[0]!.id as DropId;

describe('changesNothing', () => {
  it('is true for an update this document already applied, false before', () => {
    const doc = seeded();
    const { update } = editOn(doc, (d) => updateDrop(d, firstDrop(d), { title: 'Rain shell' }));
    expect(changesNothing(doc, update)).toBe(false);
    Y.applyUpdate(doc, update);
    expect(changesNothing(doc, update)).toBe(true);
  });

  it('is false while a deletion it carries has not happened here', () => {
    const doc = seeded();
    // Removing a record adds no struct: the update is a delete set of structs we have.
    const { update } = editOn(doc, (d) => root.drops(d).delete(firstDrop(d)));
    expect(Y.decodeUpdate(update).structs).toEqual([]);
    expect(changesNothing(doc, update)).toBe(false);
    Y.applyUpdate(doc, update);
    expect(changesNothing(doc, update)).toBe(true);
  });

  it('is false for part-known updates, pending content and bytes it cannot read', () => {
    const doc = seeded();
    const first = editOn(doc, (d) => updateDrop(d, firstDrop(d), { title: 'One' }));
    const second = editOn(first.copy, (d) => updateDrop(d, firstDrop(d), { title: 'Two' }));
    Y.applyUpdate(doc, first.update);
    expect(changesNothing(doc, Y.mergeUpdates([first.update, second.update]))).toBe(false);
    expect(changesNothing(doc, new Uint8Array([0, 2, 250, 251]))).toBe(false);
    // Something parked as pending: every update goes to Yjs until it is resolved.
    const third = editOn(second.copy, (d) => updateDrop(d, firstDrop(d), { title: 'Three' }));
    Y.applyUpdate(doc, third.update);
    expect(doc.store.pendingStructs).not.toBeNull();
    expect(changesNothing(doc, first.update)).toBe(false);
    Y.applyUpdate(doc, second.update);
    expect(doc.store.pendingStructs).toBeNull();
    expect(changesNothing(doc, first.update)).toBe(true);
  });

  it('never says "nothing" for an update that changes the document (400 random cases)', () => {
    const prng = new Prng(9031);
    let nothing = 0;
    let something = 0;
    for (let i = 0; i < 400; i++) {
      // Three writers from one start; the receiver has some of their updates, in any order.
      const base = seeded();
      const writers = [copyOf(base), copyOf(base), copyOf(base)];
      const updates: Uint8Array[] = [];
      for (let k = 0; k < 6; k++) {
        const w = prng.pick(writers);
        const before = Y.encodeStateVector(w);
        const stageId = readStages(w)[0]!.id;
        if (prng.bool()) updateDrop(w, firstDrop(w), { title: `Title ${i}.${k}` });
        else createDrop(w, { stageId, title: `Drop ${i}.${k}` });
        updates.push(Y.encodeStateAsUpdate(w, before));
        if (prng.bool(0.3)) Y.applyUpdate(prng.pick(writers), Y.encodeStateAsUpdate(w));
      }
      const receiver = copyOf(base);
      for (const u of updates) if (prng.bool(0.6)) Y.applyUpdate(receiver, u);
      const candidate = prng.bool()
        ? prng.pick(updates)
        : Y.mergeUpdates(updates.filter(() => prng.bool()));
      if (!changesNothing(receiver, candidate)) {
        something++;
        continue;
      }
      nothing++;
      const before = Y.encodeStateAsUpdate(receiver);
      let emitted = false;
      receiver.on('update', () => (emitted = true));
      Y.applyUpdate(receiver, candidate);
      expect(emitted).toBe(false);
      expect(Y.encodeStateAsUpdate(receiver)).toEqual(before);
    }
    // Both answers came up often enough for this to mean something.
    expect(nothing).toBeGreaterThan(40);
    expect(something).toBeGreaterThan(40);
  });
});

describe('a relayed copy of an edit on the shipped path', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0).reverse()) await f();
  });

  async function room(n: number) {
    const clock = new VirtualClock();
    cleanups.push(useTiming(clock));
    const peers: SyncPeer[] = [];
    for (let i = 0; i < n; i++) peers.push(await openPeer(i, true));
    const net = new SyncNet(peers);
    cleanups.push(() => net.destroy());
    const prng = new Prng(41);
    // Messages interleave at random across links: a relayed copy may arrive first.
    const settle = (): void => {
      for (;;) {
        if (net.deliverSome(100, (k) => prng.int(k)) > 0) continue;
        if (!clock.runNext()) return;
      }
    };
    initWorkspace(peers[0]!.doc, { name: 'Harbour Label', now: 0 });
    createDrop(peers[0]!.doc, { stageId: readStages(peers[0]!.doc)[0]!.id, title: 'Start' }, 0);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) await net.connect(a, b);
    settle();
    return { peers, net, settle };
  }

  /** Puts a sync update message from peer `from` on its link to peer `to`, as if it sent it. */
  function sendUpdate(net: SyncNet, from: number, to: number, update: Uint8Array): void {
    const link = [...net.links.values()].find(
      (l) => (l.a === from && l.b === to) || (l.a === to && l.b === from),
    )!;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SYNC);
    encoding.writeVarUint(encoder, SyncType.UPDATE);
    encoding.writeVarUint8Array(encoder, update);
    (link.a === from ? link.ab : link.ba).send(encoding.toUint8Array(encoder));
  }

  it('is applied once per peer: the first copy, whichever link brings it', async () => {
    const { peers, settle } = await room(4);
    const applied = peers.map(() => 0);
    peers.forEach((p, i) =>
      p.doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (!tr.local) applied[i]!++;
      }),
    );
    const edits = 30;
    for (let e = 0; e < edits; e++) {
      const author = peers[e % peers.length]!;
      updateDrop(author.doc, firstDrop(author.doc), { title: `Edit ${e}` });
      settle();
    }
    // Every edit arrived everywhere (each peer received it three times: once from its author,
    // twice relayed), with nothing refused.
    for (const p of peers) {
      expect(readBoard(p.doc).flatMap((c) => c.drops.map((d) => d.title))).toEqual([
        `Edit ${edits - 1}`,
      ]);
      expect(p.report.refused).toEqual([]);
    }
    // Each peer applied the edits of the three others once each, not once per copy.
    const others = (i: number) =>
      Array.from({ length: edits }, (_, e) => e).filter((e) => e % peers.length !== i).length;
    expect(applied).toEqual(peers.map((_, i) => others(i)));
  });

  it('checks a refused update again when the same bytes come back, and refuses it again', async () => {
    const { peers, net, settle } = await room(3);
    const [, theo] = peers as [SyncPeer, SyncPeer];
    // Content outside the workspace's known types: the check refuses it.
    const { update } = editOn(theo.doc, (d) => d.getMap('elsewhere').set('x', 'y'));
    sendUpdate(net, 0, 1, update);
    settle();
    expect(theo.report.refused).toHaveLength(1);
    expect(theo.doc.share.has('elsewhere')).toBe(false);
    // The very same bytes again, from another peer too: never taken for a copy already applied.
    sendUpdate(net, 0, 1, update);
    sendUpdate(net, 2, 1, update);
    settle();
    expect(theo.report.refused).toHaveLength(3);
    expect(theo.doc.share.has('elsewhere')).toBe(false);
    // Positive control: sync goes on, and a good edit is applied.
    updateDrop(peers[0]!.doc, firstDrop(peers[0]!.doc), { title: 'After the refusal' });
    settle();
    expect(readDrops(theo.doc)[0]!.title).toBe('After the refusal');
  });

  it('a forged update reusing the ids of an applied edit changes nothing (as Yjs would)', async () => {
    const { peers, net, settle } = await room(3);
    const [ines, theo] = peers as [SyncPeer, SyncPeer];
    const base = copyOf(ines.doc);
    base.clientID = ines.doc.clientID; // the forger claims Ines' next clock
    updateDrop(ines.doc, firstDrop(ines.doc), { title: 'Rain shell' });
    settle();
    expect(readDrops(theo.doc)[0]!.title).toBe('Rain shell');
    const before = Y.encodeStateVector(base);
    updateDrop(base, firstDrop(base), { title: 'Forged title' });
    const forged = Y.encodeStateAsUpdate(base, before);
    expect(changesNothing(theo.doc, forged)).toBe(true);
    sendUpdate(net, 2, 1, forged);
    settle();
    expect(readDrops(theo.doc)[0]!.title).toBe('Rain shell');
    // The same forged bytes before the real edit arrived: new ids, so checked and applied
    // like any edit (here it passes the checks; whichever comes first wins, as in Yjs).
    const fresh = seeded();
    expect(changesNothing(fresh, forged)).toBe(false);
  });
});
