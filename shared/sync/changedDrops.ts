import type * as Y from 'yjs';
import { dropOfBriefBody, root } from '../model/schema';

type AnyType = Y.AbstractType<unknown>;

/**
 * The drops a transaction touched (their record, a field, their brief's fields or body), so
 * changes made offline can be marked on their cards.
 */
export function dropsChangedBy(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  // Compared by identity only, so the element types do not matter here.
  const drops = root.drops(doc) as unknown as AnyType;
  const briefs = root.briefs(doc) as unknown as AnyType;
  const out = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    if (type === drops || type === briefs) {
      for (const k of keys) if (typeof k === 'string') out.add(k);
      continue;
    }
    const id = owningDrop(doc, type as AnyType, drops, briefs);
    if (id) out.add(id);
  }
  return out;
}

function owningDrop(doc: Y.Doc, type: AnyType, drops: AnyType, briefs: AnyType): string | null {
  let t: AnyType = type;
  for (let depth = 0; depth < 1000; depth++) {
    const item = t._item;
    if (!item) {
      // A top-level type: brief bodies live in `brief:<dropId>`.
      for (const [name, shared] of doc.share) {
        if (shared === t) return dropOfBriefBody(name);
      }
      return null;
    }
    const parent = item.parent as AnyType;
    if ((parent === drops || parent === briefs) && typeof item.parentSub === 'string')
      return item.parentSub;
    t = parent;
  }
  return null;
}
