/// <reference lib="webworker" />
// Compacts a workspace's database off the main thread: decoding every stored entry and
// encoding the merged state took a quarter of a second and more of the window's time in a
// workspace with tens of thousands of orders, three seconds after it opened.
import { compactStoredUpdates, type CompactionResult } from './compactStore';

declare const self: DedicatedWorkerGlobalScope;

export interface CompactionRequest {
  dbName: string;
  threshold: number;
}

export type CompactionReply =
  ({ type: 'done' } & CompactionResult) | { type: 'error'; message: string };

self.onmessage = async (e: MessageEvent<CompactionRequest>) => {
  const { dbName, threshold } = e.data;
  let db: IDBDatabase | null = null;
  try {
    db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(dbName);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed.'));
      // Opening without a version never creates the stores: a database that is gone (the
      // workspace was left) has nothing to compact.
      open.onupgradeneeded = () => open.transaction?.abort();
    });
    // Leaving the workspace deletes its database: let it go at once.
    db.onversionchange = () => db?.close();
    const result = await compactStoredUpdates(db, threshold);
    self.postMessage({ type: 'done', ...result } satisfies CompactionReply);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    self.postMessage({ type: 'error', message } satisfies CompactionReply);
  } finally {
    db?.close();
  }
};
