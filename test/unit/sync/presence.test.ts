import { afterEach, describe, expect, it } from 'vitest';
import { Doc } from 'yjs';
import { newSyncSettings } from '../../../shared/sync/settings';
import { WorkspaceSync } from '../../../renderer/src/sync/WorkspaceSync';

// Presence is one awareness state shared by several writers: the sync layer (name, colour,
// open drop, peer id) and the brief editor's caret (`cursor`). Neither may erase the other's
// fields, and writing what is already there must not send anything.

const running: WorkspaceSync[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.destroy()));
});

function start(enabled: boolean) {
  const sync = new WorkspaceSync({
    workspaceId: 'w_presence',
    doc: new Doc(),
    // No signaling address: nothing leaves this process.
    settings: { ...newSyncSettings(), signaling: [], enabled },
    user: { name: 'Ines', colour: '#c2410c' },
    log: () => {},
  });
  running.push(sync);
  let updates = 0;
  sync.awareness.on('update', () => (updates += 1));
  return { sync, updates: () => updates, local: () => sync.awareness.getLocalState() };
}

const caret = { anchor: { type: 'x', tname: null, item: null, assoc: 0 }, head: null };

describe('presence', () => {
  it('keeps the caret when the open drop or the name changes', () => {
    const { sync, local } = start(false);
    sync.awareness.setLocalStateField('cursor', caret);
    sync.setOpenDrop('d_1');
    expect(local()).toMatchObject({ cursor: caret, openDropId: 'd_1', user: { name: 'Ines' } });
    sync.setUser({ name: 'Inès', colour: '#1d4ed8' });
    expect(local()).toMatchObject({
      cursor: caret,
      openDropId: 'd_1',
      user: { name: 'Inès', color: '#1d4ed8' },
    });
  });

  it('sends nothing when nothing of ours changed', () => {
    const { sync, updates } = start(false);
    sync.setOpenDrop('d_1');
    const after = updates();
    expect(after).toBeGreaterThan(0);
    sync.setOpenDrop('d_1');
    sync.setUser({ name: 'Ines', colour: '#c2410c' });
    expect(updates()).toBe(after);
  });

  it('brings the caret back with the rest after going offline and online', async () => {
    const { sync, local } = start(true);
    await sync.ready();
    sync.setOpenDrop('d_1');
    sync.awareness.setLocalStateField('cursor', caret);
    sync.setOnline(false);
    await sync.settled();
    // y-webrtc removes the local state while offline.
    expect(local()).toBeNull();
    sync.setOnline(true);
    await sync.settled();
    expect(local()).toMatchObject({ cursor: caret, openDropId: 'd_1', user: { name: 'Ines' } });
  });
});
