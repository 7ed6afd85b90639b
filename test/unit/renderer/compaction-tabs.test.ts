import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  compactPersistence,
  createWorkspaceRecord,
  memoryStorage,
  openWorkspace,
  workspaceDbName,
} from '../../../renderer/src/workspace';
import { createDrop, readDrops, readStages } from '../../../shared/model';

// Two tabs of one workspace with sync off share only the IndexedDB database: each
// y-indexeddb instance appends its own entries and never reads the other's after loading.
describe('compaction with two tabs open', () => {
  it('keeps every drop another tab wrote after this tab loaded', async () => {
    const rec = createWorkspaceRecord('Saltmarsh Studio', memoryStorage());
    const created = await openWorkspace(rec.id, { name: rec.name });
    await created.destroy();
    // The first tab loads the workspace and keeps it open.
    const firstDoc = new Y.Doc();
    const first = new IndexeddbPersistence(workspaceDbName(rec.id), firstDoc);
    await first.whenSynced;
    const stage = readStages(firstDoc)[0]!.id;
    createDrop(firstDoc, { stageId: stage, title: 'Tab one drop' });

    // The second tab loads, then writes 25 drops (25 entries) the first tab never sees.
    const otherDoc = new Y.Doc();
    const other = new IndexeddbPersistence(workspaceDbName(rec.id), otherDoc);
    await other.whenSynced;
    for (let i = 0; i < 25; i++) createDrop(otherDoc, { stageId: stage, title: `Tab two ${i}` });
    // y-indexeddb writes each update in its own transaction: wait until all 25 are stored.
    await waitFor(async () => (await titlesOnDisk(rec.id)).length === 26);

    // The first tab compacts (more than 20 entries are stored now) into one entry.
    expect(await compactPersistence(first, 20)).toBe(1);
    // It goes on writing after the merge: y-indexeddb's own merge (at 500 entries) reads the
    // merged entry back into this tab's document before deleting anything below it.
    createDrop(firstDoc, { stageId: stage, title: 'Tab one after the merge' });
    await waitFor(async () => (await titlesOnDisk(rec.id)).length === 27);
    await storeState(first, true); // y-indexeddb's own merge, as at 500 entries
    expect(readDrops(firstDoc).map((d) => d.title)).toContain('Tab two 24');
    await other.destroy();
    await first.destroy();

    const titles = await titlesOnDisk(rec.id);
    expect(titles).toContain('Tab one drop');
    expect(titles).toContain('Tab one after the merge');
    expect(titles.filter((t) => t.startsWith('Tab two '))).toHaveLength(25);
  });
});

async function titlesOnDisk(id: string): Promise<string[]> {
  const doc = new Y.Doc();
  const p = new IndexeddbPersistence(workspaceDbName(id), doc);
  await p.whenSynced;
  const titles = readDrops(doc).map((d) => d.title);
  await p.destroy();
  return titles;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not met');
}
