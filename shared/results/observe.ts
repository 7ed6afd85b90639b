import type * as Y from 'yjs';
import { root } from '../model/schema';
import { resultsRoot, resultsTypes } from './roots';
import { CUSTOMER_SALT_KEY } from './settings';

/** What one transaction changed of the results' inputs. */
export interface ResultInputChange {
  /** Made on this machine, not received from a teammate. */
  local: boolean;
  /** Only imported orders or interest events changed (an import, or one slice of one). */
  importedOnly: boolean;
}

/**
 * Calls `onChange` after each transaction that changed anything the results read (drops,
 * briefs, creators, meta and the results' own maps), not for typing in a brief's rich text, for
 * the customer salt, nor for a drop moved on the board. Returns the unsubscribe.
 */
export function observeResultInputs(
  doc: Y.Doc,
  onChange: (change: ResultInputChange) => void,
): () => void {
  let dirty = false;
  let beyondImports = false;
  const settings = resultsRoot.settings(doc);
  const imported: Y.Map<unknown>[] = [resultsRoot.orders(doc), resultsRoot.interest(doc)];
  const markImported = () => (dirty = true);
  const mark = () => {
    dirty = true;
    beyondImports = true;
  };
  // The customer salt is written on a first import and no result reads it: it redraws nothing.
  const markSettings = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((e) => [...e.changes.keys.keys()].some((k) => k !== CUSTOMER_SALT_KEY))) {
      mark();
    }
  };
  // A drop's place on the board (`pos`) is read by no result: a move, the commonest edit of
  // all, would otherwise recompute every drop's results before the board could draw it.
  const drops = root.drops(doc) as Y.Map<unknown>;
  const markDrops = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const placeOnly = (e: Y.YEvent<Y.AbstractType<unknown>>) =>
      e.target !== drops &&
      e.path.length === 1 &&
      [...e.changes.keys.keys()].every((k) => k === 'pos');
    if (!events.every(placeOnly)) mark();
  };
  const types: Y.Map<unknown>[] = [
    root.meta(doc),
    drops,
    root.briefs(doc) as Y.Map<unknown>,
    root.creators(doc) as Y.Map<unknown>,
    ...resultsTypes(doc),
  ];
  const observers = types.map(
    (t) =>
      [
        t,
        t === settings
          ? markSettings
          : t === drops
            ? markDrops
            : imported.includes(t)
              ? markImported
              : mark,
      ] as const,
  );
  for (const [t, f] of observers) t.observeDeep(f);
  const after = (tr: Y.Transaction) => {
    if (!dirty) return;
    const change = { local: tr.local, importedOnly: !beyondImports };
    dirty = false;
    beyondImports = false;
    onChange(change);
  };
  doc.on('afterTransaction', after);
  return () => {
    for (const [t, f] of observers) t.unobserveDeep(f);
    doc.off('afterTransaction', after);
  };
}
