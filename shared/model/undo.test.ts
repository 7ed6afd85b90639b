import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from './board';
import {
  createDrop,
  deleteDrop,
  moveDrop,
  readDrop,
  readDrops,
  setDropArchived,
  updateDrop,
} from './drop';
import {
  addStage,
  moveStage,
  readStages,
  removeStage,
  renameStage,
  seedDefaultStages,
} from './stage';
import { createUndoManager, undoOrRedo } from './undo';
import { createCreator, linkCreator } from './creator';
import { root } from './schema';
import { initWorkspace, readMeta, renameWorkspace, setCadence } from './workspace';

/** A doc with the playbook stages and an undo manager that starts empty. */
function setup() {
  const doc = new Y.Doc();
  const stages = seedDefaultStages(doc);
  // captureTimeout 0: each action is its own undo step, as when a person pauses between them.
  const undo = createUndoManager(doc, 0);
  return { doc, stages, undo };
}

const layout = (doc: Y.Doc) => readBoard(doc).map((c) => [c.stage.name, c.drops.map((d) => d.id)]);

describe('undo and redo of board actions', () => {
  it('undoes and redoes creating a drop', () => {
    const { doc, stages, undo } = setup();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen' });
    undo.undo();
    expect(readDrop(doc, id)).toBeNull();
    undo.redo();
    expect(readDrop(doc, id)?.title).toBe('Harbour linen');
  });

  it('undoes and redoes a move within and across stages', () => {
    const { doc, stages, undo } = setup();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    const b = createDrop(doc, { stageId: stages[0]!, title: 'B' });
    undo.clear();
    const before = layout(doc);
    moveDrop(doc, b, stages[0]!, 0);
    moveDrop(doc, a, stages[3]!, 0);
    const after = layout(doc);
    undo.undo();
    undo.undo();
    expect(layout(doc)).toEqual(before);
    undo.redo();
    undo.redo();
    expect(layout(doc)).toEqual(after);
  });

  it('undoes an edit of fields in one step', () => {
    const { doc, stages, undo } = setup();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'A', inventory: 10 });
    undo.clear();
    updateDrop(doc, id, { title: 'B', inventory: 20, channels: ['email'] });
    undo.undo();
    expect(readDrop(doc, id)).toMatchObject({ title: 'A', inventory: 10, channels: [] });
    undo.redo();
    expect(readDrop(doc, id)).toMatchObject({ title: 'B', inventory: 20, channels: ['email'] });
  });

  it('undoes archiving and deleting a drop', () => {
    const { doc, stages, undo } = setup();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'A', narrative: 'Dawn linen' });
    undo.clear();
    setDropArchived(doc, id, true);
    undo.undo();
    expect(readDrop(doc, id)?.archived).toBe(false);
    deleteDrop(doc, id);
    expect(readDrop(doc, id)).toBeNull();
    undo.undo();
    expect(readDrop(doc, id)).toMatchObject({ title: 'A', narrative: 'Dawn linen' });
  });

  it('undoes stage changes: add, rename, reorder, remove with its drops moved', () => {
    const { doc, stages, undo } = setup();
    const id = createDrop(doc, { stageId: stages[2]!, title: 'A' });
    undo.clear();
    const before = layout(doc);
    const added = addStage(doc, 'Restock');
    renameStage(doc, stages[1]!, 'Creator brief');
    moveStage(doc, stages[6]!, 0);
    removeStage(doc, stages[2]!, stages[0]!);
    expect(readDrop(doc, id)?.pos.stageId).toBe(stages[0]);
    for (let i = 0; i < 4; i++) undo.undo();
    expect(layout(doc)).toEqual(before);
    expect(readStages(doc).map((s) => s.id)).not.toContain(added);
    for (let i = 0; i < 4; i++) undo.redo();
    expect(readStages(doc).map((s) => s.name)[0]).toBe('Review');
    expect(readDrop(doc, id)?.pos.stageId).toBe(stages[0]);
  });

  it('undoes workspace rename and cadence', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    const undo = createUndoManager(doc, 0);
    renameWorkspace(doc, 'Harbour & Co');
    setCadence(doc, { kind: 'weeks', every: 2 });
    undo.undo();
    undo.undo();
    expect(readMeta(doc)).toMatchObject({ name: 'Label', cadence: { kind: 'monthly' } });
  });

  it('merges quick successive edits into one step (typing in a field)', () => {
    const doc = new Y.Doc();
    const stages = seedDefaultStages(doc);
    const id = createDrop(doc, { stageId: stages[0]!, title: 'H' });
    const undo = createUndoManager(doc, 60_000);
    updateDrop(doc, id, { title: 'Ha' });
    updateDrop(doc, id, { title: 'Har' });
    updateDrop(doc, id, { title: 'Harb' });
    undo.undo();
    expect(readDrop(doc, id)?.title).toBe('H');
  });
});

describe('remote edits', () => {
  it('are never undone locally', () => {
    const { doc, stages, undo } = setup();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const mine = createDrop(doc, { stageId: stages[0]!, title: 'Mine' });
    const theirs = createDrop(peer, { stageId: stages[0]!, title: 'Theirs' });
    moveDrop(peer, theirs, stages[5]!, 0);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote');
    undo.undo();
    expect(readDrop(doc, mine)).toBeNull();
    expect(readDrop(doc, theirs)?.pos.stageId).toBe(stages[5]);
    expect(undo.canUndo()).toBe(false);
  });

  it('undo of my move keeps a peer edit made to the same drop meanwhile', () => {
    const { doc, stages, undo } = setup();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    undo.clear();
    moveDrop(doc, id, stages[2]!, 0);
    updateDrop(peer, id, { narrative: 'Shot on the harbour wall at dawn.' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote');
    undo.undo();
    expect(readDrop(doc, id)).toMatchObject({
      narrative: 'Shot on the harbour wall at dawn.',
      pos: { stageId: stages[0] },
    });
    expect(readDrops(doc)).toHaveLength(1);
  });
});

describe('undo after concurrent moves', () => {
  // Yjs lets the higher client id win concurrent writes of a key: fix ids to pick the winner.
  function twoPeers(myClient: number, theirClient: number) {
    const doc = new Y.Doc();
    doc.clientID = myClient;
    const stages = seedDefaultStages(doc);
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen' });
    const peer = new Y.Doc();
    peer.clientID = theirClient;
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const undo = createUndoManager(doc, 0);
    const sync = () => {
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), 'remote');
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote');
    };
    return { doc, peer, stages, id, undo, sync };
  }

  it('puts the card back where it was when my concurrent move had won', () => {
    const { doc, peer, stages, id, undo, sync } = twoPeers(20, 10);
    moveDrop(doc, id, stages[2]!, 0);
    moveDrop(peer, id, stages[4]!, 0);
    sync();
    expect(readDrop(doc, id)?.pos.stageId).toBe(stages[2]); // mine won
    undo.undo();
    sync();
    expect(readDrop(doc, id)?.pos.stageId).toBe(stages[0]);
    expect(readDrop(peer, id)).toEqual(readDrop(doc, id));
  });

  it("leaves the card where the other person's winning move put it", () => {
    const { doc, peer, stages, id, undo, sync } = twoPeers(10, 20);
    moveDrop(doc, id, stages[2]!, 0);
    moveDrop(peer, id, stages[4]!, 0);
    sync();
    undo.undo();
    sync();
    expect(readDrop(doc, id)?.pos.stageId).toBe(stages[4]);
  });

  it('never empties a field that two people edited at once', () => {
    const { doc, peer, id, undo, sync } = twoPeers(20, 10);
    updateDrop(doc, id, { title: 'Mine' });
    updateDrop(peer, id, { title: 'Theirs' });
    sync();
    undo.undo();
    sync();
    expect(readDrop(doc, id)?.title).toBe('Harbour linen');
    expect(readDrop(peer, id)?.title).toBe('Harbour linen');
  });

  it('brings a deleted card back with a place when a peer had moved it meanwhile', () => {
    const { doc, peer, stages, id, undo, sync } = twoPeers(10, 20);
    deleteDrop(doc, id);
    moveDrop(peer, id, stages[3]!, 0);
    sync();
    expect(readDrop(doc, id)).toBeNull();
    undo.undo();
    sync();
    expect(readDrop(doc, id)?.title).toBe('Harbour linen');
    expect(readDrop(peer, id)).toEqual(readDrop(doc, id));
    expect(readBoard(doc).flatMap((c) => c.drops.map((d) => d.id))).toEqual([id]);
  });
});

describe('undo of a record a teammate has worked on since', () => {
  function pair() {
    const doc = new Y.Doc();
    const stages = seedDefaultStages(doc);
    const undo = createUndoManager(doc, 0);
    const peer = new Y.Doc();
    const sync = () => {
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc), 'remote');
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote');
    };
    sync();
    return { doc, peer, stages, undo, sync };
  }
  const writeBody = (doc: Y.Doc, id: string, text: string) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    root.briefBody(doc, id).insert(0, [paragraph]);
  };

  it('leaves a drop I added when a teammate changed it, and undoes the step before', () => {
    const { doc, peer, stages, undo, sync } = pair();
    const other = createDrop(doc, { stageId: stages[0]!, title: 'Other' });
    moveDrop(doc, other, stages[2]!, 0);
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Dune shirt' });
    sync();
    updateDrop(peer, id, { narrative: 'Two looks at the dunes.' });
    sync();
    expect(undoOrRedo(undo, 'undo')).toEqual({ done: true, skipped: 1 });
    expect(readDrop(doc, id)?.narrative).toBe('Two looks at the dunes.');
    expect(readDrop(doc, other)?.pos.stageId).toBe(stages[0]);
  });

  it('leaves a drop whose brief text a teammate wrote, and says nothing was undone', () => {
    const { doc, peer, stages, undo, sync } = pair();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Dune shirt' });
    sync();
    writeBody(peer, id, 'Shot list: dunes at dusk.');
    sync();
    const heard: unknown[] = [];
    undo.on('stack-cleared', (e) => heard.push(e));
    expect(undoOrRedo(undo, 'undo')).toEqual({ done: false, skipped: 1 });
    expect(readDrop(doc, id)?.title).toBe('Dune shirt');
    expect(undo.canUndo()).toBe(false);
    // The top bar's Undo button hears that nothing is left to undo.
    expect(heard).toEqual([{ undoStackCleared: true, redoStackCleared: false }]);
  });

  it('still takes back a drop nobody else touched, or only I changed since', () => {
    const { doc, peer, stages, undo, sync } = pair();
    const theirs = createDrop(peer, { stageId: stages[0]!, title: 'Theirs' });
    sync();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Mine' });
    undo.stopCapturing();
    updateDrop(doc, id, { narrative: 'Mine too.' });
    sync();
    expect(undoOrRedo(undo, 'undo')).toEqual({ done: true, skipped: 0 });
    expect(undoOrRedo(undo, 'undo')).toEqual({ done: true, skipped: 0 });
    expect(readDrop(doc, id)).toBeNull();
    expect(readDrop(doc, theirs)?.title).toBe('Theirs');
  });

  it('redoes deleting a drop whose brief a teammate wrote before, not one they changed after the undo', () => {
    const { doc, peer, stages, undo, sync } = pair();
    const id = createDrop(peer, { stageId: stages[0]!, title: 'Theirs' });
    writeBody(peer, id, 'Their brief.');
    sync();
    deleteDrop(doc, id);
    undo.undo();
    expect(readDrop(doc, id)?.title).toBe('Theirs');
    // Their brief text was there before: redo deletes the drop again.
    expect(undoOrRedo(undo, 'redo')).toEqual({ done: true, skipped: 0 });
    expect(readDrop(doc, id)).toBeNull();
    undo.undo();
    sync();
    // Now they change the drop it brought back: redo leaves it.
    updateDrop(peer, id, { title: 'Theirs, renamed' });
    sync();
    expect(undoOrRedo(undo, 'redo')).toEqual({ done: false, skipped: 1 });
    expect(readDrop(doc, id)?.title).toBe('Theirs, renamed');
  });

  it('leaves a creator or a stage I added once a teammate linked or moved a drop to it', () => {
    const { doc, peer, stages, undo, sync } = pair();
    const drop = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen' });
    const maya = createCreator(doc, { name: 'Maya Okafor' });
    const studio = addStage(doc, 'Studio');
    sync();
    moveDrop(peer, drop, studio, 0);
    sync();
    linkCreator(peer, drop, maya);
    sync();
    // The stage holds their drop, the creator is on it, the drop has their changes: all three
    // steps are left, none undone.
    expect(undoOrRedo(undo, 'undo')).toEqual({ done: false, skipped: 3 });
    expect(readStages(doc).map((s) => s.name)).toContain('Studio');
    expect(readDrop(doc, drop)).toMatchObject({ creatorId: maya, pos: { stageId: studio } });
    expect(readDrop(doc, drop)?.title).toBe('Harbour linen');
  });

  it('checks a step below one a teammate changed over before Yjs goes on to it', () => {
    const { doc, peer, stages, undo, sync } = pair();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Dune shirt' });
    sync();
    updateDrop(peer, id, { narrative: 'Two looks at the dunes.' });
    const other = createDrop(peer, { stageId: stages[0]!, title: 'Harbour linen' });
    sync();
    updateDrop(doc, other, { title: 'Harbour linen II' });
    sync();
    // The teammate renames it again: my rename, the top step, now changes nothing, and Yjs
    // would go on to the step below it (adding "Dune shirt"), which holds their narrative.
    updateDrop(peer, other, { title: 'Harbour linen, final' });
    sync();
    expect(undoOrRedo(undo, 'undo')).toEqual({ done: false, skipped: 2 });
    expect(readDrop(doc, id)?.narrative).toBe('Two looks at the dunes.');
    expect(readDrop(doc, other)?.title).toBe('Harbour linen, final');
  });
});
