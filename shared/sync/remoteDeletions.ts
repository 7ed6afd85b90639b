import * as Y from 'yjs';
import { placeFor, restoreDropsFromSnapshot } from '../history/restore';
import { recordAt, root, toRecord, transactLocal } from '../model/schema';

/** A deleted drop's own values and its brief's, as they were just before the deletion. */
export interface DeletedDropValues {
  dropId: string;
  drop: Record<string, unknown>;
  brief: Record<string, unknown> | null;
}

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
  /**
   * Every deleted drop's values and its brief's, read as the deletion is applied (Yjs keeps the
   * content until the transaction ends): what `restoreDeletedDrops` puts back. Its brief's text
   * and its recorded facts are not deleted with a drop, so they need no copy.
   */
  values: DeletedDropValues[];
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
    const values = deleted.map((id) => ({
      dropId: id,
      drop: valuesDeletedBy(transaction, drops._map.get(id)) ?? {},
      brief: valuesDeletedBy(transaction, root.briefs(doc)._map.get(id)),
    }));
    onDeleted({ dropIds: deleted, kept: saved.length ? kept : null, keptIds: saved, values });
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

/**
 * The values of a record this transaction deleted, read from its items before the transaction
 * ends and Yjs drops their content; null when it was not deleted here (or is not a record).
 */
function valuesDeletedBy(
  transaction: Y.Transaction,
  item: Y.Item | undefined,
): Record<string, unknown> | null {
  if (!item || !(item.content instanceof Y.ContentType)) return null;
  if (!Y.isDeleted(transaction.deleteSet, item.id)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of item.content.type._map) {
    // A key removed before this transaction is not part of what was there.
    if (value.deleted && !Y.isDeleted(transaction.deleteSet, value.id)) continue;
    const content = value.content.getContent() as unknown[];
    const last = content[content.length - 1];
    if (content.length > 0 && !(last instanceof Y.AbstractType)) out[key] = last;
  }
  return out;
}

/**
 * Puts deleted drops back with the values they had (one local edit, which teammates receive),
 * in their stage when it is still on the board, else at the end of the first. A drop that is
 * back already is left. Returns how many came back.
 */
export function restoreDeletedDrops(doc: Y.Doc, deleted: readonly DeletedDropValues[]): number {
  return transactLocal(doc, () => {
    let count = 0;
    for (const { dropId, drop, brief } of deleted) {
      if (recordAt(root.drops(doc), dropId) || Object.keys(drop).length === 0) continue;
      root.drops(doc).set(dropId, toRecord({ ...drop, pos: placeFor(doc, dropId, drop.pos) }));
      if (brief && !recordAt(root.briefs(doc), dropId))
        root.briefs(doc).set(dropId, toRecord(brief));
      count++;
    }
    return count;
  });
}
