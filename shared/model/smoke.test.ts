import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createDrop, initWorkspace, moveDrop, readBoard, readStages } from './index';

describe('smoke', () => {
  it('creates and moves a drop', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Test' });
    const stages = readStages(doc);
    const id = createDrop(doc, { stageId: stages[0]!.id, title: 'Harbour linen' });
    moveDrop(doc, id, stages[2]!.id, 0);
    const board = readBoard(doc);
    expect(board[2]!.drops.map((d) => d.title)).toEqual(['Harbour linen']);
    expect(board[0]!.drops).toEqual([]);
  });
});
