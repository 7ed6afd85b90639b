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
  type CreatorId,
  type DropFields,
  type DropId,
  type StageId,
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
    undo: () => run(() => void undoManager.undo(), undefined),
    redo: () => run(() => void undoManager.redo(), undefined),
  };
}

/** A person-readable message from a thrown error (zod errors carry theirs in `issues`). */
export function messageOf(err: unknown): string {
  if (err instanceof ZodError) return err.issues[0]?.message ?? 'That value is not valid.';
  return err instanceof Error ? err.message : String(err);
}
