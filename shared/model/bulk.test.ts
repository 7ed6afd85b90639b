import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createDropsInStage } from './bulk';
import { createDrop, initWorkspace, readBoard, readStages } from './index';
import { createUndoManager } from './undo';

describe('createDropsInStage', () => {
  it('appends the drops after the column in the given order, as one undoable step', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Saltmarsh' });
    const shoot = readStages(doc)[2]!.id;
    createDrop(doc, { stageId: shoot, title: 'Harbour Linen' });
    // captureTimeout 0: only the transaction boundary can merge steps, not timing.
    const undo = createUndoManager(doc, 0);
    createDropsInStage(doc, shoot, [{ title: 'Storm Coat' }, { title: 'Ferry Stripe Tee' }]);
    const titles = () => readBoard(doc)[2]!.drops.map((d) => d.title);
    expect(titles()).toEqual(['Harbour Linen', 'Storm Coat', 'Ferry Stripe Tee']);
    undo.undo();
    expect(titles()).toEqual(['Harbour Linen']);
    undo.redo();
    expect(titles()).toEqual(['Harbour Linen', 'Storm Coat', 'Ferry Stripe Tee']);
  });

  it('writes nothing when one drop is invalid', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Saltmarsh' });
    const brief = readStages(doc)[1]!.id;
    expect(() =>
      createDropsInStage(doc, brief, [{ title: 'Storm Coat' }, { title: '  ', inventory: -1 }]),
    ).toThrow(/title/);
    expect(readBoard(doc)[1]!.drops).toEqual([]);
  });
});
