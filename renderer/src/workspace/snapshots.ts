// Local history: snapshots of each workspace's whole state, in their own IndexedDB database
// (`cadence-history`), apart from the workspace's document so they never sync and never grow
// the document. Metadata and the encoded states live in separate stores, so listing is cheap.
import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import {
  SNAPSHOT_BUDGET,
  snapshotsToPrune,
  type SnapshotKind,
} from '../../../shared/history/budget';
import { isInitialised, printableLine, randomId, root } from '../../../shared/model';
import { onForgetWorkspace } from './localState';

export type { SnapshotKind };

/** A stored snapshot, without its state. */
export interface SnapshotInfo {
  id: string;
  workspaceId: string;
  kind: SnapshotKind;
  /** What the person called it, or what the app took it for. */
  name: string;
  createdAt: number;
  /** Bytes of the encoded state. */
  size: number;
  /** Drops in the snapshot (archived included). */
  dropCount: number;
}

const DB_NAME = 'cadence-history';
const META = 'snapshots';
const STATES = 'states';
const BY_WORKSPACE = 'workspaceId';
/** How often an open workspace gets its automatic snapshot. */
export const DAILY_MS = 24 * 60 * 60 * 1000;

let dbPromise: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  if (!dbPromise) {
    dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const meta = req.result.createObjectStore(META, { keyPath: 'id' });
        meta.createIndex(BY_WORKSPACE, 'workspaceId');
        req.result.createObjectStore(STATES);
      };
      req.onsuccess = () => {
        // Another tab deleting the database (tests) must not be blocked by this one.
        req.result.onversionchange = () => {
          req.result.close();
          dbPromise = null;
        };
        resolve(req.result);
      };
      req.onerror = () => reject(req.error ?? new Error('Could not open the workspace history.'));
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('Saving the history failed.'));
    tx.onabort = () =>
      reject(
        tx.error?.name === 'QuotaExceededError'
          ? new Error('The disk is full: the snapshot could not be saved.')
          : (tx.error ?? new Error('Saving the history was interrupted.')),
      );
  });
}

function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('Reading the history failed.'));
  });
}

/** Snapshots of one workspace, newest first. */
export async function listSnapshots(workspaceId: string): Promise<SnapshotInfo[]> {
  const d = await db();
  const index = d.transaction(META, 'readonly').objectStore(META).index(BY_WORKSPACE);
  const all = (await result(index.getAll(workspaceId))) as SnapshotInfo[];
  // Names as one plain line: "Before importing “…”" held a picked file's name as it was.
  return all
    .map((s) =>
      typeof s.name === 'string' ? { ...s, name: printableLine(s.name) || 'Snapshot' } : s,
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** The encoded state of a snapshot (a Yjs update), or null when it is gone. */
export async function readSnapshotState(id: string): Promise<Uint8Array | null> {
  const d = await db();
  const state: unknown = await result(
    d.transaction(STATES, 'readonly').objectStore(STATES).get(id),
  );
  return state instanceof Uint8Array ? state : null;
}

/** A snapshot's state read back into a document of its own (for comparing and restoring). */
export async function openSnapshot(id: string): Promise<Doc> {
  const state = await readSnapshotState(id);
  if (!state) throw new Error('This snapshot is no longer on this computer.');
  const doc = new Doc();
  try {
    applyUpdate(doc, state);
  } catch {
    doc.destroy();
    throw new Error('This snapshot is damaged and cannot be read.');
  }
  return doc;
}

/**
 * Stores the workspace's whole state as a snapshot, then prunes the workspace's automatic
 * snapshots to the budget. An automatic snapshot of a state identical to the newest one is
 * skipped (returns null): nothing changed since.
 */
export async function takeSnapshot(
  workspaceId: string,
  doc: Doc,
  kind: SnapshotKind,
  name: string,
  now = Date.now(),
): Promise<SnapshotInfo | null> {
  if (!isInitialised(doc)) return null;
  const state = encodeStateAsUpdate(doc);
  const existing = await listSnapshots(workspaceId);
  if (kind !== 'named' && existing[0]) {
    const newest = await readSnapshotState(existing[0].id);
    if (newest && sameBytes(newest, state)) return null;
  }
  const info: SnapshotInfo = {
    id: `h_${randomId()}`,
    workspaceId,
    kind,
    name,
    createdAt: now,
    size: state.byteLength,
    dropCount: root.drops(doc).size,
  };
  const d = await db();
  const tx = d.transaction([META, STATES], 'readwrite');
  tx.objectStore(META).put(info);
  tx.objectStore(STATES).put(state, info.id);
  await done(tx);
  await deleteSnapshots(snapshotsToPrune([info, ...existing], SNAPSHOT_BUDGET));
  return info;
}

/** Takes the daily snapshot when the newest automatic one is a day old or there is none. */
export async function takeDailySnapshotIfDue(
  workspaceId: string,
  doc: Doc,
  now = Date.now(),
): Promise<SnapshotInfo | null> {
  const list = await listSnapshots(workspaceId);
  const lastDaily = list.find((s) => s.kind === 'daily');
  if (lastDaily && now - lastDaily.createdAt < DAILY_MS) return null;
  return takeSnapshot(workspaceId, doc, 'daily', 'Daily snapshot', now);
}

/** Deletes one snapshot. */
export async function deleteSnapshot(id: string): Promise<void> {
  await deleteSnapshots([id]);
}

async function deleteSnapshots(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const d = await db();
  const tx = d.transaction([META, STATES], 'readwrite');
  for (const id of ids) {
    tx.objectStore(META).delete(id);
    tx.objectStore(STATES).delete(id);
  }
  await done(tx);
}

/** Forgets every snapshot of a workspace (when it is deleted from this computer). */
export async function forgetSnapshots(workspaceId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const ids = (await listSnapshots(workspaceId)).map((s) => s.id);
  await deleteSnapshots(ids);
}

// Forgetting a workspace (Delete, or Leave without keeping a copy) removes its history too.
onForgetWorkspace(forgetSnapshots);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
