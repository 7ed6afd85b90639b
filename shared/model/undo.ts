import * as Y from 'yjs';
import { LOCAL_ORIGIN, root } from './schema';

/**
 * Undo/redo of this person's own edits only: remote changes are never undone.
 * Edits closer than `captureTimeout` ms merge into one step (typing in a field).
 */
export function createUndoManager(doc: Y.Doc, captureTimeout = 400): Y.UndoManager {
  return new Y.UndoManager(
    [root.meta(doc), root.stages(doc), root.drops(doc), root.creators(doc), root.briefs(doc)],
    {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout,
    },
  );
}
