import {
  addStage,
  asOwnUndoStep,
  createDrop,
  deleteDrop,
  moveDrop,
  moveStage,
  removeStage,
  renameStage,
  setDropArchived,
  undoOrRedo,
  type CreatorId,
  type DropFields,
  type DropId,
  type StageId,
  type UndoOutcome,
} from '../../../shared/model';
import { linkCreatorKeepingBrief, updateDropKeepingBrief } from '../../../shared/brief';
import { ZodError } from 'zod';
import type { OpenWorkspace } from '../workspace';

/** Every edit the board can make; each is one undoable step through shared/model. */
export interface BoardActions {
  createDrop(stageId: StageId, title: string): DropId | null;
  updateDrop(id: DropId, patch: Partial<DropFields>): boolean;
  linkCreator(id: DropId, creatorId: CreatorId | null): void;
  moveDrop(id: DropId, stageId: StageId, index: number): void;
  setArchived(id: DropId, archived: boolean): void;
  deleteDrop(id: DropId): void;
  addStage(name: string): StageId | null;
  renameStage(id: StageId, name: string): boolean;
  moveStage(id: StageId, index: number): void;
  removeStage(id: StageId, moveDropsTo: StageId): void;
  undo(): void;
  redo(): void;
}

const READ_ONLY =
  'This workspace was saved by a newer version of Cadence, so it is read-only here.';

/** Runs one write, or returns `fallback`; a read-only document or a thrown error is reported. */
export type GuardedRun = <T>(fn: () => T, fallback: T) => T;

/**
 * Guards the shared write functions: refuses edits on a read-only document and turns a
 * thrown error into a message for the person instead of a broken screen. Each run is its
 * own undo step, so two quick moves need two undos.
 */
export function guardedRunner(ws: OpenWorkspace, report: (message: string) => void): GuardedRun {
  return (fn, fallback) => {
    if (ws.store.getSnapshot().readOnly) {
      report(READ_ONLY);
      return fallback;
    }
    try {
      return asOwnUndoStep(ws.undoManager, fn);
    } catch (err) {
      report(messageOf(err));
      return fallback;
    }
  };
}

/** The board's writes, each guarded by `guardedRunner`. */
export function makeActions(ws: OpenWorkspace, report: (message: string) => void): BoardActions {
  const { doc, undoManager } = ws;
  const run = guardedRunner(ws, report);
  return {
    createDrop: (stageId, title) =>
      run(() => createDrop(doc, { stageId, title }) as DropId | null, null),
    updateDrop: (id, patch) => run(() => (updateDropKeepingBrief(doc, id, patch), true), false),
    linkCreator: (id, creatorId) =>
      run(() => linkCreatorKeepingBrief(doc, id, creatorId), undefined),
    moveDrop: (id, stageId, index) => run(() => moveDrop(doc, id, stageId, index), undefined),
    setArchived: (id, archived) => run(() => setDropArchived(doc, id, archived), undefined),
    deleteDrop: (id) => run(() => deleteDrop(doc, id), undefined),
    addStage: (name) => run(() => addStage(doc, name) as StageId | null, null),
    renameStage: (id, name) => run(() => (renameStage(doc, id, name), true), false),
    moveStage: (id, index) => run(() => moveStage(doc, id, index), undefined),
    removeStage: (id, to) => run(() => removeStage(doc, id, to), undefined),
    undo: () => run(() => tellSkipped(undoOrRedo(undoManager, 'undo'), 'undo', report), undefined),
    redo: () => run(() => tellSkipped(undoOrRedo(undoManager, 'redo'), 'redo', report), undefined),
  };
}

/**
 * Says so when an undo or redo passed over steps a teammate has changed since (Yjs never
 * undoes over a newer change of someone else's), instead of reaching further back silently.
 */
function tellSkipped(outcome: UndoOutcome, which: 'undo' | 'redo', report: (m: string) => void) {
  const message = skippedMessage(outcome, which);
  if (message) report(message);
}

export function skippedMessage(outcome: UndoOutcome, which: 'undo' | 'redo'): string | null {
  const { done, skipped: n } = outcome;
  if (n === 0) return null;
  if (which === 'undo') {
    if (!done) return 'Nothing undone: a teammate has since changed what you did.';
    const mine = n === 1 ? 'your last change' : `your last ${n} changes`;
    return `A teammate has since changed ${mine}, so Undo left ${n === 1 ? 'it' : 'them'} and undid the change before.`;
  }
  if (!done) return 'Nothing redone: a teammate has since changed what you undid.';
  const steps = n === 1 ? 'a step' : `${n} steps`;
  return `A teammate has since changed what you undid, so Redo skipped ${steps} and redid the next.`;
}

/** A person-readable message from a thrown error (zod errors carry theirs in `issues`). */
export function messageOf(err: unknown): string {
  if (err instanceof ZodError) return err.issues[0]?.message ?? 'That value is not valid.';
  return err instanceof Error ? err.message : String(err);
}
