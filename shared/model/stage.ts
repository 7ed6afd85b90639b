import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { printableLine } from './printable';
import { newStageId, type DropId, type StageId } from './ids';
import { compareRanked, rankBetween, ranksAfter } from './rank';
import { recordAt, root, toRecord, transactLocal } from './schema';

/** A kanban column. */
export interface Stage {
  id: StageId;
  name: string;
  rank: string;
}

/** The playbook's phases, in order: what a new workspace starts with. */
export const DEFAULT_STAGE_NAMES = [
  'Concept & creator',
  'Brief',
  'Shoot',
  'Asset delivery',
  'Fulfilment',
  'Live',
  'Review',
] as const;

export const stageNameSchema = lazySchema(() =>
  z
    .string()
    .overwrite((name) => printableLine(name))
    .min(1, 'A stage needs a name.')
    .max(40, 'Keep stage names under 40 characters.'),
);

/**
 * Stages in board order. Malformed records (e.g. from a buggy peer) are skipped, not fatal, and
 * so are removed stages (see `removeStage`).
 */
export function readStages(doc: Y.Doc): Stage[] {
  const out: Stage[] = [];
  root.stages(doc).forEach((rec, id) => {
    if (!rec || typeof rec.get !== 'function') return;
    if (rec.get(REMOVED_INTO) !== undefined) return;
    const name = rec.get('name');
    const rank = rec.get('rank');
    if (typeof rank !== 'string') return;
    // As one plain line: a teammate's or a file's name may hold line breaks or U+202E.
    const shown = typeof name === 'string' ? printableLine(name) : '';
    out.push({ id: id as StageId, name: shown || 'Untitled', rank });
  });
  return out.sort(compareRanked);
}

// A removed stage keeps its record with this field: where its drops went. A drop a teammate
// moved into it at the same moment follows them there (see repairOrphans). The rank goes, so
// older versions of the app, which read a stage only with a rank, do not show it either.
const REMOVED_INTO = 'removedInto';

/** True when `id` is a stage on the board (not removed, not malformed). */
export function isLiveStage(doc: Y.Doc, id: string): boolean {
  const rec = recordAt(root.stages(doc), id);
  return !!rec && rec.get(REMOVED_INTO) === undefined && typeof rec.get('rank') === 'string';
}

/** The name of a stage that was removed (null when it is not one, or has no name). */
export function removedStageName(doc: Y.Doc, id: string): string | null {
  const rec = recordAt(root.stages(doc), id);
  const name = rec?.get('name');
  return rec?.get(REMOVED_INTO) !== undefined && typeof name === 'string'
    ? printableLine(name) || null
    : null;
}

/**
 * Where the drops of a removed stage went: the live stage at the end of its chain of
 * removals, or null when the stage is unknown or the chain ends nowhere (two removals that
 * crossed, each sending its drops into the other's stage, make a loop).
 */
export function removedStageDestination(
  doc: Y.Doc,
  id: string,
): { stageId: StageId; removedName: string | null } | null {
  const stages = root.stages(doc);
  const removedName = recordAt(stages, id)?.get('name');
  let at = id;
  for (let hops = 0; hops <= stages.size; hops++) {
    if (isLiveStage(doc, at)) {
      return {
        stageId: at as StageId,
        removedName: typeof removedName === 'string' ? removedName : null,
      };
    }
    const next = recordAt(stages, at)?.get(REMOVED_INTO);
    if (typeof next !== 'string') return null;
    at = next;
  }
  return null;
}

/** Seeds the default playbook stages; returns their ids in order. */
export function seedDefaultStages(doc: Y.Doc): StageId[] {
  return transactLocal(doc, () => {
    const ranks = ranksAfter(null, DEFAULT_STAGE_NAMES.length);
    return DEFAULT_STAGE_NAMES.map((name, i) => {
      const id = newStageId();
      root.stages(doc).set(id, toRecord({ name, rank: ranks[i] }));
      return id;
    });
  });
}

/**
 * Two stages with one name (in any letter case) would make the board's columns, the panel's
 * stage list and "Move its drops to" ambiguous.
 */
function refuseTakenName(doc: Y.Doc, name: string, id?: StageId): void {
  const same = name.toLocaleLowerCase();
  if (readStages(doc).some((s) => s.id !== id && s.name.trim().toLocaleLowerCase() === same))
    throw new Error(`There is already a stage called “${name}”.`);
}

/** Adds a stage at the end of the board (or after `afterId`). */
export function addStage(doc: Y.Doc, name: string, afterId?: StageId): StageId {
  const clean = stageNameSchema().parse(name);
  refuseTakenName(doc, clean);
  return transactLocal(doc, () => {
    const stages = readStages(doc);
    // A stage to follow that a peer deleted meanwhile: append at the end, not at the front.
    const found = afterId ? stages.findIndex((s) => s.id === afterId) : -1;
    const index = found >= 0 ? found : stages.length - 1;
    const before = stages[index]?.rank ?? null;
    const after = stages[index + 1]?.rank ?? null;
    const id = newStageId();
    root.stages(doc).set(id, toRecord({ name: clean, rank: rankBetween(before, after) }));
    return id;
  });
}

export function renameStage(doc: Y.Doc, id: StageId, name: string): void {
  const clean = stageNameSchema().parse(name);
  refuseTakenName(doc, clean, id);
  transactLocal(doc, () => recordAt(root.stages(doc), id)?.set('name', clean));
}

/** Moves a stage so that it ends up at `toIndex` in the board order. */
export function moveStage(doc: Y.Doc, id: StageId, toIndex: number): void {
  transactLocal(doc, () => {
    const others = readStages(doc).filter((s) => s.id !== id);
    const i = Math.max(0, Math.min(toIndex, others.length));
    const rank = rankBetween(others[i - 1]?.rank ?? null, others[i]?.rank ?? null);
    recordAt(root.stages(doc), id)?.set('rank', rank);
  });
}

/**
 * Removes a stage. Its drops (archived ones included) move to `moveDropsTo`, appended after
 * that column's cards, so nothing is lost. The stage's record stays, holding that destination,
 * so a drop a teammate moves into it concurrently lands there too. Refuses the last stage.
 */
export function removeStage(doc: Y.Doc, id: StageId, moveDropsTo: StageId): void {
  if (id === moveDropsTo) throw new Error('Choose another stage for its drops.');
  transactLocal(doc, () => {
    const stages = root.stages(doc);
    const removed = recordAt(stages, id);
    if (!isLiveStage(doc, moveDropsTo)) throw new Error('The target stage no longer exists.');
    if (readStages(doc).length <= 1) throw new Error('A board needs at least one stage.');
    if (!removed || !isLiveStage(doc, id)) throw new Error('That stage was already removed.');
    const drops = root.drops(doc);
    const moving: { id: DropId; rank: string }[] = [];
    let lastRank: string | null = null;
    drops.forEach((rec, dropId) => {
      const pos = rec.get('pos') as { stageId?: string; rank?: string } | undefined;
      if (pos?.stageId === id) moving.push({ id: dropId as DropId, rank: pos.rank ?? '' });
      if (pos?.stageId === moveDropsTo && typeof pos.rank === 'string') {
        if (lastRank === null || pos.rank > lastRank) lastRank = pos.rank;
      }
    });
    moving.sort(compareRanked);
    const ranks = ranksAfter(lastRank, moving.length);
    moving.forEach((d, i) => {
      recordAt(drops, d.id)?.set('pos', { stageId: moveDropsTo, rank: ranks[i] });
    });
    removed.delete('rank');
    removed.set(REMOVED_INTO, moveDropsTo);
  });
}

/** How many drops (live and archived) sit in each stage, for "where should its drops go?". */
export function countDropsByStage(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  root.drops(doc).forEach((rec) => {
    const pos = rec.get('pos') as { stageId?: string } | undefined;
    if (pos?.stageId) counts.set(pos.stageId, (counts.get(pos.stageId) ?? 0) + 1);
  });
  return counts;
}
