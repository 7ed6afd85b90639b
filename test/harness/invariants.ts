import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/board';
import { readDropRecord, readDrops } from '../../shared/model/drop';
import { root } from '../../shared/model/schema';
import { readStages } from '../../shared/model/stage';
import { readMeta } from '../../shared/model/workspace';

/** Everything a person can see of a workspace, in plain values. */
export function view(doc: Y.Doc) {
  return {
    meta: readMeta(doc),
    stages: readStages(doc),
    drops: readDrops(doc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    board: readBoard(doc).map((c) => ({ stage: c.stage.id, drops: c.drops.map((d) => d.id) })),
    // The raw records too: converged replicas may list Y.Map keys in another order, so this
    // is compared by deep equality, never as strings.
    raw: {
      meta: root.meta(doc).toJSON(),
      stages: root.stages(doc).toJSON(),
      drops: root.drops(doc).toJSON(),
      briefs: root.briefs(doc).toJSON(),
    },
  };
}

function stateVector(doc: Y.Doc): Record<number, number> {
  return Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc)));
}

/** Throws unless every replica shows exactly the same workspace. */
export function assertConverged(docs: Y.Doc[]): void {
  const first = view(docs[0]!);
  const firstVector = stateVector(docs[0]!);
  docs.forEach((doc, i) => {
    if (i === 0) return;
    if (!isDeepStrictEqual(stateVector(doc), firstVector)) {
      throw new Error(`peer ${i} has not received every update`);
    }
    const other = view(doc);
    for (const key of Object.keys(first) as (keyof typeof first)[]) {
      if (!isDeepStrictEqual(other[key], first[key])) {
        throw new Error(
          `peer ${i} differs from peer 0 in ${key}:\n${JSON.stringify(other[key])}\nvs\n${JSON.stringify(first[key])}`,
        );
      }
    }
  });
}

export interface BoardCheck {
  /** Concurrent stage removals left no stage: the drops cannot be shown until repaired. */
  noStages: boolean;
  /** Drops whose stage no longer exists (shown in the first stage). */
  orphans: number;
}

/**
 * Board invariants on one replica: every drop record is readable; every live drop appears
 * exactly once across the columns and archived ones nowhere; no drop is duplicated. With
 * `strict`, every drop must also sit in a stage that exists (after repairOrphans).
 */
export function assertBoard(doc: Y.Doc, strict: boolean): BoardCheck {
  const stageIds = new Set<string>(readStages(doc).map((s) => s.id));
  const records = root.drops(doc);
  const live = new Set<string>();
  let orphans = 0;
  records.forEach((rec, id) => {
    const drop = readDropRecord(id, rec);
    if (!drop) throw new Error(`drop ${id} has no readable place: ${JSON.stringify(rec.toJSON())}`);
    if (!stageIds.has(drop.pos.stageId)) orphans++;
    if (!drop.archived) live.add(id);
  });
  const noStages = stageIds.size === 0;
  if (strict && (noStages || orphans > 0)) {
    throw new Error(`${orphans} drops still point at a stage that does not exist`);
  }
  if (noStages) return { noStages, orphans };
  const seen = new Map<string, number>();
  for (const column of readBoard(doc)) {
    let previous: { id: string; rank: string } | null = null;
    for (const drop of column.drops) {
      seen.set(drop.id, (seen.get(drop.id) ?? 0) + 1);
      if (drop.archived) throw new Error(`archived drop ${drop.id} is on the board`);
      const home = stageIds.has(drop.pos.stageId) ? drop.pos.stageId : null;
      if (home !== null && home !== column.stage.id) {
        throw new Error(`drop ${drop.id} shows in ${column.stage.id} but lives in ${home}`);
      }
      const current = { id: drop.id, rank: drop.pos.rank };
      if (
        previous &&
        (previous.rank > current.rank ||
          (previous.rank === current.rank && previous.id >= current.id))
      ) {
        throw new Error(`column ${column.stage.id} is out of order at ${drop.id}`);
      }
      previous = current;
    }
  }
  for (const [id, count] of seen) {
    if (count !== 1) throw new Error(`drop ${id} appears ${count} times on the board`);
  }
  for (const id of live) {
    if (!seen.has(id)) throw new Error(`live drop ${id} is missing from the board`);
  }
  if (seen.size !== live.size) throw new Error('the board shows drops that are not live');
  return { noStages, orphans };
}
