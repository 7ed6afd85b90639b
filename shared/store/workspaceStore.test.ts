import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createDrop, deleteDrop, moveDrop, setDropArchived, updateDrop } from '../model/drop';
import type { StageId } from '../model/ids';
import { root, SCHEMA_VERSION } from '../model/schema';
import { addStage, renameStage } from '../model/stage';
import { createUndoManager } from '../model/undo';
import { initWorkspace, markSchemaVersion, renameWorkspace } from '../model/workspace';
import { WorkspaceStore } from './workspaceStore';

function setup() {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'North Shore Label' });
  const store = new WorkspaceStore(doc);
  const stages: StageId[] = store.getSnapshot().stages.map((s) => s.id);
  return { doc, store, stages };
}

/** A peer doc that starts as a copy of `doc`. */
function peerOf(doc: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  return peer;
}

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');

describe('WorkspaceStore', () => {
  it('starts with the board, meta and flags of the document', () => {
    const { store } = setup();
    const snap = store.getSnapshot();
    expect(snap.meta.name).toBe('North Shore Label');
    expect(snap.board).toHaveLength(7);
    expect(snap.drops.size).toBe(0);
    expect(snap).toMatchObject({ readOnly: false, canUndo: false, canRedo: false });
  });

  it('notifies subscribers once per transaction and keeps the snapshot stable in between', () => {
    const { doc, store, stages } = setup();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);
    createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen' });
    expect(calls).toBe(1);
    expect(store.getSnapshot()).not.toBe(before);
    unsubscribe();
    createDrop(doc, { stageId: stages[0]!, title: 'Rooftop knit' });
    expect(calls).toBe(1);
  });

  it('keeps unchanged drops and columns identical when one drop moves', () => {
    const { doc, store, stages } = setup();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    const b = createDrop(doc, { stageId: stages[0]!, title: 'B' });
    const c = createDrop(doc, { stageId: stages[3]!, title: 'C' });
    const before = store.getSnapshot();
    moveDrop(doc, a, stages[1]!, 0);
    const after = store.getSnapshot();
    expect(after.drops.get(b)).toBe(before.drops.get(b));
    expect(after.drops.get(c)).toBe(before.drops.get(c));
    expect(after.drops.get(a)).not.toBe(before.drops.get(a));
    // Columns 0 and 1 changed; every other column is the same object.
    expect(after.board[0]).not.toBe(before.board[0]);
    expect(after.board[1]).not.toBe(before.board[1]);
    for (const i of [2, 3, 4, 5, 6]) expect(after.board[i]).toBe(before.board[i]);
    expect(after.board[0]!.stage).toBe(before.board[0]!.stage);
    expect(after.board[1]!.drops.map((d) => d.id)).toEqual([a]);
  });

  it('keeps the column when a drop of another column is edited', () => {
    const { doc, store, stages } = setup();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    createDrop(doc, { stageId: stages[2]!, title: 'B' });
    const before = store.getSnapshot();
    updateDrop(doc, a, { title: 'A, retitled' });
    const after = store.getSnapshot();
    expect(after.board[2]).toBe(before.board[2]);
    expect(after.board[0]!.drops[0]!.title).toBe('A, retitled');
    expect(after.stages).toBe(before.stages);
    expect(after.meta).toBe(before.meta);
  });

  it('follows archive and delete', () => {
    const { doc, store, stages } = setup();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    setDropArchived(doc, a, true);
    expect(store.getSnapshot().board[0]!.drops).toEqual([]);
    expect(store.getSnapshot().drops.get(a)?.archived).toBe(true);
    deleteDrop(doc, a);
    expect(store.getSnapshot().drops.has(a)).toBe(false);
  });

  it('follows stage and meta changes', () => {
    const { doc, store, stages } = setup();
    const before = store.getSnapshot();
    renameStage(doc, stages[2]!, 'Street shoot');
    const renamed = store.getSnapshot();
    expect(renamed.board[2]!.stage.name).toBe('Street shoot');
    expect(renamed.board[3]).toBe(before.board[3]);
    addStage(doc, 'Restock');
    expect(
      store
        .getSnapshot()
        .board.map((c) => c.stage.name)
        .at(-1),
    ).toBe('Restock');
    renameWorkspace(doc, 'Harbour & Co');
    expect(store.getSnapshot().meta.name).toBe('Harbour & Co');
  });

  it('updates the snapshot after remote updates', () => {
    const { doc, store, stages } = setup();
    const peer = peerOf(doc);
    const kept = createDrop(doc, { stageId: stages[0]!, title: 'Mine' });
    const theirs = createDrop(peer, { stageId: stages[4]!, title: 'Theirs' });
    renameStage(peer, stages[4]!, 'Packing');
    const before = store.getSnapshot();
    sync(peer, doc);
    const after = store.getSnapshot();
    expect(after.drops.get(theirs)?.title).toBe('Theirs');
    expect(after.board[4]!.stage.name).toBe('Packing');
    expect(after.board[4]!.drops.map((d) => d.id)).toEqual([theirs]);
    expect(after.drops.get(kept)).toBe(before.drops.get(kept));
    updateDrop(peer, theirs, { inventory: 80 });
    sync(peer, doc);
    expect(store.getSnapshot().drops.get(theirs)?.inventory).toBe(80);
  });

  it('shows a drop in the first column when a peer deletes its stage', () => {
    const { doc, store, stages } = setup();
    const peer = peerOf(doc);
    const id = createDrop(doc, { stageId: stages[5]!, title: 'Café denim' });
    peer.transact(() => root.stages(peer).delete(stages[5]!));
    sync(peer, doc);
    const snap = store.getSnapshot();
    expect(snap.board).toHaveLength(6);
    expect(snap.board[0]!.drops.map((d) => d.id)).toContain(id);
  });

  it('becomes read-only when a newer app version writes the document', () => {
    const { doc, store } = setup();
    const peer = peerOf(doc);
    markSchemaVersion(peer, SCHEMA_VERSION + 1, 'Cadence 2.0.0');
    sync(peer, doc);
    expect(store.getSnapshot().readOnly).toBe(true);
  });

  it('stays editable when a stray value claims a newer schema without its mark', () => {
    const { doc, store } = setup();
    const peer = peerOf(doc);
    root.meta(peer).set('schemaVersion', 999);
    sync(peer, doc);
    expect(store.getSnapshot().readOnly).toBe(false);
    expect(store.getSnapshot().meta.schemaVersionRefused).toBe(999);
  });

  it('reports whether undo and redo are available', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    const undo = createUndoManager(doc, 0);
    const store = new WorkspaceStore(doc, undo);
    const stageId = store.getSnapshot().stages[0]!.id;
    createDrop(doc, { stageId, title: 'A' });
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
    undo.undo();
    expect(store.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    expect(store.getSnapshot().drops.size).toBe(0);
    undo.redo();
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
    expect(store.getSnapshot().drops.size).toBe(1);
  });

  it('stops following the document once destroyed', () => {
    const { doc, store, stages } = setup();
    let calls = 0;
    store.subscribe(() => calls++);
    store.destroy();
    createDrop(doc, { stageId: stages[0]!, title: 'A' });
    expect(calls).toBe(0);
    expect(store.getSnapshot().drops.size).toBe(0);
  });
});
