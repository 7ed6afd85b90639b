import type * as Y from 'yjs';
import { compareRanked } from './rank';
import { readStages, type Stage } from './stage';
import { readDrops, type Drop } from './drop';

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
