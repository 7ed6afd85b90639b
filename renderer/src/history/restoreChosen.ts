import { restoreDropsFromSnapshot } from '../../../shared/history/restore';
import { asOwnUndoStep, undoBriefBodies } from '../../../shared/model';
import { openSnapshot, takeSnapshot, type OpenWorkspace, type SnapshotInfo } from '../workspace';
import type { SnapshotKind } from '../workspace';

export const KIND_LABELS: Record<SnapshotKind, string> = {
  named: 'Named',
  daily: 'Daily',
  'before-import': 'Before import',
  'before-restore': 'Before restore',
};

/**
 * Restores chosen drops from a snapshot into the open workspace: first a snapshot of now (so
 * the restore itself can be taken back from history), then one undoable edit that syncs.
 * Returns a sentence for the person.
 */
export async function restoreChosenDrops(
  ws: OpenWorkspace,
  snapshot: SnapshotInfo,
  dropIds: string[],
): Promise<string> {
  if (dropIds.length === 0) throw new Error('Choose the drops to restore first.');
  if (ws.store.getSnapshot().readOnly)
    throw new Error('This workspace is read-only here, so nothing can be restored into it.');
  const snap = await openSnapshot(snapshot.id);
  try {
    await takeSnapshot(ws.id, ws.doc, 'before-restore', `Before restoring from “${snapshot.name}”`);
    // The brief text is undone with the rest of the restore.
    undoBriefBodies(ws.undoManager, ws.doc, dropIds);
    const result = asOwnUndoStep(ws.undoManager, () =>
      restoreDropsFromSnapshot(ws.doc, snap, dropIds),
    );
    const parts: string[] = [];
    if (result.restored.length > 0)
      parts.push(
        `Restored ${result.restored.length} ${result.restored.length === 1 ? 'drop' : 'drops'}`,
      );
    if (result.removed.length > 0) parts.push(`removed ${result.removed.length} added since`);
    if (result.creators.length > 0)
      parts.push(
        `brought back ${result.creators.length} ${result.creators.length === 1 ? 'creator' : 'creators'}`,
      );
    return `${parts.join(', ') || 'Nothing to restore'} from “${snapshot.name}”.`;
  } finally {
    snap.destroy();
  }
}
