import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildBoard, readBoard } from './board';
import { createDrop, defaultDropFields, readDrops, setDropArchived, type Drop } from './drop';
import type { DropId, StageId } from './ids';
import { root } from './schema';
import { seedDefaultStages, type Stage } from './stage';

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
