import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  createWorkspaceRecord,
  APP_KEYS,
  forgetWorkspace,
  freeWorkspaceName,
  isNameTaken,
  ensureSampleOnFirstLaunch,
  initialWorkspaceId,
  listWorkspaces,
  memoryStorage,
  openWorkspace,
  renameWorkspaceRecord,
  touchWorkspace,
} from '../../../renderer/src/workspace';
import { createDrop, readStages } from '../../../shared/model';
import { ensureSyncSettings, loadSyncSettings } from '../../../shared/sync/settings';
import { EMPTY_MARKS, loadSyncMarks, saveSyncMarks } from '../../../renderer/src/sync/syncMarks';
import { isAwaitingFirstSync } from '../../../renderer/src/sync/joining';

describe('workspace registry', () => {
  it('creates, renames and lists workspaces, most recently opened first', () => {
    const storage = memoryStorage();
    const a = createWorkspaceRecord('Saltmarsh Studio', storage, 1000);
    const b = createWorkspaceRecord('Night Market', storage, 2000);
    expect(listWorkspaces(storage).map((w) => w.name)).toEqual([
      'Night Market',
      'Saltmarsh Studio',
    ]);
    touchWorkspace(a.id, storage, 3000);
    renameWorkspaceRecord(b.id, 'Night Market FW', storage);
    expect(listWorkspaces(storage).map((w) => w.name)).toEqual([
      'Saltmarsh Studio',
      'Night Market FW',
    ]);
  });

  it('refuses an empty name with a clear message', () => {
    const storage = memoryStorage();
    expect(() => createWorkspaceRecord('   ', storage)).toThrow('Give the workspace a name.');
    expect(listWorkspaces(storage)).toEqual([]);
  });

  it('skips a corrupt registry instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('cadence.workspaces.v1', '{not json');
    expect(listWorkspaces(storage)).toEqual([]);
    storage.setItem('cadence.workspaces.v1', JSON.stringify([{ id: 42 }, null]));
    expect(listWorkspaces(storage)).toEqual([]);
  });

  it('opens the workspace named in ?ws=, else the most recent one', () => {
    const storage = memoryStorage();
    const a = createWorkspaceRecord('Saltmarsh Studio', storage, 1000);
    const b = createWorkspaceRecord('Night Market', storage, 2000);
    expect(initialWorkspaceId(`?ws=${a.id}`, storage)).toBe(a.id);
    expect(initialWorkspaceId('?ws=w_unknown', storage)).toBe(b.id);
    expect(initialWorkspaceId('', memoryStorage())).toBeNull();
  });

  it('keeps a workspace’s drops across reopening and deletes its database with it', async () => {
    const storage = memoryStorage();
    const rec = createWorkspaceRecord('Saltmarsh Studio', storage);
    const first = await openWorkspace(rec.id, { name: rec.name });
    const shoot = readStages(first.doc)[2]!.id;
    createDrop(first.doc, { stageId: shoot, title: 'Harbour Linen' });
    await first.destroy();

    const again = await openWorkspace(rec.id);
    expect(again.store.getSnapshot().board[2]!.drops.map((d) => d.title)).toEqual([
      'Harbour Linen',
    ]);
    expect(again.store.getSnapshot().meta.name).toBe('Saltmarsh Studio');
    expect(again.undoManager.undoStack).toHaveLength(0);
    await again.destroy();

    await forgetWorkspace(rec.id, storage);
    expect(listWorkspaces(storage)).toEqual([]);
    const fresh = await openWorkspace(rec.id, { name: 'Fresh' });
    expect(fresh.store.getSnapshot().drops.size).toBe(0);
    await fresh.destroy();
  });

  it('creates the sample workspace on first launch only', async () => {
    const storage = memoryStorage();
    const sample = await ensureSampleOnFirstLaunch(storage);
    expect(sample?.name).toBe('Saltmarsh Studio');
    const ws = await openWorkspace(sample!.id);
    const snap = ws.store.getSnapshot();
    expect(snap.drops.size).toBeGreaterThanOrEqual(12);
    // Drops are spread across every playbook stage.
    expect(snap.board.every((c) => c.drops.length > 0)).toBe(true);
    expect([...snap.drops.values()].every((d) => d.reservePct >= 30)).toBe(true);
    // Every drop is linked to a creator from the directory.
    const names = new Map(snap.creators.map((c) => [c.id as string, c.name]));
    expect(snap.creators.length).toBeGreaterThanOrEqual(3);
    expect([...snap.drops.values()].every((d) => d.creatorId && names.has(d.creatorId))).toBe(true);
    await ws.destroy();

    await forgetWorkspace(sample!.id, storage);
    expect(await ensureSampleOnFirstLaunch(storage)).toBeNull();
  });
});

describe('deleting a workspace', () => {
  it('forgets its room, password, servers, sync marks and join flag', async () => {
    const storage = memoryStorage();
    const rec = createWorkspaceRecord('Saltmarsh Studio', storage);
    const other = createWorkspaceRecord('Night Market', storage);
    for (const id of [rec.id, other.id]) {
      ensureSyncSettings(storage, id);
      saveSyncMarks(storage, id, { lastSyncedAt: 1, unsentSince: 2, unsentDropIds: ['d_a'] });
      storage.setItem(`cadence.awaitingFirstSync.${id}`, '1');
    }
    expect(isAwaitingFirstSync(storage, rec.id)).toBe(true);
    await forgetWorkspace(rec.id, storage);
    expect(loadSyncSettings(storage, rec.id)).toBeNull();
    expect(loadSyncMarks(storage, rec.id)).toEqual(EMPTY_MARKS);
    expect(isAwaitingFirstSync(storage, rec.id)).toBe(false);
    // A workspace recreated with the same id (joined again) starts with a new room.
    expect(ensureSyncSettings(storage, rec.id).room).not.toBe('');
    // The other workspace keeps everything (positive control).
    expect(loadSyncSettings(storage, other.id)).not.toBeNull();
    expect(loadSyncMarks(storage, other.id).unsentDropIds).toEqual(['d_a']);
    expect(isAwaitingFirstSync(storage, other.id)).toBe(true);
  });

  it('gives a copy a name no workspace here has, and knows a taken name in any case', () => {
    const storage = memoryStorage();
    createWorkspaceRecord('Saltmarsh Studio', storage, 1000);
    expect(freeWorkspaceName('Night Market', storage)).toBe('Night Market');
    expect(freeWorkspaceName('saltmarsh studio', storage)).toBe('saltmarsh studio 2');
    createWorkspaceRecord('Saltmarsh Studio 2', storage, 2000);
    expect(freeWorkspaceName('Saltmarsh Studio', storage)).toBe('Saltmarsh Studio 3');
    // A name at the length limit keeps its suffix whole.
    const long = 'A'.repeat(60);
    createWorkspaceRecord(long, storage, 3000);
    expect(freeWorkspaceName(long, storage)).toBe(`${'A'.repeat(58)} 2`);
    expect(isNameTaken(' SALTMARSH studio ', ['Saltmarsh Studio'])).toBe(true);
    expect(isNameTaken('Saltmarsh', ['Saltmarsh Studio'])).toBe(false);
  });

  it('keeps a name with line breaks or direction characters as one plain line', () => {
    const storage = memoryStorage();
    // Typed or pasted into New workspace or Rename: U+202E reverses the text after it.
    const a = createWorkspaceRecord('Night\u202eLinen\nTeam', storage, 1000);
    expect(a.name).toBe('Night Linen Team');
    renameWorkspaceRecord(a.id, '\u2067Tide\u2069water\r\n', storage);
    expect(listWorkspaces(storage)[0]!.name).toBe('Tide water');
    expect(() => renameWorkspaceRecord(a.id, '\u202e\u200f', storage)).toThrow(
      'Give the workspace a name.',
    );
    // Names an older Cadence stored as they came are listed cleaned, and a blank one named.
    storage.setItem(
      APP_KEYS.registry,
      JSON.stringify([
        {
          id: 'w_old1',
          name: 'Old\u202e\nName',
          createdAt: 1,
          lastOpenedAt: 2,
          joined: { from: 'Mal\u202elory', at: 1 },
        },
        { id: 'w_old2', name: '\u202e', createdAt: 1, lastOpenedAt: 1 },
      ]),
    );
    expect(listWorkspaces(storage).map((w) => [w.name, w.joined?.from])).toEqual([
      ['Old Name', 'Mal lory'],
      ['Untitled workspace', undefined],
    ]);
  });
});
