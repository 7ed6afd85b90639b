import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { updateBriefTemplate } from '../brief/template';
import { createCreator, updateCreator } from '../model/creator';
import { createDrop, moveDrop } from '../model/drop';
import { initWorkspace, renameWorkspace } from '../model/workspace';
import { readStages } from '../model/stage';
import { UnstableSelectorError } from './atom';
import { WorkspaceStore, type WorkspaceSnapshot } from './workspaceStore';

function setup(strictSelectors = true) {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'North Shore Label' });
  const creatorId = createCreator(doc, { name: 'Mara Lin' });
  const stages = readStages(doc).map((s) => s.id);
  const dropId = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen' });
  const store = new WorkspaceStore(doc, undefined, { strictSelectors });
  return { doc, store, creatorId, dropId, stages };
}

// Every value a view can select, read from one snapshot.
const fields = (s: WorkspaceSnapshot) => Object.entries(s) as [string, unknown][];

describe('WorkspaceStore derived values', () => {
  it('builds creatorNames once and keeps it until the directory changes', () => {
    const { doc, store, creatorId, dropId, stages } = setup();
    const names = store.getSnapshot().creatorNames;
    expect(names.get(creatorId)).toBe('Mara Lin');
    moveDrop(doc, dropId, stages[1]!, 0);
    expect(store.getSnapshot().creatorNames).toBe(names);
    updateCreator(doc, creatorId, { name: 'Mara Lindqvist' });
    expect(store.getSnapshot().creatorNames).not.toBe(names);
    expect(store.getSnapshot().creatorNames.get(creatorId)).toBe('Mara Lindqvist');
  });

  it('keeps the template object when meta changes elsewhere, and follows template edits', () => {
    const { doc, store } = setup();
    const template = store.getSnapshot().template;
    renameWorkspace(doc, 'Harbour & Thread');
    expect(store.getSnapshot().meta.name).toBe('Harbour & Thread');
    expect(store.getSnapshot().template).toBe(template);
    updateBriefTemplate(doc, { outline: 'Open on the harbour.' });
    expect(store.getSnapshot().template).not.toBe(template);
    expect(store.getSnapshot().template.outline).toBe('Open on the harbour.');
  });

  it('keeps every value of the snapshot when a transaction changed nothing it holds', () => {
    const { doc, store } = setup();
    const before = store.getSnapshot();
    doc.transact(() => doc.getMap('unrelated').set('k', 1));
    doc.transact(() => {});
    const after = store.getSnapshot();
    for (const [key, value] of fields(after)) {
      expect(value, key).toBe(before[key as keyof WorkspaceSnapshot]);
    }
  });
});

describe('WorkspaceStore.select', () => {
  it('throws when a selector builds a new object for the same snapshot', () => {
    const { store } = setup();
    expect(() => store.select((s) => ({ name: s.meta.name }))).toThrow(UnstableSelectorError);
    expect(() => store.select((s) => s.board.filter((c) => c.drops.length > 0))).toThrow(
      UnstableSelectorError,
    );
    expect(() => store.select((s) => new Map(s.creators.map((c) => [c.id, c.name])))).toThrow(
      /new value for an unchanged document/,
    );
  });

  it('accepts selectors that return what the snapshot holds', () => {
    const { store, dropId } = setup();
    expect(store.select((s) => s.meta.name)).toBe('North Shore Label');
    expect(store.select((s) => s.creatorNames)).toBe(store.getSnapshot().creatorNames);
    expect(store.select((s) => s.drops.get(dropId))).toBe(store.getSnapshot().drops.get(dropId));
    expect(store.select((s) => s.board.length)).toBe(7);
  });

  it('does not check outside strict mode (production builds)', () => {
    const { store } = setup(false);
    expect(store.select((s) => ({ name: s.meta.name }))).toEqual({ name: 'North Shore Label' });
  });
});

describe('WorkspaceStore.onDocumentUpdate', () => {
  it('hears an edit the snapshot does not hold (a brief text), until stopped', () => {
    const { doc, store, dropId } = setup();
    let updates = 0;
    let snapshots = 0;
    const stop = store.onDocumentUpdate(() => updates++);
    store.subscribe(() => snapshots++);
    doc.getXmlFragment(`brief:${dropId}`).insert(0, [new Y.XmlText('Open on the harbour')]);
    expect(updates).toBe(1);
    expect(snapshots).toBe(0);
    stop();
    renameWorkspace(doc, 'Harbour & Thread');
    expect(updates).toBe(1);
    expect(snapshots).toBe(1);
  });
});

describe('WorkspaceStore.briefView', () => {
  it('starts closed and notifies only on a change', () => {
    const { store, dropId } = setup();
    expect(store.briefView.get()).toEqual({ kind: 'none' });
    let calls = 0;
    const stop = store.briefView.subscribe(() => calls++);
    const open = { kind: 'brief', dropId } as const;
    store.briefView.set(open);
    store.briefView.set(open);
    expect(calls).toBe(1);
    expect(store.briefView.get()).toBe(open);
    stop();
  });
});
