import type * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrop, initWorkspace, readBoard, readStages } from '../../../shared/model';
import { useTiming } from '../../../renderer/src/sync/timing';
import { openPeer, setMaxMessageSize, SyncNet, type SyncPeer } from '../../harness/syncNet';
import { VirtualClock } from '../../harness/virtualClock';

// Real y-webrtc rooms, guarded as the app guards them, joined by in-memory data channels
// (test/harness/syncNet.ts): what a peer does after refusing a message, and how a stock
// y-webrtc peer in the room is served.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
  setMaxMessageSize(null);
});

async function team(...kinds: ('cadence' | 'plain')[]) {
  const clock = new VirtualClock();
  cleanups.push(useTiming(clock));
  const peers: SyncPeer[] = [];
  for (const [i, kind] of kinds.entries())
    peers.push(await openPeer(i, true, { plain: kind === 'plain' }));
  const net = new SyncNet(peers);
  cleanups.push(() => net.destroy());
  const settle = (): void => {
    for (;;) {
      if (net.deliverSome(100, () => 0) > 0) continue;
      if (!clock.runNext()) return;
    }
  };
  return { peers, net, settle, clock };
}

const titles = (doc: Y.Doc) => readBoard(doc).flatMap((c) => c.drops.map((d) => d.title));

function seed(doc: Y.Doc, drops: number): void {
  initWorkspace(doc, { name: 'Harbour Label', now: 0 });
  const stages = readStages(doc);
  for (let i = 0; i < drops; i++)
    createDrop(doc, { stageId: stages[i % stages.length]!.id, title: `Archive drop ${i}` }, 0);
}

describe('a refused message starts a re-sync with that peer', () => {
  it('so two copies that drifted apart agree again, without reconnecting', async () => {
    const { peers, net, settle } = await team('cadence', 'cadence');
    const [ines, theo] = peers as [SyncPeer, SyncPeer];
    seed(ines.doc, 2);
    await net.connect(0, 1);
    settle();
    const link = [...net.links.values()][0]!;
    createDrop(ines.doc, { stageId: readStages(ines.doc)[0]!.id, title: 'Café pop-up capsule' });
    // The update is damaged on its way to Theo.
    const towardTheo = link.a === 0 ? link.ab : link.ba;
    expect(towardTheo.queue).toHaveLength(1);
    towardTheo.queue[0] = new Uint8Array([0, 2, 5, 1, 2, 250, 251, 252]);
    settle();

    expect(theo.report.refused).toHaveLength(1);
    expect(titles(theo.doc)).toContain('Café pop-up capsule');
    expect(titles(theo.doc)).toEqual(titles(ines.doc));
    expect([...net.links.values()][0]).toBe(link); // the same connection, no reconnect
  });

  it('does not loop with a peer whose content keeps being refused, and sync with it goes on', async () => {
    const { peers, net, settle, clock } = await team('plain', 'cadence', 'cadence');
    const [mallory, theo, ines] = peers as [SyncPeer, SyncPeer, SyncPeer];
    seed(mallory.doc, 1);
    await net.connect(0, 1);
    await net.connect(0, 2);
    await net.connect(1, 2);
    settle();
    mallory.doc.getMap('evil').set('payload', 'x');
    settle();
    const refusedOnce = theo.report.refused.length;
    expect(refusedOnce).toBeGreaterThanOrEqual(1);
    expect(refusedOnce).toBeLessThanOrEqual(2); // the update, and the answer to our re-sync
    expect(theo.doc.share.has('evil')).toBe(false);
    // Teammates' edits still arrive. (Mallory's own later edits wait behind the refused one:
    // Yjs applies an author's changes in order.)
    createDrop(ines.doc, { stageId: readStages(ines.doc)[0]!.id, title: 'Honest drop' });
    settle();
    expect(titles(theo.doc)).toContain('Honest drop');
    expect(ines.doc.share.has('evil')).toBe(false);
    expect(clock.pending).toBe(0);
    expect(theo.report.refused.length).toBeLessThanOrEqual(refusedOnce + 1);
  });
});

describe('a plain y-webrtc peer in the room', () => {
  it('answers our frames with empty messages: ignored quietly, and it still receives the workspace', async () => {
    const { peers, net, settle } = await team('cadence', 'plain');
    const [ines, plain] = peers as [SyncPeer, SyncPeer];
    seed(ines.doc, 120); // its first sync is larger than one frame
    await net.connect(0, 1);
    settle();
    expect(net.frames).toBeGreaterThan(1); // positive control: frames were sent to it
    expect(titles(plain.doc)).toHaveLength(120);
    expect(ines.report.refused).toEqual([]);
    expect(ines.report.cannotReceive).toEqual([]);
    // Edits keep flowing both ways afterwards.
    createDrop(plain.doc, { stageId: readStages(plain.doc)[0]!.id, title: 'From the plain app' });
    createDrop(ines.doc, { stageId: readStages(ines.doc)[1]!.id, title: 'From Cadence' });
    settle();
    expect(titles(ines.doc).sort()).toEqual(titles(plain.doc).sort());
    expect(ines.report.refused).toEqual([]);
  });

  it('is reported once when the workspace is too large for its connection, never as damage', async () => {
    setMaxMessageSize(24 * 1024);
    const { peers, net, settle } = await team('cadence', 'plain');
    const [ines] = peers as [SyncPeer, SyncPeer];
    seed(ines.doc, 200);
    await net.connect(0, 1);
    settle();
    createDrop(ines.doc, { stageId: readStages(ines.doc)[0]!.id, title: 'One more' });
    settle();
    expect(ines.report.cannotReceive).toHaveLength(1);
    expect(ines.report.cannotReceive[0]).toMatch(/larger than its connection takes/);
    expect(ines.report.refused).toEqual([]);
  });
});
