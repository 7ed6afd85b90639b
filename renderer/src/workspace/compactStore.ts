import { applyUpdate, Doc, encodeStateAsUpdate, transact } from 'yjs';

// The merge itself, on an open IndexedDB database of y-indexeddb's layout. It needs no open
// document, so it runs in the compaction worker (compactionWorker.ts) as well as here.

export const UPDATES = 'updates';

/** What a compaction left: the entries in the database, and the last entry it merged. */
export interface CompactionResult {
  left: number;
  /** The highest key merged and deleted; null when there was nothing to merge. */
  lastKey: number | null;
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
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
 * Replaces the stored updates with one merged entry when there are more than `threshold`.
 * One IndexedDB transaction: a crash midway leaves the old entries intact. Every entry up to
 * the last key is merged, whichever tab wrote it, so nothing is deleted that the merged entry
 * does not hold; entries written after the transaction began keep their own.
 */
export async function compactStoredUpdates(
  db: IDBDatabase,
  threshold: number,
): Promise<CompactionResult> {
  const tx = db.transaction([UPDATES], 'readwrite');
  const store = tx.objectStore(UPDATES);
  const count = await request(store.count());
  const lastKey =
    count > threshold
      ? await request(store.openKeyCursor(null, 'prev')).then((c) => c?.key)
      : undefined;
  if (typeof lastKey !== 'number') {
    await done(tx);
    return { left: count, lastKey: null };
  }
  const stored = await request(store.getAll(IDBKeyRange.upperBound(lastKey)));
  // A fresh document collects what a deleted item held, as the open one does, so the merged
  // entry is as small as the document's own encoding.
  const doc = new Doc();
  transact(doc, () => stored.forEach((u) => applyUpdate(doc, u as Uint8Array)));
  const merged = encodeStateAsUpdate(doc);
  doc.destroy();
  store.delete(IDBKeyRange.upperBound(lastKey));
  store.add(merged);
  const left = await request(store.count());
  await done(tx);
  return { left, lastKey };
}
