import {
  addDeliverable,
  BriefValidationError,
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
  isReadOnlyFor,
  linkCreator,
  updateCreator,
  type CreatorId,
  type CreatorPatch,
  type DropId,
} from '../../../shared/model';
import type { WorkspaceDoc as Doc } from '../../../shared/store/workspaceStore';

export const READ_ONLY_MESSAGE =
  'This workspace was saved by a newer version of Cadence, so it is read-only here.';

/** Outcome of an edit: field messages for a form, or a message for a notice. */
export type EditResult<T = void> =
  { ok: true; value: T } | { ok: false; errors: Record<string, string>; message: string };

function run<T>(doc: Doc, fn: () => T): EditResult<T> {
  if (isReadOnlyFor(doc)) return { ok: false, errors: {}, message: READ_ONLY_MESSAGE };
  try {
    return { ok: true, value: fn() };
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
export function briefActions(doc: Doc) {
  return {
    update: (dropId: DropId, patch: BriefPatch) => run(doc, () => updateBrief(doc, dropId, patch)),
    resetFields: (dropId: DropId, keys: (keyof BriefOwnFields)[]) =>
      run(doc, () => resetBriefFields(doc, dropId, keys)),
    addShot: (dropId: DropId, fields?: Partial<DeliverableFields>, afterId?: string) =>
      run(doc, () => addDeliverable(doc, dropId, fields, afterId)),
    updateShot: (dropId: DropId, rowId: string, fields: Partial<DeliverableFields>) =>
      run(doc, () => updateDeliverable(doc, dropId, rowId, fields)),
    removeShot: (dropId: DropId, rowId: string) =>
      run(doc, () => removeDeliverable(doc, dropId, rowId)),
    resetShots: (dropId: DropId) => run(doc, () => resetDeliverables(doc, dropId)),
    markReady: (dropId: DropId) => run(doc, () => markBriefReady(doc, dropId)),
    markDraft: (dropId: DropId) => run(doc, () => markBriefDraft(doc, dropId)),
    markSent: (
      dropId: DropId,
      opts: { snapshot: BriefSnapshot; fileName: string; version: number },
    ) => run(doc, () => markBriefSent(doc, dropId, opts)),
    updateTemplate: (patch: TemplatePatch) => run(doc, () => updateBriefTemplate(doc, patch)),
    resetTemplate: () => run(doc, () => resetBriefTemplate(doc)),
    createCreator: (input: CreatorPatch) => run(doc, () => createCreator(doc, input)),
    updateCreator: (id: CreatorId, patch: CreatorPatch) =>
      run(doc, () => updateCreator(doc, id, patch)),
    deleteCreator: (id: CreatorId) => run(doc, () => deleteCreator(doc, id)),
    linkCreator: (dropId: DropId, id: CreatorId | null) =>
      run(doc, () => linkCreator(doc, dropId, id)),
  };
}
export type BriefActions = ReturnType<typeof briefActions>;
export type { BriefErrors };
