import type * as Y from 'yjs';
import { root } from '../../../shared/model/schema';

/**
 * The drops a transaction touched (their record, a field, their brief's fields or body), so
 * changes made offline can be marked on their cards.
 */
export function dropsChangedBy(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const drops = root.drops(doc);
  const briefs = root.briefs(doc);
  const out = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    if (type === drops || type === briefs) {
      for (const k of keys) if (typeof k === 'string') out.add(k);
      continue;
    }
    const id = owningDrop(doc, type, drops, briefs);
    if (id) out.add(id);
  }
  return out;
}

function owningDrop(
  doc: Y.Doc,
  type: Y.AbstractType<unknown>,
  drops: Y.AbstractType<unknown>,
  briefs: Y.AbstractType<unknown>,
): string | null {
  let t: Y.AbstractType<unknown> = type;
  for (let depth = 0; depth < 1000; depth++) {
    const item = t._item;
    if (!item) {
      // A top-level type: brief bodies live in `brief:<dropId>`.
      for (const [name, shared] of doc.share) {
        if (shared === t) return name.startsWith('brief:') ? name.slice(6) : null;
      }
      return null;
    }
    const parent = item.parent as Y.AbstractType<unknown>;
    if ((parent === drops || parent === briefs) && typeof item.parentSub === 'string') return item.parentSub;
    t = parent;
  }
  return null;
}
