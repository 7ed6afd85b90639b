import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Doc } from 'yjs';
import {
  COMPACT_ABOVE,
  countStoredUpdates,
  createWorkspaceRecord,
  memoryStorage,
  openWorkspace,
  seedGeneratedDrops,
  workspaceDbName,
} from '../../../renderer/src/workspace';
import { moveDrop, readStages } from '../../../shared/model';

describe('IndexedDB growth', () => {
  it('reopening a workspace 20 times keeps its database bounded and its board intact', async () => {
    const rec = createWorkspaceRecord('Saltmarsh Studio', memoryStorage());
    const first = await openWorkspace(rec.id, { name: rec.name });
    seedGeneratedDrops(first.doc, 200);
    await first.destroy();

    const counts: number[] = [];
    for (let i = 0; i < 20; i++) {
      const ws = await openWorkspace(rec.id);
      // A few edits per session, as a person would make.
      const stages = readStages(ws.doc);
      const board = ws.store.getSnapshot().board;
      moveDrop(ws.doc, board[i % 7]!.drops[0]!.id, stages[(i + 1) % 7]!.id, 0);
      moveDrop(ws.doc, board[(i + 3) % 7]!.drops[1]!.id, stages[(i + 5) % 7]!.id, 3);
      await ws.compacted;
      await ws.destroy();
      counts.push(await countStoredUpdates(workspaceDbName(rec.id)));
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(COMPACT_ABOVE + 4);

    const last = await openWorkspace(rec.id);
    expect(last.store.getSnapshot().drops.size).toBe(200);
    const cardsOnBoard = last.store.getSnapshot().board.reduce((n, c) => n + c.drops.length, 0);
    expect(cardsOnBoard).toBe(200);
    await last.destroy();
  });

  it('merges many small updates into one entry on open', async () => {
    const rec = createWorkspaceRecord('Night Market', memoryStorage());
    const ws = await openWorkspace(rec.id, { name: rec.name });
    seedGeneratedDrops(ws.doc, 30);
    const stages = readStages(ws.doc);
    const ids = [...ws.store.getSnapshot().drops.keys()];
    ids.forEach((id, i) => moveDrop(ws.doc, id, stages[i % 2]!.id, 0));
    await ws.destroy();
    expect(await countStoredUpdates(workspaceDbName(rec.id))).toBeGreaterThan(COMPACT_ABOVE);

    const reopened = await openWorkspace(rec.id);
    expect(await reopened.compacted).toBe(1);
    await reopened.destroy();
    const after = await openWorkspace(rec.id);
    const board = after.store.getSnapshot().board;
    expect(board[0]!.drops).toHaveLength(15);
    expect(board[1]!.drops).toHaveLength(15);
    await after.destroy();
  });
});

describe('opening a stored workspace', () => {
  it('decodes the stored state once: the load is not encoded again as an update', async () => {
    const rec = createWorkspaceRecord('Harbour Linen', memoryStorage());
    const first = await openWorkspace(rec.id, { name: rec.name });
    seedGeneratedDrops(first.doc, 120);
    await first.destroy();

    // Yjs encodes a transaction as an `update` event only when something listens for them; the
    // load applies the whole stored state in one transaction.
    const emit = vi.spyOn(Doc.prototype, 'emit');
    const ws = await openWorkspace(rec.id);
    const updates = emit.mock.calls.filter(([name]) => name === 'update');
    emit.mockRestore();
    expect(ws.store.getSnapshot().drops.size).toBe(120);
    expect(updates).toHaveLength(0);

    // Local edits are still stored after the load: a move survives a reopen.
    const board = ws.store.getSnapshot().board;
    const moved = board[0]!.drops[0]!.id;
    moveDrop(ws.doc, moved, board[1]!.stage.id, 0);
    await ws.destroy();
    const again = await openWorkspace(rec.id);
    expect(again.store.getSnapshot().drops.get(moved)?.pos.stageId).toBe(board[1]!.stage.id);
    await again.destroy();
  });
});
