import type * as Y from 'yjs';
import { newStageId } from './ids';
import { compareRanked, isValidRank, rankBetween, ranksAfter } from './rank';
import { readStages, removedStageDestination, removedStageName, type Stage } from './stage';
import { readDrops, type Drop } from './drop';
import { recordAt, root, SYSTEM_ORIGIN, toRecord } from './schema';

export interface Column {
  stage: Stage;
  drops: Drop[];
}

/**
 * The board as columns of live drops in order. A drop whose stage no longer exists
 * (deleted concurrently by a peer) is shown in the first stage: never lost.
 */
export function buildBoard(stages: Stage[], drops: Iterable<Drop>): Column[] {
  const columns = stages.map((stage) => ({ stage, drops: [] as Drop[] }));
  if (columns.length === 0) return columns;
  const byId = new Map(columns.map((c) => [c.stage.id as string, c]));
  for (const drop of drops) {
    if (drop.archived) continue;
    (byId.get(drop.pos.stageId) ?? columns[0]!).drops.push(drop);
  }
  for (const c of columns) {
    c.drops.sort((a, b) =>
      compareRanked({ id: a.id, rank: a.pos.rank }, { id: b.id, rank: b.pos.rank }),
    );
  }
  return columns;
}

export function readBoard(doc: Y.Doc): Column[] {
  return buildBoard(readStages(doc), readDrops(doc));
}

/** Name of the stage recreated when concurrent removals left a board without any. */
export const RECOVERED_STAGE_NAME = 'Recovered';

/** A drop that `repairOrphans` gave a place. */
export interface PlacedDrop {
  dropId: string;
  /** The live stage it now sits in. */
  stageId: string;
  /** The removed stage it had been moved into (null: malformed or unknown stage). */
  removedStageName: string | null;
  /** True when this person's own move put it in the removed stage. */
  movedHere: boolean;
}

// Which client last wrote a record's field: Yjs keeps it on the map's item for that key
// (`_map` is Y.Map's own store; no public API gives the author of a value).
function lastWriter(rec: Y.Map<unknown>, key: string): number | null {
  const item = (rec as unknown as { _map?: Map<string, { id?: { client?: number } }> })._map?.get(
    key,
  );
  return typeof item?.id?.client === 'number' ? item.id.client : null;
}

/**
 * Gives every drop without a usable place a real one. A drop moved into a stage that a peer
 * removed meanwhile follows that stage's drops to where its remover sent them (the end of that
 * column); one whose position is malformed, or whose stage is unknown, goes to the end of the
 * first stage; when concurrent removals left no stage at all, a "Recovered" stage is created.
 * Relative order is kept. Bookkeeping, not an edit: it is not undoable. Returns how many drops
 * were placed; `onPlaced` hears which, and where.
 */
export function repairOrphans(doc: Y.Doc, onPlaced?: (placed: PlacedDrop[]) => void): number {
  const stages = readStages(doc);
  const live = new Set<string>(stages.map((s) => s.id));
  const drops = root.drops(doc);
  const orphans: { id: string; rank: string; from: unknown }[] = [];
  drops.forEach((_rec, id) => {
    const pos = recordAt(drops, id)?.get('pos') as
      { stageId?: unknown; rank?: unknown } | undefined;
    const rank = typeof pos?.rank === 'string' ? pos.rank : '';
    const placed = typeof pos?.stageId === 'string' && live.has(pos.stageId) && isValidRank(rank);
    if (recordAt(drops, id) && !placed) orphans.push({ id, rank, from: pos?.stageId });
  });
  if (orphans.length === 0) return 0;
  const placed: PlacedDrop[] = [];
  doc.transact(() => {
    let first = stages[0]?.id as string | undefined;
    if (first === undefined) {
      first = newStageId();
      root
        .stages(doc)
        .set(first, toRecord({ name: RECOVERED_STAGE_NAME, rank: rankBetween(null, null) }));
    }
    const byTarget = new Map<string, { o: (typeof orphans)[number]; removed: string | null }[]>();
    for (const o of orphans) {
      const followed =
        typeof o.from === 'string' && isValidRank(o.rank)
          ? removedStageDestination(doc, o.from)
          : null;
      const target = followed?.stageId ?? first;
      const list = byTarget.get(target) ?? [];
      // A removed stage whose chain leads nowhere (crossing removals) still has a name to tell.
      const removed =
        followed?.removedName ??
        (typeof o.from === 'string' && isValidRank(o.rank) ? removedStageName(doc, o.from) : null);
      list.push({ o, removed });
      byTarget.set(target, list);
    }
    for (const [target, list] of byTarget) {
      let last: string | null = null;
      drops.forEach((rec) => {
        const pos = rec.get('pos') as { stageId?: unknown; rank?: unknown } | undefined;
        if (pos?.stageId !== target || typeof pos.rank !== 'string' || !isValidRank(pos.rank))
          return;
        if (last === null || pos.rank > last) last = pos.rank;
      });
      list.sort((a, b) => compareRanked(a.o, b.o));
      const ranks = ranksAfter(last, list.length);
      list.forEach(({ o, removed }, i) => {
        const rec = recordAt(drops, o.id);
        if (!rec) return;
        const mine = lastWriter(rec, 'pos') === doc.clientID;
        rec.set('pos', { stageId: target, rank: ranks[i] });
        placed.push({ dropId: o.id, stageId: target, removedStageName: removed, movedHere: mine });
      });
    }
  }, SYSTEM_ORIGIN);
  onPlaced?.(placed);
  return orphans.length;
}
