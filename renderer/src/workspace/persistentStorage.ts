// Browsers may evict IndexedDB under storage pressure unless the origin holds persistent
// storage. The app asks once at start (Electron grants it to our own page; a browser decides
// by its own rules) and the sync panel says so when it was not granted.

/** What the browser answered: kept for good, may be cleared, or no way to ask. */
export type StoragePersistence = 'granted' | 'not-granted' | 'unsupported';

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted'>;

let asked: Promise<StoragePersistence> | null = null;

/** Asks for persistent storage once per page (later calls share the answer). */
export function requestPersistentStorage(
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<StoragePersistence> {
  return (asked ??= ask(storage));
}

async function ask(storage: StorageManagerLike | undefined): Promise<StoragePersistence> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'not-granted';
  } catch {
    return 'not-granted';
  }
}

/** For tests: forget the cached answer. */
export function resetPersistentStorageRequest(): void {
  asked = null;
}
