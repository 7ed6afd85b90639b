import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { describe, expect, it } from 'vitest';
import { compactStoredUpdates } from '../../../renderer/src/workspace/compactStore';

// The merge the compaction worker runs, on a database y-indexeddb wrote.
describe('merging a workspace database', () => {
  it('leaves one entry holding everything, as small as the document encodes itself', async () => {
    const doc = new Y.Doc();
    const p = new IndexeddbPersistence('compact-store-merge', doc);
    await p.whenSynced;
    const text = doc.getText('brief');
    // 41 entries: typing, most of it deleted again, and a drop.
    for (let i = 0; i < 20; i++) text.insert(text.length, `Line ${i} of a long brief. `.repeat(20));
    for (let i = 0; i < 20; i++) text.delete(0, Math.min(400, text.length));
    doc.getMap('drops').set('d1', 'Harbour Linen');
    await storedCount(p, 42); // one more as it loaded

    const { left, lastKey } = await compactStoredUpdates(p.db!, 20);
    expect(left).toBe(1);
    expect(lastKey).not.toBeNull();
    const [merged] = await stored(p);
    const reread = new Y.Doc();
    Y.applyUpdate(reread, merged!);
    expect(reread.getText('brief').toString()).toBe(text.toString());
    expect(reread.getMap('drops').get('d1')).toBe('Harbour Linen');
    // The deleted text is not kept: the entry is the size of the document's own encoding.
    expect(merged!.byteLength).toBeLessThanOrEqual(Y.encodeStateAsUpdate(doc).byteLength);
    await p.destroy();
  });

  it('leaves a database at or under the threshold as it is', async () => {
    const doc = new Y.Doc();
    const p = new IndexeddbPersistence('compact-store-small', doc);
    await p.whenSynced;
    for (let i = 0; i < 5; i++) doc.getMap('drops').set(`d${i}`, `Drop ${i}`);
    await storedCount(p, 6);
    expect(await compactStoredUpdates(p.db!, 20)).toEqual({ left: 6, lastKey: null });
    expect(await stored(p)).toHaveLength(6);
    await p.destroy();
  });
});

function stored(p: IndexeddbPersistence): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const req = p.db!.transaction(['updates']).objectStore('updates').getAll();
    req.onsuccess = () => resolve(req.result as Uint8Array[]);
    req.onerror = () => reject(req.error ?? new Error('read failed'));
  });
}

/** y-indexeddb stores each update in a transaction of its own: waits until `n` are stored. */
async function storedCount(p: IndexeddbPersistence, n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await stored(p)).length === n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`expected ${n} stored entries`);
}
