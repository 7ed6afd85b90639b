import type * as Y from 'yjs';
import { root } from '../model/schema';
import { resultsTypes } from './roots';

/**
 * Calls `onChange` after each transaction that changed anything the results read (drops,
 * briefs, creators, meta and the results' own maps), not for typing in a brief's rich text.
 * Returns the unsubscribe.
 */
export function observeResultInputs(doc: Y.Doc, onChange: () => void): () => void {
  let dirty = false;
  const mark = () => (dirty = true);
  const types: Y.Map<unknown>[] = [
    root.meta(doc),
    root.drops(doc) as Y.Map<unknown>,
    root.briefs(doc) as Y.Map<unknown>,
    root.creators(doc) as Y.Map<unknown>,
    ...resultsTypes(doc),
  ];
  for (const t of types) t.observeDeep(mark);
  const after = () => {
    if (!dirty) return;
    dirty = false;
    onChange();
  };
  doc.on('afterTransaction', after);
  return () => {
    for (const t of types) t.unobserveDeep(mark);
    doc.off('afterTransaction', after);
  };
}
