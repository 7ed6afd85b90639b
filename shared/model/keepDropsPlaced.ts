import type * as Y from 'yjs';
import { repairOrphans, type PlacedDrop } from './board';
import { root } from './schema';
import { isReadOnlyFor } from './workspace';

/**
 * Keeps every drop on the board while peers edit: runs `repairOrphans` now and again shortly
 * after any remote change to stages or drops (a peer removed a stage this person just moved a
 * drop into, or the other way round). Local edits never orphan a drop, so they are ignored.
 * A read-only (newer) document is never written. `onMovedHere` hears of drops this person
 * moved into a stage a teammate removed, and where they went. Returns a function that stops
 * watching.
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
  repair();
  root.stages(doc).observeDeep(onRemote);
  root.drops(doc).observeDeep(onRemote);
  return () => {
    if (timer !== null) clearTimeout(timer);
    root.stages(doc).unobserveDeep(onRemote);
    root.drops(doc).unobserveDeep(onRemote);
  };
}
