import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createDrop, readDrop, readDrops, setDropArchived } from './drop';
import type { StageId } from './ids';
import { root } from './schema';
import {
  addStage,
  countDropsByStage,
  DEFAULT_STAGE_NAMES,
  moveStage,
  readStages,
  removeStage,
  renameStage,
  seedDefaultStages,
  stageNameSchema,
} from './stage';

const names = (doc: Y.Doc) => readStages(doc).map((s) => s.name);

function boardDoc(): { doc: Y.Doc; ids: StageId[] } {
  const doc = new Y.Doc();
  return { doc, ids: seedDefaultStages(doc) };
}

describe('seedDefaultStages', () => {
  it('refuses a second stage with a name another has, in any letter case', () => {
    const { doc, ids } = boardDoc();
    const [first, second] = names(doc);
    expect(() => addStage(doc, ` ${first!.toUpperCase()} `)).toThrow(
      `There is already a stage called “${first!.toUpperCase()}”.`,
    );
    expect(() => renameStage(doc, ids[1]!, first!.toLowerCase())).toThrow(/already a stage/);
    expect(names(doc)[1]).toBe(second);
    // Positive controls: a stage keeps its own name in another case, and a new name is fine.
    renameStage(doc, ids[0]!, first!.toUpperCase());
    expect(names(doc)[0]).toBe(first!.toUpperCase());
    addStage(doc, 'Wrap-up');
    expect(names(doc)).toContain('Wrap-up');
  });

  it("seeds the playbook's seven stages in order", () => {
    const { doc, ids } = boardDoc();
    expect(names(doc)).toEqual([
      'Concept & creator',
      'Brief',
      'Shoot',
      'Asset delivery',
      'Fulfilment',
      'Live',
      'Review',
    ]);
    expect(readStages(doc).map((s) => s.id)).toEqual(ids);
    expect(DEFAULT_STAGE_NAMES).toHaveLength(7);
  });
});

describe('addStage', () => {
  it('appends a stage at the end by default', () => {
    const { doc } = boardDoc();
    const id = addStage(doc, 'Restock');
    expect(readStages(doc).at(-1)).toMatchObject({ id, name: 'Restock' });
  });

  it('inserts a stage right after another one', () => {
    const { doc, ids } = boardDoc();
    addStage(doc, 'Sample approval', ids[1]);
    expect(names(doc).slice(0, 4)).toEqual([
      'Concept & creator',
      'Brief',
      'Sample approval',
      'Shoot',
    ]);
  });

  it('appends at the end when the stage to follow was deleted meanwhile', () => {
    const { doc } = boardDoc();
    const id = addStage(doc, 'Restock', 's_deleted_by_a_peer' as StageId);
    expect(readStages(doc).at(-1)?.id).toBe(id);
  });

  it('adds the first stage of an empty board', () => {
    const doc = new Y.Doc();
    addStage(doc, 'Ideas');
    expect(names(doc)).toEqual(['Ideas']);
  });

  it('trims the name and refuses empty or overlong names with a message', () => {
    const { doc } = boardDoc();
    addStage(doc, '  Restock  ');
    expect(names(doc).at(-1)).toBe('Restock');
    expect(() => addStage(doc, '   ')).toThrow('A stage needs a name.');
    expect(() => addStage(doc, 'x'.repeat(41))).toThrow('Keep stage names under 40 characters.');
    expect(readStages(doc)).toHaveLength(8);
  });
});

describe('renameStage', () => {
  it('renames a stage and keeps its place', () => {
    const { doc, ids } = boardDoc();
    renameStage(doc, ids[2]!, 'Street shoot');
    expect(names(doc)[2]).toBe('Street shoot');
  });

  it('refuses an empty name and leaves the old one', () => {
    const { doc, ids } = boardDoc();
    expect(() => renameStage(doc, ids[2]!, '')).toThrow('A stage needs a name.');
    expect(names(doc)[2]).toBe('Shoot');
  });

  it('reports the messages through the schema for the form', () => {
    const result = stageNameSchema().safeParse('');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('A stage needs a name.');
  });
});

describe('moveStage', () => {
  it('moves a stage to the front, the middle and the end', () => {
    const { doc, ids } = boardDoc();
    moveStage(doc, ids[6]!, 0);
    expect(names(doc)[0]).toBe('Review');
    moveStage(doc, ids[6]!, 3);
    expect(names(doc)[3]).toBe('Review');
    moveStage(doc, ids[0]!, 99);
    expect(names(doc).at(-1)).toBe('Concept & creator');
    expect(readStages(doc)).toHaveLength(7);
  });

  it('clamps a negative index to the front', () => {
    const { doc, ids } = boardDoc();
    moveStage(doc, ids[3]!, -5);
    expect(names(doc)[0]).toBe('Asset delivery');
  });
});

describe('removeStage', () => {
  it("moves the stage's drops, archived ones too, after the target column's cards", () => {
    const { doc, ids } = boardDoc();
    const kept = createDrop(doc, { stageId: ids[0]!, title: 'Harbour linen' });
    const a = createDrop(doc, { stageId: ids[2]!, title: 'Rooftop knit' });
    const b = createDrop(doc, { stageId: ids[2]!, title: 'Café denim' });
    setDropArchived(doc, b, true);
    removeStage(doc, ids[2]!, ids[0]!);
    expect(readStages(doc).map((s) => s.id)).not.toContain(ids[2]);
    expect(readDrops(doc)).toHaveLength(3);
    for (const id of [kept, a, b]) expect(readDrop(doc, id)?.pos.stageId).toBe(ids[0]);
    expect(readDrop(doc, a)!.pos.rank > readDrop(doc, kept)!.pos.rank).toBe(true);
    expect(readDrop(doc, b)?.archived).toBe(true);
  });

  it('keeps the removed column order in the target column', () => {
    const { doc, ids } = boardDoc();
    const first = createDrop(doc, { stageId: ids[4]!, title: 'First' });
    const second = createDrop(doc, { stageId: ids[4]!, title: 'Second' });
    removeStage(doc, ids[4]!, ids[5]!);
    expect(readDrop(doc, first)!.pos.rank < readDrop(doc, second)!.pos.rank).toBe(true);
  });

  it('refuses to move the drops into the stage being removed', () => {
    const { doc, ids } = boardDoc();
    expect(() => removeStage(doc, ids[1]!, ids[1]!)).toThrow('Choose another stage for its drops.');
    expect(readStages(doc)).toHaveLength(7);
  });

  it('refuses a target stage that no longer exists and changes nothing', () => {
    const { doc, ids } = boardDoc();
    const drop = createDrop(doc, { stageId: ids[1]!, title: 'Harbour linen' });
    expect(() => removeStage(doc, ids[1]!, 's_gone' as StageId)).toThrow(
      'The target stage no longer exists.',
    );
    expect(readStages(doc)).toHaveLength(7);
    expect(readDrop(doc, drop)?.pos.stageId).toBe(ids[1]);
  });

  it('refuses to remove the last stage', () => {
    const doc = new Y.Doc();
    const only = addStage(doc, 'Only');
    expect(() => removeStage(doc, only, only)).toThrow('Choose another stage for its drops.');
    // Even a stale request naming a stage already gone leaves the last one in place.
    expect(() => removeStage(doc, 's_gone' as StageId, only)).toThrow(
      'A board needs at least one stage.',
    );
    expect(names(doc)).toEqual(['Only']);
  });
});

describe('readStages', () => {
  it('skips malformed stage records from a buggy peer', () => {
    const { doc } = boardDoc();
    const bad = new Y.Map<unknown>();
    bad.set('name', 'No rank');
    root.stages(doc).set('s_bad', bad as Y.Map<unknown>);
    expect(readStages(doc)).toHaveLength(7);
  });

  it('names a stage without a name "Untitled"', () => {
    const doc = new Y.Doc();
    const rec = new Y.Map<unknown>();
    rec.set('rank', 'a0');
    root.stages(doc).set('s_x', rec);
    expect(names(doc)).toEqual(['Untitled']);
  });
});

describe('countDropsByStage', () => {
  it('counts live and archived drops per stage', () => {
    const { doc, ids } = boardDoc();
    createDrop(doc, { stageId: ids[0]!, title: 'A' });
    const b = createDrop(doc, { stageId: ids[0]!, title: 'B' });
    createDrop(doc, { stageId: ids[3]!, title: 'C' });
    setDropArchived(doc, b, true);
    const counts = countDropsByStage(doc);
    expect(counts.get(ids[0]!)).toBe(2);
    expect(counts.get(ids[3]!)).toBe(1);
    expect(counts.get(ids[1]!)).toBeUndefined();
  });
});
