import { z } from 'zod';
import { newWorkspaceId, workspaceNameSchema, type WorkspaceId } from '../../../shared/model';
import { deleteBoardPreview } from './boardPreviewCache';

/** What the app remembers about a workspace without opening its document. */
export interface WorkspaceRecord {
  id: WorkspaceId;
  name: string;
  createdAt: number;
  lastOpenedAt: number;
}

/** The small key-value store the registry lives in (localStorage in the app, memory in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const REGISTRY_KEY = 'cadence.workspaces.v1';
const SAMPLE_KEY = 'cadence.sampleCreated';

const recordSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,64}$/),
  name: z.string(),
  createdAt: z.number(),
  lastOpenedAt: z.number(),
});

/** A storage that lives only as long as the page (tests, or a browser with storage disabled). */
export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

let fallback: KeyValueStorage | null = null;

function defaultStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Storage can be blocked (privacy settings): fall through to memory.
  }
  return (fallback ??= memoryStorage());
}

/** The IndexedDB database that holds one workspace's document. */
export function workspaceDbName(id: string): string {
  return `cadence-ws-${id}`;
}

/** Every known workspace, most recently opened first. A corrupt entry is skipped, not fatal. */
export function listWorkspaces(storage: KeyValueStorage = defaultStorage()): WorkspaceRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(REGISTRY_KEY) ?? '[]');
  } catch {
    raw = [];
  }
  if (!Array.isArray(raw)) return [];
  const out: WorkspaceRecord[] = [];
  for (const item of raw) {
    const parsed = recordSchema.safeParse(item);
    if (parsed.success) out.push({ ...parsed.data, id: parsed.data.id as WorkspaceId });
  }
  return out.sort((a, b) => b.lastOpenedAt - a.lastOpenedAt);
}

function save(records: WorkspaceRecord[], storage: KeyValueStorage): void {
  storage.setItem(REGISTRY_KEY, JSON.stringify(records));
}

export function getWorkspaceRecord(
  id: string,
  storage: KeyValueStorage = defaultStorage(),
): WorkspaceRecord | undefined {
  return listWorkspaces(storage).find((w) => w.id === id);
}

/** Registers a new, empty workspace; its document is created when it is first opened. */
export function createWorkspaceRecord(
  name: string,
  storage: KeyValueStorage = defaultStorage(),
  now = Date.now(),
  // A joined workspace keeps the id its invite carries.
  id: WorkspaceId = newWorkspaceId(),
): WorkspaceRecord {
  const clean = workspaceNameSchema.parse(name);
  const record: WorkspaceRecord = {
    id,
    name: clean,
    createdAt: now,
    lastOpenedAt: now,
  };
  save([...listWorkspaces(storage), record], storage);
  return record;
}

export function renameWorkspaceRecord(
  id: string,
  name: string,
  storage: KeyValueStorage = defaultStorage(),
): WorkspaceRecord {
  const clean = workspaceNameSchema.parse(name);
  const records = listWorkspaces(storage);
  const record = records.find((w) => w.id === id);
  if (!record) throw new Error('That workspace no longer exists.');
  record.name = clean;
  save(records, storage);
  return record;
}

/** Marks a workspace as just opened (the switcher lists recent ones first). */
export function touchWorkspace(
  id: string,
  storage: KeyValueStorage = defaultStorage(),
  now = Date.now(),
): void {
  const records = listWorkspaces(storage);
  const record = records.find((w) => w.id === id);
  if (!record) return;
  record.lastOpenedAt = now;
  save(records, storage);
}

// Every key this machine keeps for one workspace besides its registry entry: sync settings
// (room, password, servers), sync marks, and the "awaiting first sync" join flag.
const WORKSPACE_KEYS = [
  (id: string) => `cadence.sync.${id}`,
  (id: string) => `cadence.syncMarks.${id}`,
  (id: string) => `cadence.awaitingFirstSync.${id}`,
];

/** Removes everything this machine remembers about a workspace in local storage. */
export function forgetWorkspaceLocalState(
  id: string,
  storage: KeyValueStorage = defaultStorage(),
): void {
  save(
    listWorkspaces(storage).filter((w) => w.id !== id),
    storage,
  );
  for (const key of WORKSPACE_KEYS) storage.removeItem(key(id));
}

/**
 * Forgets a workspace (registry entry, room, password, sync marks, join flag) and deletes its
 * IndexedDB database and board preview. Delete in the switcher and Leave both end here.
 */
export async function deleteWorkspace(
  id: string,
  storage: KeyValueStorage = defaultStorage(),
): Promise<void> {
  forgetWorkspaceLocalState(id, storage);
  await deleteDatabase(workspaceDbName(id));
  await deleteBoardPreview(id);
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

/** True once the sample workspace was offered (so deleting it does not bring it back). */
export function sampleWasCreated(storage: KeyValueStorage = defaultStorage()): boolean {
  return storage.getItem(SAMPLE_KEY) === '1';
}

export function markSampleCreated(storage: KeyValueStorage = defaultStorage()): void {
  storage.setItem(SAMPLE_KEY, '1');
}
