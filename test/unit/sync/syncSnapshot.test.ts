import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDrop,
  initWorkspace,
  readDrops,
  readStages,
  updateDrop,
} from '../../../shared/model';
import type { DropId } from '../../../shared/model';
import { newSyncSettings } from '../../../shared/sync/settings';
import { useTiming } from '../../../renderer/src/sync/timing';
import { LAST_SYNCED_REFRESH_MS, WorkspaceSync } from '../../../renderer/src/sync/WorkspaceSync';
import { internals } from '../../../renderer/src/sync/ywebrtcInternals';
import { memoryWrtc, openPeer, SyncNet, type SyncPeer } from '../../harness/syncNet';
import { VirtualClock } from '../../harness/virtualClock';

// The sync UI (indicator, panel, every card's "not yet shared" mark) re-renders when
// WorkspaceSync hands out a new snapshot. It used to hand one out on every message from a peer
// and every local keystroke, although nothing shown had changed ("Last synced just now").

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function teamWithApp() {
  const clock = new VirtualClock();
  cleanups.push(useTiming(clock));
  let now = 1_000_000;
  const teammate = await openPeer(0, true);
  initWorkspace(teammate.doc, { name: 'Harbour Label', now: 0 });
  createDrop(teammate.doc, { stageId: readStages(teammate.doc)[0]!.id, title: 'Start' }, 0);
  const doc = new Y.Doc();
  const sync = new WorkspaceSync({
    workspaceId: 'w_snapshot',
    doc,
    settings: { ...newSyncSettings(), signaling: [], enabled: true },
    user: { name: 'Ines', colour: '#c2410c' },
    wrtc: memoryWrtc,
    now: () => now,
    log: () => {},
  });
  cleanups.push(() => sync.destroy());
  await sync.ready();
  await Promise.resolve();
  const provider = (sync as unknown as { provider: SyncPeer['provider'] }).provider;
  const app: SyncPeer = {
    index: 1,
    doc,
    awareness: sync.awareness,
    provider,
    room: internals(provider).room!,
    report: { refused: [], cannotReceive: [], unavailable: [] },
    unguard: () => {},
  };
  const net = new SyncNet([teammate, app]);
  cleanups.push(() => net.destroy());
  const settle = (): void => {
    for (;;) {
      if (net.deliverSome(100, () => 0) > 0) continue;
      if (!clock.runNext()) return;
    }
  };
  // As React does: a listener that reads the snapshot it was told about.
  let renders = 0;
  sync.subscribe(() => {
    renders++;
    sync.getSnapshot();
  });
  await net.connect(0, 1);
  settle();
  return {
    teammate,
    doc,
    sync,
    settle,
    renders: () => renders,
    advance: (ms: number) => (now += ms),
  };
}

const firstDrop = (doc: Y.Doc) => readDrops(doc)[0]!.id as DropId;

describe('the sync snapshot', () => {
  it('is not renewed by every message from a peer or every keystroke, only when what it shows changes', async () => {
    const { teammate, doc, sync, settle, renders, advance } = await teamWithApp();
    expect(readDrops(doc).map((d) => d.title)).toEqual(['Start']);
    expect(sync.getSnapshot()).toMatchObject({ state: 'connected', lastSyncedAt: 1_000_000 });
    const after = renders();
    expect(after).toBeGreaterThan(0); // connecting and the first sync were shown

    // 40 edits from the teammate and 40 of our own, all within a few seconds.
    for (let i = 0; i < 40; i++) {
      updateDrop(teammate.doc, firstDrop(teammate.doc), { title: `Theirs ${i}` });
      settle();
      advance(50);
    }
    expect(readDrops(doc)[0]!.title).toBe('Theirs 39');
    for (let i = 0; i < 40; i++) {
      updateDrop(doc, firstDrop(doc), { title: `Mine ${i}` });
      settle();
      advance(50);
    }
    expect(readDrops(teammate.doc)[0]!.title).toBe('Mine 39');
    expect(renders()).toBe(after);

    // Positive control: once "last synced" is older than the refresh interval, the next message
    // brings a new snapshot, with the new time.
    advance(LAST_SYNCED_REFRESH_MS);
    updateDrop(teammate.doc, firstDrop(teammate.doc), { title: 'Later' });
    settle();
    expect(renders()).toBe(after + 1);
    expect(sync.getSnapshot().lastSyncedAt).toBe(1_000_000 + 80 * 50 + LAST_SYNCED_REFRESH_MS);
  });

  it('is renewed when an offline edit marks another drop "not yet sent", not for each keystroke', async () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour Label', now: 0 });
    const stageId = readStages(doc)[0]!.id;
    const first = createDrop(doc, { stageId, title: 'One' }, 0);
    const sync = new WorkspaceSync({
      workspaceId: 'w_snapshot_offline',
      doc,
      settings: { ...newSyncSettings(), enabled: false },
      user: { name: 'Ines', colour: '#c2410c' },
      log: () => {},
    });
    cleanups.push(() => sync.destroy());
    let renders = 0;
    sync.subscribe(() => {
      renders++;
      sync.getSnapshot();
    });
    for (let i = 0; i < 20; i++) updateDrop(doc, first as DropId, { title: `One ${i}` });
    expect(renders).toBe(1);
    expect([...sync.getSnapshot().unsentDropIds]).toEqual([first]);
    const second = createDrop(doc, { stageId, title: 'Two' });
    expect(renders).toBe(2);
    expect([...sync.getSnapshot().unsentDropIds].sort()).toEqual([first, second].sort());
  });
});
