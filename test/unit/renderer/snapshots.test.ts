import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  DAILY_MS,
  forgetSnapshots,
  listSnapshots,
  openSnapshot,
  takeDailySnapshotIfDue,
  takeSnapshot,
} from '../../../renderer/src/workspace/snapshots';
import { forgetWorkspace, memoryStorage } from '../../../renderer/src/workspace';
import { SNAPSHOT_BUDGET } from '../../../shared/history/budget';
import { createDrop, initWorkspace, readDrops, readStages } from '../../../shared/model';

function workspace(): Y.Doc {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Saltmarsh Studio' });
  createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Harbour Linen' });
  return doc;
}

describe('snapshot store', () => {
  it('keeps a named snapshot whose state reads back whole', async () => {
    const doc = workspace();
    const info = await takeSnapshot('w_a', doc, 'named', 'Before the June plan');
    expect(info).toMatchObject({ kind: 'named', name: 'Before the June plan', dropCount: 1 });
    const back = await openSnapshot(info!.id);
    expect(readDrops(back).map((d) => d.title)).toEqual(['Harbour Linen']);
    expect((await listSnapshots('w_a')).map((s) => s.id)).toEqual([info!.id]);
    // Another workspace's list is its own.
    expect(await listSnapshots('w_other')).toEqual([]);
  });

  it('takes the daily snapshot once a day, and skips an automatic one when nothing changed', async () => {
    const doc = workspace();
    const t0 = 1_000_000;
    expect(await takeDailySnapshotIfDue('w_b', doc, t0)).not.toBeNull();
    expect(await takeDailySnapshotIfDue('w_b', doc, t0 + DAILY_MS - 1)).toBeNull();
    // Due again, but the state is the same: nothing new is stored.
    expect(await takeDailySnapshotIfDue('w_b', doc, t0 + DAILY_MS)).toBeNull();
    createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Night Market Knit' });
    expect(await takeDailySnapshotIfDue('w_b', doc, t0 + DAILY_MS)).toMatchObject({ dropCount: 2 });
    expect(await listSnapshots('w_b')).toHaveLength(2);
  });

  it('prunes the oldest automatic snapshots past the budget, never a named one', async () => {
    const doc = workspace();
    const stage = readStages(doc)[0]!.id;
    await takeSnapshot('w_c', doc, 'named', 'Keep me', 0);
    for (let i = 1; i <= SNAPSHOT_BUDGET.automatic + 3; i++) {
      createDrop(doc, { stageId: stage, title: `Drop ${i}` });
      await takeSnapshot('w_c', doc, 'before-import', `Import ${i}`, i);
    }
    const list = await listSnapshots('w_c');
    expect(list.filter((s) => s.kind !== 'named')).toHaveLength(SNAPSHOT_BUDGET.automatic);
    expect(list.at(-1)?.name).toBe('Keep me');
    expect(list.some((s) => s.name === 'Import 3')).toBe(false);
    expect(list.some((s) => s.name === 'Import 4')).toBe(true);

    await forgetSnapshots('w_c');
    expect(await listSnapshots('w_c')).toEqual([]);
  });

  it('goes when its workspace is forgotten (Delete, or Leave without keeping a copy)', async () => {
    const doc = workspace();
    await takeSnapshot('w_d', doc, 'named', 'Mine');
    await takeSnapshot('w_e', doc, 'named', 'Not mine');
    await forgetWorkspace('w_d', memoryStorage());
    expect(await listSnapshots('w_d')).toEqual([]);
    expect(await listSnapshots('w_e')).toHaveLength(1);
  });
});
