import type { IndexeddbPersistence } from 'y-indexeddb';
import { compactStoredUpdates, request, UPDATES, type CompactionResult } from './compactStore';
import type { CompactionReply, CompactionRequest } from './compactionWorker';

// y-indexeddb appends one entry per update and one more on every load; it only merges
// them after 500 entries. We merge earlier, once per open, so the database stays small.
export const COMPACT_ABOVE = 20;

/**
 * Replaces the stored updates with one merged entry when there are more than `threshold`
 * (compactStore.ts). In a window the merge runs in a worker, so the window never waits on
 * it; elsewhere (tests) on this thread. Returns the number of entries left.
 *
 * Entries another tab wrote since this one loaded are merged, never deleted; this tab's
 * document reads them at its next load, as it would have without the merge.
 */
export async function compactPersistence(
  persistence: IndexeddbPersistence,
  threshold = COMPACT_ABOVE,
): Promise<number> {
  const db = persistence.db;
  if (!db || persistence._destroyed) return persistence._dbsize;
  const { left, lastKey } =
    typeof window !== 'undefined' && typeof Worker !== 'undefined'
      ? await compactInWorker({ dbName: persistence.name, threshold })
      : await compactStoredUpdates(db, threshold);
  persistence._dbsize = left;
  // y-indexeddb reads the entries from _dbref on into the document before its own merge
  // (at 500 entries) and deletes those below: the merged entry, written after lastKey, is
  // read back then, so what other tabs wrote is in the document before anything is deleted.
  if (lastKey !== null) persistence._dbref = Math.max(persistence._dbref, lastKey + 1);
  return left;
}

function compactInWorker(req: CompactionRequest): Promise<CompactionResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./compactionWorker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (e: MessageEvent<CompactionReply>) => {
      worker.terminate();
      if (e.data.type === 'done') resolve({ left: e.data.left, lastKey: e.data.lastKey });
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The compaction stopped.'));
    };
    worker.postMessage(req);
  });
}

/** How many update entries a workspace's database holds (for tests and diagnostics). */
export async function countStoredUpdates(dbName: string): Promise<number> {
  const db = await request(indexedDB.open(dbName));
  try {
    if (!db.objectStoreNames.contains(UPDATES)) return 0;
    return await request(db.transaction([UPDATES], 'readonly').objectStore(UPDATES).count());
  } finally {
    db.close();
  }
}
