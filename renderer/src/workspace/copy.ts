import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import {
  adoptAsAppSchema,
  isInitialised,
  isReadOnlyFor,
  printableLine,
  renameWorkspace,
  root,
  WORKSPACE_NAME_MAX,
} from '../../../shared/model';
import { workspaceDbName } from './localKeys';
import { forgetWorkspace } from './localState';
import { createWorkspaceRecord, freeWorkspaceName, type WorkspaceRecord } from './registry';

/** Creates a new workspace holding everything in the open document `doc` (see below). */
export function createWorkspaceCopy(
  doc: Doc,
  name: string,
  opts: { editable?: boolean } = {},
): Promise<WorkspaceRecord> {
  return createWorkspaceFromState(encodeStateAsUpdate(doc), name, opts);
}

/**
 * Creates a new workspace (a new id, its own room once it syncs) holding `state`: a restored
 * snapshot or an imported file of another workspace. The state was checked by the caller.
 * Returns its registry record; the switcher lists it and opening it shows the copy. With
 * `editable`, a copy of a newer app's workspace (read-only here) is made editable by this app.
 */
export async function createWorkspaceFromState(
  state: Uint8Array,
  name: string,
  opts: { editable?: boolean } = {},
): Promise<WorkspaceRecord> {
  const probe = new Doc();
  applyUpdate(probe, state);
  if (!isInitialised(probe)) {
    probe.destroy();
    throw new Error('This does not contain a workspace.');
  }
  probe.destroy();
  // A name no workspace here has ("Saltmarsh Studio 2" beside the original).
  const clean = freeWorkspaceName(workspaceNameFor(name));
  const record = createWorkspaceRecord(clean);
  const doc = new Doc();
  const persistence = new IndexeddbPersistence(workspaceDbName(record.id), doc);
  try {
    await persistence.whenSynced;
    applyUpdate(doc, state);
    if (opts.editable && isReadOnlyFor(doc)) adoptAsAppSchema(doc);
    // The copy is a new workspace of this person's own: its document takes the listed name
    // (a file's name may hold line breaks or direction characters).
    if (root.meta(doc).get('name') !== clean) renameWorkspace(doc, clean);
  } catch (err) {
    // No half-made workspace in the switcher.
    await persistence.destroy().catch(() => {});
    doc.destroy();
    await forgetWorkspace(record.id).catch(() => {});
    throw err;
  }
  // Closing waits for the writes above to finish.
  await persistence.destroy();
  doc.destroy();
  return record;
}

/** A valid workspace name (1 to 60 characters, one plain line) made from any text. */
export function workspaceNameFor(text: string): string {
  const clean = printableLine(text) || 'Restored workspace';
  return clean.length > WORKSPACE_NAME_MAX
    ? `${printableLine(clean, WORKSPACE_NAME_MAX - 1)}…`
    : clean;
}
