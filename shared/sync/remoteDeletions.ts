import * as Y from 'yjs';
import { restoreDropsFromSnapshot } from '../history/restore';
import { recordAt, root } from '../model/schema';

/** What a teammate's change deleted, and what of it can be put back. */
export interface RemoteDropDeletion {
  dropIds: string[];
  /**
   * The deleted drops that `keep` named, as they were here just before the change (drop, brief,
   * creator and recorded facts, in a document of their own: `restoreDropsFromSnapshot` puts
   * them back), or null when it named none of them.
   */
  kept: Y.Doc | null;
  keptIds: string[];
}

/**
 * Calls `onDeleted` with the drops a teammate's change (a transaction from elsewhere: sync, a
 * merged file) deleted, as it is applied. Local deletions (this person's, their undo) are not
 * reported. Returns a function that stops.
 *
 * `keep` names the drops worth keeping a copy of (those changed here that no teammate has seen):
 * before each change from elsewhere they are copied, once per local change, so that a deletion
 * among them can be undone with what this person wrote. (After the change only the deletion is
 * left: Yjs drops deleted content.)
 */
export function watchRemoteDropDeletions(
  doc: Y.Doc,
  onDeleted: (deletion: RemoteDropDeletion) => void,
  keep?: () => Iterable<string>,
): () => void {
  const drops = root.drops(doc);
  let kept: Y.Doc | null = null;
  let keptIds: string[] = [];
  let keptAtChange = -1;
  let localChanges = 0;

  const beforeTransaction = (tr: Y.Transaction): void => {
    if (tr.local || !keep) return;
    const ids = [...new Set(keep())].filter((id) => recordAt(drops, id) !== undefined).sort();
    if (ids.length === 0) {
      kept = null;
      keptIds = [];
      return;
    }
    // A teammate's changes to these drops since the copy are theirs to keep anyway.
    if (kept && keptAtChange === localChanges && ids.join() === keptIds.join()) return;
    const copy = new Y.Doc();
    restoreDropsFromSnapshot(copy, doc, ids);
    kept = copy;
    keptIds = ids;
    keptAtChange = localChanges;
  };
  const afterTransaction = (tr: Y.Transaction): void => {
    if (tr.local && tr.changed.size > 0) localChanges++;
  };
  const observer: Parameters<typeof drops.observe>[0] = (event, transaction) => {
    if (transaction.local) return;
    const deleted: string[] = [];
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'delete') deleted.push(key);
    });
    if (!deleted.length) return;
    const saved = deleted.filter((id) => keptIds.includes(id));
    onDeleted({ dropIds: deleted, kept: saved.length ? kept : null, keptIds: saved });
  };
  drops.observe(observer);
  if (keep) {
    doc.on('beforeTransaction', beforeTransaction);
    doc.on('afterTransaction', afterTransaction);
  }
  return () => {
    drops.unobserve(observer);
    doc.off('beforeTransaction', beforeTransaction);
    doc.off('afterTransaction', afterTransaction);
  };
}
