// Board previews in their own small IndexedDB database (one record per workspace), so a
// workspace's first paint does not wait for its whole document to load.
import { parseBoardPreview, type BoardPreview } from '../../../shared/store/boardPreview';
import { BOARD_PREVIEW_DB } from './localKeys';

const DB_NAME = BOARD_PREVIEW_DB;
const STORE = 'previews';

let dbPromise: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  if (!dbPromise) {
    dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('Could not open the board previews.'));
    });
    // A failed open is retried next time.
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

function request<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const req = run(d.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('Board preview request failed.'));
      }),
  );
}

/** The stored preview of a workspace's board, or null (missing, malformed or unreadable). */
export async function readBoardPreview(id: string): Promise<BoardPreview | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return parseBoardPreview(await request('readonly', (s) => s.get(id)));
  } catch {
    return null;
  }
}

/** Stores a workspace's board preview; failures only cost the next open its quick paint. */
export async function writeBoardPreview(id: string, preview: BoardPreview): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await request('readwrite', (s) => s.put(preview, id));
  } catch {
    // Without a preview the next open paints from the document, as before.
  }
}

/** Forgets a workspace's board preview (the workspace was deleted). */
export async function deleteBoardPreview(id: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await request('readwrite', (s) => s.delete(id));
  } catch {
    // Nothing to forget.
  }
}
