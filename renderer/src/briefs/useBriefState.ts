import { useEffect, useState } from 'react';
import type { Doc } from 'yjs';
import { readBriefState, type BriefState } from '../../../shared/brief';
import type { DropId } from '../../../shared/model';

/**
 * A brief's state (fields, rich text, status, changes since sent), kept current as the
 * document changes. Rich-text edits are coalesced: the change list and status need not
 * follow every keystroke, and reading a 20-page text per keystroke would cost typing latency.
 */
export function useBriefState(doc: Doc, dropId: DropId): BriefState | null {
  const [state, setState] = useState(() => readBriefState(doc, dropId));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      setState(readBriefState(doc, dropId));
    };
    refresh();
    const bodyName = `brief:${dropId}`;
    const onAfter = (tr: {
      changedParentTypes: Map<unknown, unknown>;
      changed: Map<unknown, unknown>;
    }) => {
      if (tr.changed.size === 0) return;
      // Only the rich text changed: refresh a little later, once typing pauses.
      const onlyBody = [...tr.changed.keys()].every((type) => isInBody(type, bodyName));
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, onlyBody ? 300 : 0);
    };
    doc.on('afterTransaction', onAfter);
    return () => {
      doc.off('afterTransaction', onAfter);
      if (timer) clearTimeout(timer);
    };
  }, [doc, dropId]);
  return state;
}

// Walks up to the top-level type and compares its name with the brief's fragment.
function isInBody(type: unknown, bodyName: string): boolean {
  let t = type as { _item: { parent: unknown } | null; doc?: Doc | null } | null;
  while (t && t._item) t = t._item.parent as typeof t;
  if (!t || !t.doc) return false;
  return t.doc.share.get(bodyName) === t;
}
