import type * as Y from 'yjs';
import { newStageId } from './ids';
import { compareRanked, isValidRank, rankBetween, ranksAfter } from './rank';
import { readStages, type Stage } from './stage';
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

/**
 * Gives every drop without a usable place a real one at the end of the first stage: its stage
 * was removed by a peer while it moved there, its position is malformed, or concurrent
 * removals left no stage at all (then a "Recovered" stage is created). Relative order is kept.
 * Bookkeeping, not an edit: it is not undoable. Returns how many drops were placed.
 */
export function repairOrphans(doc: Y.Doc): number {
  const stages = readStages(doc);
  const live = new Set<string>(stages.map((s) => s.id));
  const drops = root.drops(doc);
  const orphans: { id: string; rank: string }[] = [];
  drops.forEach((_rec, id) => {
    const pos = recordAt(drops, id)?.get('pos') as
      { stageId?: unknown; rank?: unknown } | undefined;
    const rank = typeof pos?.rank === 'string' ? pos.rank : '';
    const placed = typeof pos?.stageId === 'string' && live.has(pos.stageId) && isValidRank(rank);
    if (recordAt(drops, id) && !placed) orphans.push({ id, rank });
  });
  if (orphans.length === 0) return 0;
  doc.transact(() => {
    let first = stages[0]?.id as string | undefined;
    if (first === undefined) {
      first = newStageId();
      root
        .stages(doc)
        .set(first, toRecord({ name: RECOVERED_STAGE_NAME, rank: rankBetween(null, null) }));
    }
    let last: string | null = null;
    drops.forEach((rec) => {
      const pos = rec.get('pos') as { stageId?: unknown; rank?: unknown } | undefined;
      if (pos?.stageId !== first || typeof pos.rank !== 'string' || !isValidRank(pos.rank)) return;
      if (last === null || pos.rank > last) last = pos.rank;
    });
    orphans.sort(compareRanked);
    const ranks = ranksAfter(last, orphans.length);
    orphans.forEach((o, i) =>
      recordAt(drops, o.id)?.set('pos', { stageId: first, rank: ranks[i] }),
    );
  }, SYSTEM_ORIGIN);
  return orphans.length;
}
