import type * as Y from 'yjs';
import { root } from '../model/schema';

/**
 * Calls `onDeleted` with the drops a teammate's change (a transaction from elsewhere: sync, a
 * merged file) deleted, as it is applied. Local deletions (this person's, their undo) are not
 * reported. Returns a function that stops.
 */
export function watchRemoteDropDeletions(
  doc: Y.Doc,
  onDeleted: (dropIds: string[]) => void,
): () => void {
  const drops = root.drops(doc);
  const observer: Parameters<typeof drops.observe>[0] = (event, transaction) => {
    if (transaction.local) return;
    const deleted: string[] = [];
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'delete') deleted.push(key);
    });
    if (deleted.length) onDeleted(deleted);
  };
  drops.observe(observer);
  return () => drops.unobserve(observer);
}
