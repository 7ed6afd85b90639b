import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDrop, readStages } from '../../../shared/model';
import { ensureSyncSettings, loadSyncSettings } from '../../../shared/sync/settings';
import {
  APP_KEYS,
  createWorkspaceRecord,
  forgetWorkspace,
  LEFT_KEPT_DAYS,
  leaveWorkspace,
  listRecentlyLeft,
  listSnapshots,
  listWorkspaces,
  onForgetWorkspace,
  openWorkspace,
  purgeExpiredLeft,
  readBoardPreview,
  restoreLeftWorkspace,
  takeSnapshot,
  workspaceDbName,
  WORKSPACE_KEYS,
  type KeyValueStorage,
} from '../../../renderer/src/workspace';
import { loadSyncMarks, saveSyncMarks } from '../../../renderer/src/sync/syncMarks';
import { applyInvite, isAwaitingFirstSync } from '../../../renderer/src/sync/joining';
import { saveLocalUser } from '../../../renderer/src/sync/localUser';

const DAY = 24 * 60 * 60 * 1000;

/** A storage whose keys can be listed, so a test can see everything left behind. */
function listableStorage(): KeyValueStorage & { keys(): string[] } {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    keys: () => [...data.keys()],
  };
}

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

/** A workspace with a drop in its document, a preview, and every local key the app writes. */
async function fullWorkspace(storage: KeyValueStorage, name: string) {
  const rec = createWorkspaceRecord(name, storage);
  const ws = await openWorkspace(rec.id, { name, previewDelayMs: 0 });
  createDrop(ws.doc, { stageId: readStages(ws.doc)[1]!.id, title: `${name} drop` });
  await takeSnapshot(rec.id, ws.doc, 'named', 'Before the sale');
  await ws.destroy();
  ensureSyncSettings(storage, rec.id);
  saveSyncMarks(storage, rec.id, { lastSyncedAt: 1, unsentSince: 2, unsentDropIds: ['d_a'] });
  // The join flag, written the way joining writes it.
  applyInvite(
    storage,
    {
      workspaceId: rec.id,
      room: 'r'.repeat(22),
      password: 'p'.repeat(22),
      signaling: [],
      name,
    } as never,
    false,
  );
  return rec;
}

describe('forgetting a workspace', () => {
  it('removes every local key, its database, its preview and registered stores, and nothing of another workspace', async () => {
    const storage = listableStorage();
    saveLocalUser(storage, { name: 'Maya', colour: '#0f766e' });
    const a = await fullWorkspace(storage, 'Saltmarsh Studio');
    const b = await fullWorkspace(storage, 'Night Market');
    const forgotten: string[] = [];
    onForgetWorkspace(async (id) => void forgotten.push(id));
    // Precondition: every kind of local state exists for both.
    for (const id of [a.id, b.id]) {
      for (const key of Object.values(WORKSPACE_KEYS))
        expect(storage.getItem(key(id))).not.toBe(null);
      expect(await databases()).toContain(workspaceDbName(id));
      expect(await readBoardPreview(id)).not.toBeNull();
      expect(await listSnapshots(id)).toHaveLength(1);
    }

    await forgetWorkspace(a.id, storage);

    expect(storage.keys().filter((k) => k.includes(a.id))).toEqual([]);
    expect(listWorkspaces(storage).map((w) => w.id)).toEqual([b.id]);
    expect(await databases()).not.toContain(workspaceDbName(a.id));
    expect(await readBoardPreview(a.id)).toBeNull();
    expect(await listSnapshots(a.id)).toEqual([]);
    expect(forgotten).toEqual([a.id]);
    // The other workspace and the person's own settings keep everything (positive control).
    expect(storage.keys().filter((k) => k.includes(b.id)).length).toBe(
      Object.values(WORKSPACE_KEYS).length,
    );
    expect(await databases()).toContain(workspaceDbName(b.id));
    expect(await readBoardPreview(b.id)).not.toBeNull();
    expect(await listSnapshots(b.id)).toHaveLength(1);
    expect(storage.getItem(APP_KEYS.localUser)).not.toBeNull();
  });
});

describe('leaving a workspace', () => {
  it('keeps a restorable copy for 30 days with sync off, and restores it with its drops', async () => {
    const storage = listableStorage();
    const a = await fullWorkspace(storage, 'Saltmarsh Studio');
    const now = Date.UTC(2026, 10, 29, 12);
    const left = await leaveWorkspace(a.id, { keep: true, now, storage });

    expect(left?.removeAt).toBe(now + LEFT_KEPT_DAYS * DAY);
    expect(listWorkspaces(storage)).toEqual([]);
    expect(listRecentlyLeft(storage).map((w) => [w.id, w.name])).toEqual([
      [a.id, 'Saltmarsh Studio'],
    ]);
    expect(loadSyncSettings(storage, a.id)?.enabled).toBe(false);
    expect(loadSyncMarks(storage, a.id).unsentDropIds).toEqual(['d_a']);
    expect(await databases()).toContain(workspaceDbName(a.id));

    const record = restoreLeftWorkspace(a.id, storage, now + DAY);
    expect(record.name).toBe('Saltmarsh Studio');
    expect(listWorkspaces(storage).map((w) => w.id)).toEqual([a.id]);
    expect(listRecentlyLeft(storage)).toEqual([]);
    const ws = await openWorkspace(a.id);
    expect([...ws.store.getSnapshot().drops.values()].map((d) => d.title)).toEqual([
      'Saltmarsh Studio drop',
    ]);
    await ws.destroy();
    await forgetWorkspace(a.id, storage);
  });

  it('"remove now" forgets everything at once', async () => {
    const storage = listableStorage();
    const a = await fullWorkspace(storage, 'Saltmarsh Studio');
    expect(await leaveWorkspace(a.id, { keep: false, storage })).toBeNull();
    expect(storage.keys().filter((k) => k.includes(a.id))).toEqual([]);
    expect(listRecentlyLeft(storage)).toEqual([]);
    expect(await databases()).not.toContain(workspaceDbName(a.id));
    expect(() => restoreLeftWorkspace(a.id, storage)).toThrow(/no longer kept/);
  });

  it('purges copies whose time is up at start, and keeps the others', async () => {
    const storage = listableStorage();
    const old = await fullWorkspace(storage, 'Old Studio');
    const recent = await fullWorkspace(storage, 'Recent Studio');
    const t0 = Date.UTC(2026, 9, 1);
    await leaveWorkspace(old.id, { keep: true, now: t0, storage });
    await leaveWorkspace(recent.id, { keep: true, now: t0 + 20 * DAY, storage });

    // Day 29: nothing is due yet.
    expect(await purgeExpiredLeft(storage, t0 + 29 * DAY)).toEqual([]);
    const purged = await purgeExpiredLeft(storage, t0 + 31 * DAY);
    expect(purged.map((w) => w.id)).toEqual([old.id]);
    expect(storage.keys().filter((k) => k.includes(old.id))).toEqual([]);
    expect(await databases()).not.toContain(workspaceDbName(old.id));
    expect(listRecentlyLeft(storage).map((w) => w.id)).toEqual([recent.id]);
    expect(await databases()).toContain(workspaceDbName(recent.id));
    await forgetWorkspace(recent.id, storage);
  });

  it('never purges a left workspace that was joined again', async () => {
    const storage = listableStorage();
    const a = await fullWorkspace(storage, 'Saltmarsh Studio');
    await leaveWorkspace(a.id, { keep: true, now: 0, storage });
    createWorkspaceRecord('Saltmarsh Studio', storage, 1, a.id);
    expect(listRecentlyLeft(storage)).toEqual([]);
    expect(await purgeExpiredLeft(storage, 100 * DAY)).toEqual([]);
    expect(await databases()).toContain(workspaceDbName(a.id));
    expect(isAwaitingFirstSync(storage, a.id)).toBe(true);
    await forgetWorkspace(a.id, storage);
  });
});
