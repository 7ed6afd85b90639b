import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildBoard, readBoard, RECOVERED_STAGE_NAME, repairOrphans } from './board';
import {
  createDrop,
  defaultDropFields,
  readDrop,
  readDrops,
  setDropArchived,
  type Drop,
} from './drop';
import type { DropId, StageId } from './ids';
import { root } from './schema';
import { addStage, readStages, removeStage, seedDefaultStages, type Stage } from './stage';
import { createUndoManager } from './undo';

const stage = (id: string, rank: string): Stage => ({ id: id as StageId, name: id, rank });

function drop(id: string, stageId: string, rank: string, archived = false): Drop {
  return {
    ...defaultDropFields(),
    id: id as DropId,
    title: id,
    pos: { stageId: stageId as StageId, rank },
    archived,
    createdAt: 0,
  };
}

const layout = (columns: ReturnType<typeof buildBoard>) =>
  columns.map((c) => [c.stage.id, c.drops.map((d) => d.id)]);

describe('buildBoard', () => {
  it('lays out live drops per stage in rank order, ties broken by id', () => {
    const stages = [stage('s1', 'a0'), stage('s2', 'a1')];
    const drops = [
      drop('d3', 's1', 'a2'),
      drop('d2', 's1', 'a1'),
      drop('d1', 's1', 'a1'),
      drop('d4', 's2', 'a0'),
    ];
    expect(layout(buildBoard(stages, drops))).toEqual([
      ['s1', ['d1', 'd2', 'd3']],
      ['s2', ['d4']],
    ]);
  });

  it('hides archived drops', () => {
    const board = buildBoard([stage('s1', 'a0')], [drop('d1', 's1', 'a0', true)]);
    expect(layout(board)).toEqual([['s1', []]]);
  });

  it('shows a drop whose stage was deleted in the first stage, never losing it', () => {
    const stages = [stage('s2', 'a1'), stage('s1', 'a0')].sort((a, b) =>
      a.rank < b.rank ? -1 : 1,
    );
    const board = buildBoard(stages, [drop('d1', 's_deleted', 'a5'), drop('d2', 's1', 'a1')]);
    expect(layout(board)).toEqual([
      ['s1', ['d2', 'd1']],
      ['s2', []],
    ]);
  });

  it('is an empty board without stages', () => {
    expect(buildBoard([], [drop('d1', 's1', 'a0')])).toEqual([]);
  });

  it('gives the same board whatever order the drops come in', () => {
    const stages = [stage('s1', 'a0'), stage('s2', 'a1')];
    const drops = Array.from({ length: 30 }, (_, i) =>
      drop(`d${i}`, i % 3 ? 's1' : 's2', `a${'0123'[i % 4]}`),
    );
    const forward = layout(buildBoard(stages, drops));
    const backward = layout(buildBoard(stages, [...drops].reverse()));
    expect(backward).toEqual(forward);
  });
});

describe('readBoard', () => {
  it('reads the stages and drops of a document as columns', () => {
    const doc = new Y.Doc();
    const stages = seedDefaultStages(doc);
    createDrop(doc, { stageId: stages[1]!, title: 'Harbour linen' });
    const archived = createDrop(doc, { stageId: stages[1]!, title: 'Old drop' });
    setDropArchived(doc, archived, true);
    const board = readBoard(doc);
    expect(board.map((c) => c.stage.name)).toEqual([
      'Concept & creator',
      'Brief',
      'Shoot',
      'Asset delivery',
      'Fulfilment',
      'Live',
      'Review',
    ]);
    expect(board[1]!.drops.map((d) => d.title)).toEqual(['Harbour linen']);
    expect(readDrops(doc)).toHaveLength(2);
  });

  it('shows the drops of a stage a peer deleted concurrently', () => {
    const doc = new Y.Doc();
    const stages = seedDefaultStages(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const id = createDrop(doc, { stageId: stages[4]!, title: 'Café denim' });
    peer.transact(() => root.stages(peer).delete(stages[4]!));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(readBoard(doc)[0]!.drops.map((d) => d.id)).toEqual([id]);
  });
});

describe('repairOrphans', () => {
  /** Two peers with the playbook stages, in sync. */
  function pair() {
    const doc = new Y.Doc();
    const stages = seedDefaultStages(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const sync = () => {
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    };
    return { doc, peer, stages, sync };
  }

  it("moves a drop whose stage a peer removed concurrently to the end of the remover's choice", () => {
    const { doc, peer, stages, sync } = pair();
    const waiting = createDrop(doc, { stageId: stages[4]!, title: 'Already there' });
    sync();
    const moved = createDrop(doc, { stageId: stages[3]!, title: 'Moved meanwhile' });
    removeStage(peer, stages[3]!, stages[4]!);
    sync();
    expect(readDrop(doc, moved)?.pos.stageId).toBe(stages[3]); // still pointing at the gone stage
    expect(repairOrphans(doc)).toBe(1);
    expect(readDrop(doc, moved)?.pos.stageId).toBe(stages[4]);
    const column = readBoard(doc).find((c) => c.stage.id === stages[4])!;
    expect(column.drops.map((d) => d.id)).toEqual([waiting, moved]);
    expect(repairOrphans(doc)).toBe(0);
  });

  it('still sends a drop with no known destination to the end of the first stage', () => {
    const { doc, peer, stages, sync } = pair();
    const first = createDrop(doc, { stageId: stages[0]!, title: 'Already first' });
    sync();
    const moved = createDrop(doc, { stageId: stages[3]!, title: 'Moved meanwhile' });
    // A peer (an older version) deletes the stage record outright.
    peer.transact(() => root.stages(peer).delete(stages[3]!));
    sync();
    expect(repairOrphans(doc)).toBe(1);
    expect(readBoard(doc)[0]!.drops.map((d) => d.id)).toEqual([first, moved]);
  });

  it('keeps the order of several orphans, archived ones included', () => {
    const { doc, peer, stages, sync } = pair();
    const a = createDrop(doc, { stageId: stages[5]!, title: 'A' });
    const b = createDrop(doc, { stageId: stages[5]!, title: 'B' });
    const c = createDrop(doc, { stageId: stages[5]!, title: 'C' });
    setDropArchived(doc, b, true);
    peer.transact(() => root.stages(peer).delete(stages[5]!));
    sync();
    expect(repairOrphans(doc)).toBe(3);
    const ids = readDrops(doc)
      .filter((d) => d.pos.stageId === stages[0])
      .sort((x, y) => (x.pos.rank < y.pos.rank ? -1 : 1))
      .map((d) => d.id);
    expect(ids).toEqual([a, b, c]);
  });

  it('recreates a stage when concurrent removals left none, losing no drop', () => {
    const doc = new Y.Doc();
    const [s1, s2] = [addStage(doc, 'One'), addStage(doc, 'Two')];
    const x = createDrop(doc, { stageId: s1, title: 'X' });
    const y = createDrop(doc, { stageId: s2, title: 'Y' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    removeStage(doc, s1, s2);
    removeStage(peer, s2, s1);
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(readStages(doc)).toEqual([]);
    expect(repairOrphans(doc)).toBe(2);
    const board = readBoard(doc);
    expect(board.map((c) => c.stage.name)).toEqual([RECOVERED_STAGE_NAME]);
    expect(board[0]!.drops.map((d) => d.id).sort()).toEqual([x, y].sort());
  });

  it('places a drop with a malformed position', () => {
    const doc = new Y.Doc();
    const stages = seedDefaultStages(doc);
    const id = createDrop(doc, { stageId: stages[2]!, title: 'Bad rank' });
    root.drops(doc).get(id)!.set('pos', { stageId: stages[2], rank: 'not a rank' });
    expect(readDrop(doc, id)).toBeNull();
    expect(repairOrphans(doc)).toBe(1);
    expect(readDrop(doc, id)?.pos.stageId).toBe(stages[0]);
  });

  it('is not an undoable edit', () => {
    const { doc, peer, stages, sync } = pair();
    const undo = createUndoManager(doc, 0);
    const id = createDrop(doc, { stageId: stages[1]!, title: 'A' });
    peer.transact(() => root.stages(peer).delete(stages[1]!));
    sync();
    repairOrphans(doc);
    undo.undo(); // undoes the creation only
    expect(readDrop(doc, id)).toBeNull();
    expect(undo.canUndo()).toBe(false);
  });
});
