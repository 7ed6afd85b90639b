import type * as Y from 'yjs';
import { defaultDropFields, DropValidationError, validateDropPatch, type DropFields } from './drop';
import { newDropId, type DropId, type StageId } from './ids';
import { ranksAfter } from './rank';
import { root, toRecord, transactLocal } from './schema';
import { isLiveStage } from './stage';

/**
 * Appends many drops to one stage in a single undoable step (sample import, seeding large
 * boards). Every drop is validated first: one bad entry writes nothing.
 */
export function createDropsInStage(
  doc: Y.Doc,
  stageId: StageId,
  list: Partial<DropFields>[],
  now = Date.now(),
): DropId[] {
  const clean = list.map((fields) => {
    const checked = validateDropPatch(fields);
    if (!checked.ok) throw new DropValidationError(checked.errors);
    return checked.value;
  });
  return transactLocal(doc, () => {
    if (!isLiveStage(doc, stageId)) throw new Error('That stage no longer exists.');
    let last: string | null = null;
    root.drops(doc).forEach((rec) => {
      const pos = rec.get('pos') as { stageId?: string; rank?: string } | undefined;
      if (pos?.stageId === stageId && typeof pos.rank === 'string') {
        if (last === null || pos.rank > last) last = pos.rank;
      }
    });
    const ranks = ranksAfter(last, clean.length);
    return clean.map((fields, i) => {
      const id = newDropId();
      root.drops(doc).set(
        id,
        toRecord({
          ...defaultDropFields(),
          ...fields,
          pos: { stageId, rank: ranks[i] },
          createdAt: now,
        }),
      );
      return id;
    });
  });
}
