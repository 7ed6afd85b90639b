import type * as Y from 'yjs';

// The results' top-level types, all maps of plain values. `dropActuals` keys each fact as
// `<dropId>|<fact>` (no nested record per drop, so two people recording different facts offline
// both keep theirs). The others are keyed by a natural id: an order by the shop's order id, an
// interest event by its own content, an import by a random id. Re-importing the same facts
// therefore writes nothing.

/** Names of the results' top-level maps (values are plain JSON). */
export const RESULTS_VALUE_MAPS = [
  'dropActuals',
  'orders',
  'interest',
  'resultImports',
  'resultSettings',
] as const;

/** Accessors for the results' top-level types. */
export const resultsRoot = {
  dropActuals: (doc: Y.Doc) => doc.getMap<unknown>('dropActuals'),
  orders: (doc: Y.Doc) => doc.getMap<unknown>('orders'),
  interest: (doc: Y.Doc) => doc.getMap<unknown>('interest'),
  imports: (doc: Y.Doc) => doc.getMap<unknown>('resultImports'),
  settings: (doc: Y.Doc) => doc.getMap<unknown>('resultSettings'),
};

/** Every results type, for the undo manager's scope and for observers. */
export function resultsTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return [
    resultsRoot.dropActuals(doc),
    resultsRoot.orders(doc),
    resultsRoot.interest(doc),
    resultsRoot.imports(doc),
    resultsRoot.settings(doc),
  ];
}
