import { Doc } from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createDrop,
  deleteDrop,
  initWorkspace,
  moveDrop,
  readBoard,
  readStages,
  setDropArchived,
  updateDrop,
  type DropId,
} from '../model';
import { WorkspaceStore } from './workspaceStore';

describe('WorkspaceStore board', () => {
  it('stays equal to a full rebuild through moves, edits, archiving and deletes', () => {
    const doc = new Doc();
    initWorkspace(doc, { name: 'Saltmarsh Studio' });
    const store = new WorkspaceStore(doc);
    const stages = readStages(doc);
    const ids: DropId[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push(createDrop(doc, { stageId: stages[i % stages.length]!.id, title: `Drop ${i}` }));
    }
    // A fixed pseudo-random sequence, so a failure is reproducible.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let step = 0; step < 300; step++) {
      const id = ids[next(ids.length)]!;
      const op = next(10);
      if (store.getSnapshot().drops.get(id) === undefined) continue;
      if (op < 6) moveDrop(doc, id, stages[next(stages.length)]!.id, next(8));
      else if (op < 8) updateDrop(doc, id, { title: `Drop ${step}` });
      else if (op < 9) setDropArchived(doc, id, next(2) === 0);
      else deleteDrop(doc, id);
      const shown = store.getSnapshot().board.map((c) => [c.stage.id, c.drops.map((d) => d.id)]);
      const full = readBoard(doc).map((c) => [c.stage.id, c.drops.map((d) => d.id)]);
      expect(shown).toEqual(full);
    }
  });

  it('keeps untouched columns as the same objects after a move', () => {
    const doc = new Doc();
    initWorkspace(doc, { name: 'Saltmarsh Studio' });
    const store = new WorkspaceStore(doc);
    const [concept, brief, shoot] = readStages(doc);
    const a = createDrop(doc, { stageId: concept!.id, title: 'Harbour Linen' });
    createDrop(doc, { stageId: shoot!.id, title: 'Storm Coat' });
    const before = store.getSnapshot().board;
    moveDrop(doc, a, brief!.id, 0);
    const after = store.getSnapshot().board;
    expect(after[2]).toBe(before[2]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]!.drops.map((d) => d.title)).toEqual(['Harbour Linen']);
  });
});
