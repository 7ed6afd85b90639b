import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Doc } from 'yjs';
import {
  createCreator,
  createDrop,
  createUndoManager,
  initWorkspace,
  readStages,
  renameStage,
} from '../../../shared/model';
import {
  encodeBoardPreview,
  parseBoardPreview,
  PREVIEW_CARDS_PER_STAGE,
} from '../../../shared/store/boardPreview';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import {
  createWorkspaceRecord,
  forgetWorkspace,
  memoryStorage,
  openWorkspace,
  readBoardPreview,
  seedGeneratedDrops,
  writeBoardPreview,
} from '../../../renderer/src/workspace';

function storeOf(doc: Doc): WorkspaceStore {
  return new WorkspaceStore(doc, createUndoManager(doc));
}

describe('board preview', () => {
  it('keeps each stage in order with its count and its first cards as the board shows them', () => {
    const doc = new Doc();
    initWorkspace(doc, { name: 'Saltmarsh Studio' });
    const stages = readStages(doc);
    const maya = createCreator(doc, { name: 'Maya Okafor' });
    createDrop(doc, {
      stageId: stages[0]!.id,
      title: 'Linen overshirt',
      creatorId: maya,
      dropDate: '2026-05-14',
    });
    createDrop(doc, { stageId: stages[0]!.id, title: 'Tide tote' });
    seedGeneratedDrops(doc, 7 * (PREVIEW_CARDS_PER_STAGE + 4));
    const store = storeOf(doc);

    const preview = encodeBoardPreview(store.getSnapshot());

    const board = store.getSnapshot().board;
    expect(preview.name).toBe('Saltmarsh Studio');
    expect(preview.stages.map((s) => s.name)).toEqual(board.map((c) => c.stage.name));
    expect(preview.stages.map((s) => s.count)).toEqual(board.map((c) => c.drops.length));
    for (const [i, s] of preview.stages.entries()) {
      expect(s.cards.length).toBe(Math.min(PREVIEW_CARDS_PER_STAGE, board[i]!.drops.length));
      expect(s.cards.map((c) => c.id)).toEqual(
        board[i]!.drops.slice(0, PREVIEW_CARDS_PER_STAGE).map((d) => d.id),
      );
    }
    expect(preview.stages[0]!.cards[0]).toMatchObject({
      title: 'Linen overshirt',
      creatorName: 'Maya Okafor',
      dropDate: '2026-05-14',
    });
    expect(preview.stages[0]!.cards[1]).toMatchObject({ title: 'Tide tote', creatorName: null });
  });

  it('reads back what it stored and refuses anything malformed', () => {
    const doc = new Doc();
    initWorkspace(doc, { name: 'Saltmarsh Studio' });
    const preview = encodeBoardPreview(storeOf(doc).getSnapshot());

    expect(parseBoardPreview(JSON.parse(JSON.stringify(preview)))).toEqual(preview);
    expect(parseBoardPreview(undefined)).toBeNull();
    expect(parseBoardPreview('not a board')).toBeNull();
    expect(parseBoardPreview({ ...preview, version: 2 })).toBeNull();
    expect(parseBoardPreview({ ...preview, stages: [{ id: 's', name: 'Shoot' }] })).toBeNull();
    expect(
      parseBoardPreview({
        ...preview,
        stages: [{ id: 's', name: 'Shoot', count: -1, cards: [] }],
      }),
    ).toBeNull();
  });
});

describe('stored board previews', () => {
  it('a workspace closed after an edit opens next time with a preview of that edit', async () => {
    const storage = memoryStorage();
    const rec = createWorkspaceRecord('Saltmarsh Studio', storage);
    const ws = await openWorkspace(rec.id, { name: rec.name, previewDelayMs: 60_000 });
    renameStage(ws.doc, readStages(ws.doc)[0]!.id, 'Street shoot');
    await ws.destroy();

    const preview = await readBoardPreview(rec.id);
    expect(preview?.name).toBe('Saltmarsh Studio');
    expect(preview?.stages[0]?.name).toBe('Street shoot');

    await forgetWorkspace(rec.id, storage);
    expect(await readBoardPreview(rec.id)).toBeNull();
  });

  it('does not store again a preview the same as the one read at the open', async () => {
    const storage = memoryStorage();
    const rec = createWorkspaceRecord('Saltmarsh Studio', storage);
    let ws = await openWorkspace(rec.id, { name: rec.name, previewDelayMs: 60_000 });
    await ws.destroy();
    const stored = await readBoardPreview(rec.id);
    expect(stored).not.toBeNull();
    // Another window stores a newer preview after this open read the old one: this open's
    // unchanged preview must not land over it.
    ws = await openWorkspace(rec.id, {
      name: rec.name,
      previewDelayMs: 60_000,
      storedPreview: stored,
    });
    const newer = { ...stored!, name: 'Stored by another window' };
    await writeBoardPreview(rec.id, newer);
    await ws.destroy();
    expect((await readBoardPreview(rec.id))?.name).toBe('Stored by another window');
    // Positive control: a change of its own is stored.
    ws = await openWorkspace(rec.id, {
      name: rec.name,
      previewDelayMs: 60_000,
      storedPreview: newer,
    });
    renameStage(ws.doc, readStages(ws.doc)[0]!.id, 'Street shoot');
    await ws.destroy();
    expect((await readBoardPreview(rec.id))?.stages[0]?.name).toBe('Street shoot');
    await forgetWorkspace(rec.id, storage);
  });

  it('a malformed stored preview reads as none, so the board opens from the document', async () => {
    // Written around the schema check, as an older or damaged copy would be.
    await writeBoardPreview('ws-broken', { version: 1 } as never);
    expect(await readBoardPreview('ws-broken')).toBeNull();
    expect(await readBoardPreview('ws-never-opened')).toBeNull();
  });
});
