import {
  addDeliverable,
  BriefValidationError,
  linkCreatorKeepingBrief,
  markBriefDraft,
  markBriefReady,
  markBriefSent,
  removeDeliverable,
  resetBriefFields,
  resetDeliverables,
  TemplateValidationError,
  updateBrief,
  updateBriefTemplate,
  resetBriefTemplate,
  updateDeliverable,
  type BriefErrors,
  type BriefOwnFields,
  type BriefPatch,
  type BriefSnapshot,
  type DeliverableFields,
  type TemplatePatch,
} from '../../../shared/brief';
import {
  createCreator,
  CreatorValidationError,
  deleteCreator,
  asOwnUndoStep,
  isReadOnlyFor,
  updateCreator,
  type CreatorId,
  type CreatorPatch,
  type DropId,
} from '../../../shared/model';
import type { WorkspaceDoc as Doc } from '../../../shared/store/workspaceStore';
import type { OpenWorkspace } from '../workspace';

type UndoManager = OpenWorkspace['undoManager'];

export const READ_ONLY_MESSAGE =
  'This workspace was saved by a newer version of Cadence, so it is read-only here.';

/** Outcome of an edit: field messages for a form, or a message for a notice. */
export type EditResult<T = void> =
  { ok: true; value: T } | { ok: false; errors: Record<string, string>; message: string };

function runStep<T>(doc: Doc, undo: UndoManager | undefined, fn: () => T): EditResult<T> {
  if (isReadOnlyFor(doc)) return { ok: false, errors: {}, message: READ_ONLY_MESSAGE };
  try {
    // Each edit is its own undo step, however quickly the next follows (three field edits in
    // a second were one Ctrl+Z).
    return { ok: true, value: asOwnUndoStep(undo, fn) };
  } catch (err) {
    if (
      err instanceof BriefValidationError ||
      err instanceof CreatorValidationError ||
      err instanceof TemplateValidationError
    ) {
      const errors = err.errors as Record<string, string>;
      return { ok: false, errors, message: Object.values(errors).join(' ') };
    }
    return { ok: false, errors: {}, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Every edit the brief views make; each is one undoable step through shared/. */
export function briefActions(doc: Doc, undo?: UndoManager) {
  const run = <T>(fn: () => T) => runStep(doc, undo, fn);
  return {
    update: (dropId: DropId, patch: BriefPatch) => run(() => updateBrief(doc, dropId, patch)),
    resetFields: (dropId: DropId, keys: (keyof BriefOwnFields)[]) =>
      run(() => resetBriefFields(doc, dropId, keys)),
    addShot: (dropId: DropId, fields?: Partial<DeliverableFields>, afterId?: string) =>
      run(() => addDeliverable(doc, dropId, fields, afterId)),
    updateShot: (dropId: DropId, rowId: string, fields: Partial<DeliverableFields>) =>
      run(() => updateDeliverable(doc, dropId, rowId, fields)),
    removeShot: (dropId: DropId, rowId: string) => run(() => removeDeliverable(doc, dropId, rowId)),
    resetShots: (dropId: DropId) => run(() => resetDeliverables(doc, dropId)),
    markReady: (dropId: DropId) => run(() => markBriefReady(doc, dropId)),
    markDraft: (dropId: DropId) => run(() => markBriefDraft(doc, dropId)),
    markSent: (
      dropId: DropId,
      opts: { snapshot: BriefSnapshot; fileName: string; version: number },
    ) => run(() => markBriefSent(doc, dropId, opts)),
    updateTemplate: (patch: TemplatePatch) => run(() => updateBriefTemplate(doc, patch)),
    resetTemplate: () => run(() => resetBriefTemplate(doc)),
    createCreator: (input: CreatorPatch) => run(() => createCreator(doc, input)),
    updateCreator: (id: CreatorId, patch: CreatorPatch) => run(() => updateCreator(doc, id, patch)),
    deleteCreator: (id: CreatorId) => run(() => deleteCreator(doc, id)),
    linkCreator: (dropId: DropId, id: CreatorId | null) =>
      run(() => linkCreatorKeepingBrief(doc, dropId, id)),
  };
}
export type BriefActions = ReturnType<typeof briefActions>;
export type { BriefErrors };
