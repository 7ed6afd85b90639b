import type * as Y from 'yjs';

// The results' top-level types. `dropActuals` holds one Y.Map record per drop (each fact its own
// key, so two people recording different facts offline both keep theirs). The other three hold
// plain values keyed by a natural id: an order by the shop's order id, an interest event by its
// own content, an import by a random id. Re-importing the same facts therefore writes nothing.

/** Names of the results' record maps (values are Y.Map records). */
export const RESULTS_RECORD_MAPS = ['dropActuals'] as const;
/** Names of the results' value maps (values are plain JSON). */
export const RESULTS_VALUE_MAPS = [
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
