import { applyUpdate, encodeStateAsUpdate, transact } from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';

// y-indexeddb appends one entry per update and one more on every load; it only merges
// them after 500 entries. We merge earlier, once per open, so the database stays small.
export const COMPACT_ABOVE = 20;

const UPDATES = 'updates';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed.'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted.'));
  });
}

/**
 * Replaces the stored updates with one merged state when there are more than `threshold`.
 * Runs in one IndexedDB transaction: a crash midway leaves the old entries intact, and
 * entries another tab wrote since this one loaded are merged in, never deleted.
 * Returns the number of entries left.
 */
export async function compactPersistence(
  persistence: IndexeddbPersistence,
  threshold = COMPACT_ABOVE,
): Promise<number> {
  const db = persistence.db;
  if (!db || persistence._destroyed) return persistence._dbsize;
  const tx = db.transaction([UPDATES], 'readwrite');
  const store = tx.objectStore(UPDATES);
  const count = await request(store.count());
  if (count <= threshold) {
    await done(tx);
    return count;
  }
  const lastKey = await request(store.openKeyCursor(null, 'prev')).then((c) => c?.key);
  if (typeof lastKey !== 'number') {
    await done(tx);
    return count;
  }
  // Another tab of this workspace may have written since this one loaded (its entries are
  // the keys from _dbref on). Take them into the document first, as y-indexeddb's own
  // storeState does, so the merged state replaces nothing that is not in it.
  if (persistence._dbref <= lastKey) {
    const unseen = await request(store.getAll(IDBKeyRange.bound(persistence._dbref, lastKey)));
    transact(
      persistence.doc,
      () => unseen.forEach((u) => applyUpdate(persistence.doc, u as Uint8Array)),
      persistence,
      false,
    );
  }
  // Everything up to the last key is in the doc now; later writes keep their own entries.
  store.delete(IDBKeyRange.upperBound(lastKey));
  store.add(encodeStateAsUpdate(persistence.doc));
  const left = await request(store.count());
  await done(tx);
  persistence._dbsize = left;
  persistence._dbref = Math.max(persistence._dbref, lastKey + 1);
  return left;
}

/** How many update entries a workspace's database holds (for tests and diagnostics). */
export async function countStoredUpdates(dbName: string): Promise<number> {
  const db = await request(indexedDB.open(dbName));
  try {
    if (!db.objectStoreNames.contains(UPDATES)) return 0;
    const tx = db.transaction([UPDATES], 'readonly');
    return await request(tx.objectStore(UPDATES).count());
  } finally {
    db.close();
  }
}
