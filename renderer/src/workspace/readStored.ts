import { Doc } from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { workspaceDbName } from './localKeys';

/**
 * Reads a workspace from this machine's storage without opening it for editing (the print
 * views): `read` gets the loaded document, which is closed again afterwards.
 */
export async function readStoredWorkspace<T>(id: string, read: (doc: Doc) => T): Promise<T> {
  const doc = new Doc();
  const persistence = new IndexeddbPersistence(workspaceDbName(id), doc);
  try {
    await persistence.whenSynced;
    return read(doc);
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
}
