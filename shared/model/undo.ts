import * as Y from 'yjs';
import { briefBodyName, LOCAL_ORIGIN, root, SYSTEM_ORIGIN } from './schema';
import { resultsTypes } from '../results/roots';

type DeleteSet = Parameters<typeof Y.iterateDeletedStructs>[1];

/** A step's `meta` key: the state vector (client → clock) this computer had when it was made. */
const KNOWN_AT_STEP = 'cadence.knownAtStep';

/**
 * Undo/redo of this person's own edits only: remote changes are never undone.
 * Edits closer than `captureTimeout` ms merge into one step (typing in a field).
 */
export function createUndoManager(doc: Y.Doc, captureTimeout = 400): Y.UndoManager {
  const undoManager = new Y.UndoManager(
    [
      root.meta(doc),
      root.stages(doc),
      root.drops(doc),
      root.creators(doc),
      root.briefs(doc),
      ...resultsTypes(doc),
    ],
    {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout,
    },
  );
  undoManager.on('stack-item-popped', ({ stackItem }) => restoreEmptiedKeys(doc, stackItem));
  // What this computer had of every client when the step was made (or last grew), so that
  // `removesTeammatesWork` can tell a teammate's work since the step from what was there before.
  const remember = ({ stackItem }: { stackItem: { meta: Map<unknown, unknown> } }) =>
    stackItem.meta.set(KNOWN_AT_STEP, Y.decodeStateVector(Y.encodeStateVector(doc)));
  undoManager.on('stack-item-added', remember);
  undoManager.on('stack-item-updated', remember);
  return undoManager;
}

/**
 * Adds these drops' brief texts (typing in them has the editor's own undo) to this undo's
 * scope, so an edit that writes them, such as a restore, is undone with the rest.
 */
export function undoBriefBodies(
  undoManager: Y.UndoManager,
  doc: Y.Doc,
  dropIds: Iterable<string>,
): void {
  for (const id of dropIds) undoManager.addToScope(root.briefBody(doc, id));
}

/** What one undo (or redo) did: `done` when a step changed something, `skipped` steps that could not. */
export interface UndoOutcome {
  done: boolean;
  skipped: number;
}

/**
 * Undoes (or redoes) one step. Y.UndoManager never undoes over a teammate's newer change: a
 * step whose every change a teammate has since changed again does nothing, and it goes on to
 * the step before. Those steps are counted, so the person can be told why their undo reached
 * further back (or did nothing) instead of finding out.
 */
export function undoOrRedo(undoManager: Y.UndoManager, which: 'undo' | 'redo'): UndoOutcome {
  const stack = which === 'undo' ? undoManager.undoStack : undoManager.redoStack;
  let skipped = 0;
  let left = 0;
  let done = false;
  while (stack.length > 0 && !done) {
    // Yjs would remove a record this person added (a drop, a creator, a stage) whole, with
    // whatever a teammate has written in it since: such a step is left, like one a teammate
    // has changed over, and counted.
    if (removesTeammatesWork(undoManager.doc, stack[stack.length - 1]!)) {
      stack.pop();
      left++;
      skipped++;
      continue;
    }
    // Yjs goes on by itself to the step below one that changes nothing: offered the top step
    // alone, it stops there, so the step below is checked (above) before it is applied.
    const below = stack.splice(0, stack.length - 1);
    try {
      done = (which === 'undo' ? undoManager.undo() : undoManager.redo()) !== null;
    } finally {
      stack.unshift(...below);
    }
    if (!done) skipped++;
  }
  // Steps left this way are gone for good: listeners that show whether Undo is possible
  // (the top bar's button) hear it as a partial clear.
  if (left > 0)
    undoManager.emit('stack-cleared', [
      {
        undoStackCleared: which === 'undo' && stack.length === 0,
        redoStackCleared: which === 'redo' && stack.length === 0,
      },
    ]);
  return { done, skipped };
}

/**
 * True when applying this undo (or redo) step would delete a record holding a teammate's work
 * done since the step: a drop, creator or stage the step itself had inserted (so applying it
 * deletes the whole record, not one value) in which another client has written since (or, for
 * a drop, in its brief's fields or text; for a creator or stage, a drop they linked to it or
 * moved into it). What was there before the step was made (a brief a
 * teammate wrote before a restore brought its drop back) does not count.
 */
export function removesTeammatesWork(
  doc: Y.Doc,
  step: { insertions: DeleteSet; meta: Map<unknown, unknown> },
  me: number = doc.clientID,
): boolean {
  const known = step.meta.get(KNOWN_AT_STEP);
  const before = known instanceof Map ? (known as Map<number, number>) : new Map<number, number>();
  const since = (item: Y.Item) =>
    item.id.client !== me && item.id.clock >= (before.get(item.id.client) ?? 0);
  const drops = root.drops(doc);
  const creators = root.creators(doc);
  for (const records of [drops, creators, root.stages(doc)]) {
    for (const [id, item] of records._map) {
      if (item.deleted || !Y.isDeleted(step.insertions, item.id)) continue;
      if (item.content instanceof Y.ContentType && holds(item.content.type, since)) return true;
      if (records === drops) {
        const brief = root.briefs(doc)._map.get(id);
        if (brief && !brief.deleted && brief.content instanceof Y.ContentType) {
          if (holds(brief.content.type, since)) return true;
        }
        const body = doc.share.get(briefBodyName(id));
        if (body && holds(body, since)) return true;
      } else if (
        // A teammate has since put a drop in this stage, or given one this creator.
        dropPointsAt(drops, records === creators ? 'creatorId' : 'pos', id, since)
      )
        return true;
    }
  }
  return false;
}

/** Whether a drop's `key` (its creator, or its place) was last written by `match` and names `id`. */
function dropPointsAt(
  drops: TypeContent,
  key: 'creatorId' | 'pos',
  id: string,
  match: (item: Y.Item) => boolean,
): boolean {
  for (const drop of drops._map.values()) {
    if (drop.deleted || !(drop.content instanceof Y.ContentType)) continue;
    const value = (drop.content.type as TypeContent)._map.get(key);
    if (!value || value.deleted || !match(value)) continue;
    const [v] = value.content.getContent() as unknown[];
    const named = key === 'pos' ? (v as { stageId?: unknown } | null)?.stageId : v;
    if (named === id) return true;
  }
  return false;
}

/** The part of a shared type that holds its content: map values and list items. */
interface TypeContent {
  _map: Map<string, Y.Item>;
  _start: Y.Item | null;
}

/** Whether a live item inside this type (nested types included) is one `match` picks. */
function holds(type: TypeContent, match: (item: Y.Item) => boolean): boolean {
  const visit = (item: Y.Item): boolean => {
    if (item.deleted) return false;
    if (match(item)) return true;
    return item.content instanceof Y.ContentType && holds(item.content.type, match);
  };
  for (const item of type._map.values()) if (visit(item)) return true;
  for (let item = type._start; item !== null; item = item.right) if (visit(item)) return true;
  return false;
}

/**
 * Runs one discrete action (a move, a reschedule, a saved field) as its own undo step:
 * it never merges into the edit before it nor the one after, however quickly they follow.
 * Typing, which is not wrapped, still merges within the capture window.
 */
export function asOwnUndoStep<T>(undoManager: Y.UndoManager | undefined, fn: () => T): T {
  undoManager?.stopCapturing();
  try {
    return fn();
  } finally {
    undoManager?.stopCapturing();
  }
}

/**
 * `asOwnUndoStep` for a write made in several transactions with pauses between (a large import
 * written in slices): every transaction of `fn` joins one undo step however long the pauses
 * last, and nothing before or after it joins. The caller keeps other edits out meanwhile (the
 * import dialog is modal and holds undo and redo while it writes).
 *
 * `takeBackOnFailure`: when `fn` rejects (cancelled, or an error halfway), what it wrote so far
 * is undone at once and left out of redo, so the document is as it was before: all or nothing.
 * Teammates receive the slices and then their removal, and agree on the result.
 */
export async function asOwnUndoStepAcross<T>(
  undoManager: Y.UndoManager | undefined,
  fn: () => Promise<T>,
  opts: { takeBackOnFailure?: boolean } = {},
): Promise<T> {
  if (!undoManager) return fn();
  undoManager.stopCapturing();
  const steps = undoManager.undoStack.length;
  const timeout = undoManager.captureTimeout;
  // Y.UndoManager merges a change into the last step when it follows within captureTimeout.
  undoManager.captureTimeout = Number.POSITIVE_INFINITY;
  let failed = true;
  try {
    const result = await fn();
    failed = false;
    return result;
  } finally {
    undoManager.captureTimeout = timeout;
    undoManager.stopCapturing();
    // Only a step `fn` started is taken back (it may have failed before writing anything).
    if (failed && opts.takeBackOnFailure && undoManager.undoStack.length > steps) {
      undoManager.undo();
      undoManager.clear(false, true);
    }
  }
}

/**
 * Y.UndoManager never overwrites a newer remote value. But when this person's value won a
 * concurrent write (say two people moved the same card at once), undoing it deletes it
 * without restoring the value it replaced, and the key is left empty: a card with no place.
 * Put the replaced value back, as a bookkeeping write outside the undo history.
 */
function restoreEmptiedKeys(
  doc: Y.Doc,
  stackItem: { insertions: DeleteSet; deletions: DeleteSet },
): void {
  doc.transact((transaction) => {
    Y.iterateDeletedStructs(transaction, stackItem.deletions, (struct) => {
      if (!(struct instanceof Y.Item) || struct.parentSub === null) return;
      // Written and overwritten within one step: never a value to come back to.
      if (Y.isDeleted(stackItem.insertions, struct.id)) return;
      const parent = liveCopy(doc, struct.parent);
      if (!parent || parent.has(struct.parentSub)) return;
      const [value] = struct.content.getContent() as unknown[];
      // A nested record cannot be re-inserted as is; only plain values are restored.
      if (value instanceof Y.AbstractType) return;
      parent.set(struct.parentSub, value);
    });
  }, SYSTEM_ORIGIN);
}

// The map a value belongs in now: the map itself, or the copy undo made when it restored a
// deleted record (a deleted drop brought back by undo); null when it stays deleted.
function liveCopy(doc: Y.Doc, parent: unknown): Y.Map<unknown> | null {
  if (!(parent instanceof Y.Map)) return null;
  let item = parent._item;
  while (item?.redone) {
    const next = Y.getItem(doc.store, item.redone);
    if (!(next instanceof Y.Item)) return null;
    item = next;
  }
  if (item === null) return parent as Y.Map<unknown>;
  if (item.deleted || !(item.content instanceof Y.ContentType)) return null;
  const type = item.content.type;
  return type instanceof Y.Map ? (type as Y.Map<unknown>) : null;
}
