import type * as Y from 'yjs';
import { repairOrphans, type PlacedDrop } from './board';
import { root, SYSTEM_ORIGIN } from './schema';
import { isLiveStage, removedStageDestination, removedStageName } from './stage';
import { isReadOnlyFor } from './workspace';

/**
 * Keeps every drop on the board while peers edit: runs `repairOrphans` now and again shortly
 * after any remote change to stages or drops (a peer removed a stage this person just moved a
 * drop into, or the other way round). Local edits never orphan a drop, so they are ignored.
 * A read-only (newer) document is never written. `onMovedHere` hears of drops this person
 * moved into a stage a teammate removed, and where they went, whichever peer repaired them.
 * Returns a function that stops watching.
 */
export function keepDropsPlaced(
  doc: Y.Doc,
  delayMs = 300,
  onMovedHere?: (placed: PlacedDrop[]) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tell = (placed: PlacedDrop[]) => {
    const mine = placed.filter((p) => p.movedHere && p.removedStageName !== null);
    if (mine.length > 0) onMovedHere?.(mine);
  };
  const repair = () => {
    timer = null;
    if (!isReadOnlyFor(doc)) repairOrphans(doc, tell);
  };
  const onRemote = (_events: unknown, tx: Y.Transaction) => {
    if (tx.local || timer !== null) return;
    timer = setTimeout(repair, delayMs);
  };
  const stopWatchingRepairs = watchRepairsOfMyMoves(doc, tell);
  repair();
  root.stages(doc).observeDeep(onRemote);
  root.drops(doc).observeDeep(onRemote);
  return () => {
    if (timer !== null) clearTimeout(timer);
    stopWatchingRepairs();
    root.stages(doc).unobserveDeep(onRemote);
    root.drops(doc).unobserveDeep(onRemote);
  };
}

/**
 * A teammate's peer may repair a drop this person moved before this person's own repair runs
 * (each waits a moment after syncing): the drop then arrives already placed, and only the
 * position it replaced tells that it was this person's move into a removed stage. Remembers
 * the stage of this person's last move of each drop and reports such remote repairs.
 */
function watchRepairsOfMyMoves(doc: Y.Doc, tell: (placed: PlacedDrop[]) => void): () => void {
  const movedInto = new Map<string, string>();
  const onDrops = (events: Y.YEvent<Y.AbstractType<unknown>>[], tx: Y.Transaction) => {
    const placed: PlacedDrop[] = [];
    for (const event of events) {
      const dropId = event.path[0];
      const change = event.changes.keys.get('pos');
      if (event.path.length !== 1 || typeof dropId !== 'string' || !change) continue;
      const pos = (event.target as Y.Map<unknown>).get('pos') as { stageId?: unknown } | undefined;
      const stageId = typeof pos?.stageId === 'string' ? pos.stageId : null;
      if (tx.local) {
        // This person's own move (a repair on this machine reports itself).
        if (tx.origin !== SYSTEM_ORIGIN && stageId !== null) movedInto.set(dropId, stageId);
        continue;
      }
      const mine = movedInto.get(dropId);
      const old = change.oldValue as { stageId?: unknown } | undefined;
      movedInto.delete(dropId);
      if (mine === undefined || old?.stageId !== mine || stageId === null) continue;
      if (isLiveStage(doc, mine) || !isLiveStage(doc, stageId)) continue;
      const followed = removedStageDestination(doc, mine);
      // Repaired where the removal sent its drops, or (crossing removals, a loop) to the first
      // stage: either way this person's move into a removed stage was undone by a teammate's.
      if (followed !== null && followed.stageId !== stageId) continue;
      const removedName = followed?.removedName ?? removedStageName(doc, mine);
      if (removedName === null) continue;
      placed.push({ dropId, stageId, removedStageName: removedName, movedHere: true });
    }
    if (placed.length > 0) tell(placed);
  };
  root.drops(doc).observeDeep(onDrops);
  return () => root.drops(doc).unobserveDeep(onDrops);
}
