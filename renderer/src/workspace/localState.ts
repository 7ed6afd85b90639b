// The one owner of a workspace's local state (the names are in localKeys.ts): forgetting it
// for good, leaving it while keeping a restorable copy, restoring it, and purging copies
// whose time is up. Delete (switcher) and Leave (sync panel) both end here.
import { z } from 'zod';
import { lazySchema } from '../../../shared/model/lazySchema';
import type { WorkspaceId } from '../../../shared/model';
import { loadSyncSettings, saveSyncSettings } from '../../../shared/sync/settings';
import { deleteBoardPreview } from './boardPreviewCache';
import {
  APP_KEYS,
  appStorage,
  workspaceDbName,
  workspaceKeys,
  type KeyValueStorage,
} from './localKeys';
import {
  getWorkspaceRecord,
  listedWorkspaceName,
  putWorkspaceRecord,
  removeWorkspaceRecord,
  type WorkspaceRecord,
} from './registry';

/** How long a left workspace stays restorable unless the person removes it at once. */
export const LEFT_KEPT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A workspace that was left on this computer and can still be restored. */
export interface LeftWorkspace {
  id: WorkspaceId;
  name: string;
  createdAt: number;
  leftAt: number;
  /** When it is removed for good (purged at the next start after this). */
  removeAt: number;
}

const leftSchema = lazySchema(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9_]{1,64}$/),
    name: z.string(),
    createdAt: z.number(),
    leftAt: z.number(),
    removeAt: z.number(),
  }),
);

/**
 * Other stores that keep something of a workspace under its id (each removes its own data).
 * Stores register here instead of being imported, so this module stays below them.
 */
const extraForgetters: ((id: string) => Promise<void>)[] = [];

/** Registers a store whose data for a workspace `forgetWorkspace` must also remove. */
export function onForgetWorkspace(forget: (id: string) => Promise<void>): void {
  if (!extraForgetters.includes(forget)) extraForgetters.push(forget);
}

function readLeft(storage: KeyValueStorage): LeftWorkspace[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(APP_KEYS.recentlyLeft) ?? '[]');
  } catch {
    raw = [];
  }
  if (!Array.isArray(raw)) return [];
  const out: LeftWorkspace[] = [];
  for (const item of raw) {
    const parsed = leftSchema().safeParse(item);
    if (parsed.success)
      out.push({
        ...parsed.data,
        id: parsed.data.id as WorkspaceId,
        name: listedWorkspaceName(parsed.data.name),
      });
  }
  return out;
}

function writeLeft(list: LeftWorkspace[], storage: KeyValueStorage): void {
  if (list.length === 0) storage.removeItem(APP_KEYS.recentlyLeft);
  else storage.setItem(APP_KEYS.recentlyLeft, JSON.stringify(list));
}

/**
 * Workspaces left on this computer that can still be restored, most recent first. One that
 * is on the workspace list again (joined again) is not listed.
 */
export function listRecentlyLeft(storage: KeyValueStorage = appStorage()): LeftWorkspace[] {
  return readLeft(storage)
    .filter((w) => !getWorkspaceRecord(w.id, storage))
    .sort((a, b) => b.leftAt - a.leftAt);
}

/**
 * Removes everything this computer keeps of a workspace: its registry and recently-left
 * entries, sync settings (room, password, servers), sync marks, join flag, its document's
 * IndexedDB database, its board preview and whatever registered stores keep for it.
 */
export async function forgetWorkspace(
  id: string,
  storage: KeyValueStorage = appStorage(),
): Promise<void> {
  removeWorkspaceRecord(id, storage);
  writeLeft(
    readLeft(storage).filter((w) => w.id !== id),
    storage,
  );
  for (const key of workspaceKeys(id)) storage.removeItem(key);
  if (typeof indexedDB !== 'undefined') await deleteDatabase(workspaceDbName(id));
  await deleteBoardPreview(id);
  for (const forget of extraForgetters) {
    try {
      await forget(id);
    } catch {
      // The workspace is gone from this computer's list and storage either way; what one store
      // could not remove now is never read again for a forgotten id.
    }
  }
}

/**
 * Leaves a workspace on this computer. With `keep`, it goes off the workspace list but its
 * document, sync settings and marks stay, restorable for LEFT_KEPT_DAYS days, with sync
 * turned off so it stops exchanging changes at once. Without, it is forgotten now.
 */
export async function leaveWorkspace(
  id: string,
  opts: { keep: boolean; now?: number; storage?: KeyValueStorage },
): Promise<LeftWorkspace | null> {
  const storage = opts.storage ?? appStorage();
  if (!opts.keep) {
    await forgetWorkspace(id, storage);
    return null;
  }
  const now = opts.now ?? Date.now();
  const record = removeWorkspaceRecord(id, storage);
  const entry: LeftWorkspace = {
    id: (record?.id ?? id) as WorkspaceId,
    name: record?.name ?? 'Untitled workspace',
    createdAt: record?.createdAt ?? now,
    leftAt: now,
    removeAt: now + LEFT_KEPT_DAYS * DAY_MS,
  };
  writeLeft([...readLeft(storage).filter((w) => w.id !== id), entry], storage);
  const settings = loadSyncSettings(storage, id);
  if (settings?.enabled) saveSyncSettings(storage, id, { ...settings, enabled: false });
  return entry;
}

/** Puts a left workspace back on the list, as it was (sync stays off until turned on). */
export function restoreLeftWorkspace(
  id: string,
  storage: KeyValueStorage = appStorage(),
  now = Date.now(),
): WorkspaceRecord {
  const left = readLeft(storage);
  const entry = left.find((w) => w.id === id);
  if (!entry) throw new Error('That workspace is no longer kept on this computer.');
  const record: WorkspaceRecord = {
    id: entry.id,
    name: entry.name,
    createdAt: entry.createdAt,
    lastOpenedAt: now,
  };
  putWorkspaceRecord(record, storage);
  writeLeft(
    left.filter((w) => w.id !== id),
    storage,
  );
  return record;
}

/**
 * Forgets every left workspace whose time is up (run at start). One that is on the list
 * again (joined again) only loses its recently-left entry, never its data.
 */
export async function purgeExpiredLeft(
  storage: KeyValueStorage = appStorage(),
  now = Date.now(),
): Promise<LeftWorkspace[]> {
  const left = readLeft(storage);
  const expired = left.filter((w) => w.removeAt <= now);
  if (expired.length === 0) return [];
  writeLeft(
    left.filter((w) => w.removeAt > now),
    storage,
  );
  const purged: LeftWorkspace[] = [];
  for (const w of expired) {
    if (getWorkspaceRecord(w.id, storage)) continue;
    await forgetWorkspace(w.id, storage);
    purged.push(w);
  }
  return purged;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`Could not delete ${name}.`));
    // Another tab still holds it open: deletion completes when that tab closes it.
    req.onblocked = () => resolve();
  });
}
