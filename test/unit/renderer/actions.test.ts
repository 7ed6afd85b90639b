import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createUndoManager,
  initWorkspace,
  readBoard,
  readStages,
  root,
  SCHEMA_VERSION,
  LOCAL_ORIGIN,
  markSchemaVersion,
} from '../../../shared/model';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import { makeActions } from '../../../renderer/src/state/actions';
import type { OpenWorkspace } from '../../../renderer/src/workspace';

function workspace(): OpenWorkspace {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Saltmarsh' });
  const undoManager = createUndoManager(doc);
  return {
    id: 'w_test',
    doc,
    undoManager,
    store: new WorkspaceStore(doc, undoManager),
    compacted: Promise.resolve(0),
    destroy: async () => {},
  };
}

describe('board actions', () => {
  it('write through shared/model and report nothing when all is well', () => {
    const ws = workspace();
    const messages: string[] = [];
    const actions = makeActions(ws, (m) => messages.push(m));
    const stage = readStages(ws.doc)[0]!;
    expect(actions.createDrop(stage.id, 'Harbour Linen')).toMatch(/^d_/);
    expect(readBoard(ws.doc)[0]!.drops.map((d) => d.title)).toEqual(['Harbour Linen']);
    expect(messages).toEqual([]);
  });

  it('turn an invalid edit into a message for the person, writing nothing', () => {
    const ws = workspace();
    const messages: string[] = [];
    const actions = makeActions(ws, (m) => messages.push(m));
    const stage = readStages(ws.doc)[0]!;
    const id = actions.createDrop(stage.id, 'Harbour Linen')!;
    expect(actions.updateDrop(id, { reservePct: 140 })).toBe(false);
    expect(messages.join(' ')).toMatch(/100/);
    expect(readBoard(ws.doc)[0]!.drops[0]!.reservePct).toBe(30);
  });

  it('refuse every edit of a document from a newer Cadence, with a clear message', () => {
    const ws = workspace();
    markSchemaVersion(ws.doc, SCHEMA_VERSION + 1, 'Cadence 2.0.0');
    const messages: string[] = [];
    const actions = makeActions(ws, (m) => messages.push(m));
    expect(actions.createDrop(readStages(ws.doc)[0]!.id, 'Harbour Linen')).toBeNull();
    expect(readBoard(ws.doc).flatMap((c) => c.drops)).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(/newer version of Cadence.*read-only/)]);
  });
});

describe('undo steps of board and calendar actions', () => {
  it('two moves in quick succession (inside the capture window) need two undos', () => {
    const ws = workspace();
    const actions = makeActions(ws, () => {});
    const [first, second, third] = readStages(ws.doc);
    const id = actions.createDrop(first!.id, 'Harbour Linen')!;
    const stageOf = () => ws.store.getSnapshot().drops.get(id)?.pos.stageId;
    // Default capture window (400 ms): these calls are microseconds apart.
    actions.moveDrop(id, second!.id, 0);
    actions.moveDrop(id, third!.id, 0);
    expect(stageOf()).toBe(third!.id);
    actions.undo();
    expect(stageOf()).toBe(second!.id);
    actions.undo();
    expect(stageOf()).toBe(first!.id);
    actions.undo();
    expect(ws.store.getSnapshot().drops.has(id)).toBe(false);
  });

  it('a move right after typing in a brief field does not merge with the typing', () => {
    const ws = workspace();
    const actions = makeActions(ws, () => {});
    const [first, second] = readStages(ws.doc);
    const id = actions.createDrop(first!.id, 'Harbour Linen')!;
    // Typing (not a discrete action) merges: two keystrokes, one step.
    const title = () => ws.store.getSnapshot().drops.get(id)?.title;
    ws.doc.transact(
      () => (root.drops(ws.doc).get(id) as Y.Map<unknown>).set('title', 'Harbour L'),
      LOCAL_ORIGIN,
    );
    ws.doc.transact(
      () => (root.drops(ws.doc).get(id) as Y.Map<unknown>).set('title', 'Harbour'),
      LOCAL_ORIGIN,
    );
    actions.moveDrop(id, second!.id, 0);
    actions.undo();
    expect(ws.store.getSnapshot().drops.get(id)?.pos.stageId).toBe(first!.id);
    expect(title()).toBe('Harbour');
    actions.undo();
    expect(title()).toBe('Harbour Linen');
  });

  it('say so when an undo passes over a change a teammate has changed since', () => {
    const ws = workspace();
    const messages: string[] = [];
    const actions = makeActions(ws, (m) => messages.push(m));
    const stage = readStages(ws.doc)[0]!;
    const id = actions.createDrop(stage.id, 'Harbour Linen')!;
    actions.updateDrop(id, { narrative: 'Linen for the harbour walk.' });
    actions.updateDrop(id, { title: 'Harbour Linen, sand' });
    // A teammate renames it after this person did.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ws.doc));
    theirs.transact(() => root.drops(theirs).get(id)!.set('title', 'Harbour Linen, stone'));
    Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(theirs), 'peer');
    const drop = () => readBoard(ws.doc)[0]!.drops[0]!;

    // Undo leaves the teammate's title and undoes the narrative, the step before: and says so.
    actions.undo();
    expect(drop().title).toBe('Harbour Linen, stone');
    expect(drop().narrative).toBe('');
    expect(messages).toEqual([
      'A teammate has since changed your last change, so Undo left it and undid the change before.',
    ]);
    // An ordinary undo says nothing.
    actions.redo();
    expect(drop().narrative).toBe('Linen for the harbour walk.');
    expect(messages).toHaveLength(1);
  });

  it('say so when nothing could be undone', () => {
    const ws = workspace();
    const messages: string[] = [];
    const actions = makeActions(ws, (m) => messages.push(m));
    const stage = readStages(ws.doc)[0]!;
    const id = actions.createDrop(stage.id, 'Harbour Linen')!;
    ws.undoManager.clear();
    actions.updateDrop(id, { title: 'Harbour Linen, sand' });
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ws.doc));
    theirs.transact(() => root.drops(theirs).get(id)!.set('title', 'Harbour Linen, stone'));
    Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(theirs), 'peer');

    actions.undo();
    expect(readBoard(ws.doc)[0]!.drops[0]!.title).toBe('Harbour Linen, stone');
    expect(messages).toEqual(['Nothing undone: a teammate has since changed what you did.']);
  });
});
