// Injected into a page on the app's origin by test/bench/board.mjs: seeds IndexedDB with a
// large workspace without the UI, and loads a document with bare y-indexeddb (the floor the
// app's own open is compared with).
import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { initWorkspace } from '../../shared/model';
import {
  createWorkspaceRecord,
  openWorkspace,
  seedGeneratedDrops,
  workspaceDbName,
} from '../../renderer/src/workspace';

interface BoardBench {
  /** Creates a workspace of `n` drops in IndexedDB and the registry; returns its id. */
  seed(n: number): Promise<string>;
  /** Loads a workspace's document with y-indexeddb alone; returns the time and drop count. */
  rawLoad(id: string): Promise<{ ms: number; drops: number; decodeMs: number; bytes: number }>;
}

declare global {
  interface Window {
    cadenceBoardBench: BoardBench;
  }
}

window.cadenceBoardBench = {
  async seed(n) {
    const record = createWorkspaceRecord(`Bench, ${n} drops`);
    const ws = await openWorkspace(record.id, {
      seed: (doc) => {
        initWorkspace(doc, { name: record.name });
        seedGeneratedDrops(doc, n);
      },
    });
    await ws.compacted;
    await ws.destroy();
    return record.id;
  },
  async rawLoad(id) {
    const t0 = performance.now();
    const doc = new Doc();
    const persistence = new IndexeddbPersistence(workspaceDbName(id), doc);
    await persistence.whenSynced;
    const ms = performance.now() - t0;
    const drops = doc.getMap('drops').size;
    await persistence.destroy();
    // The part of the load that is Yjs decoding the same state, without IndexedDB.
    const state = encodeStateAsUpdate(doc);
    const t1 = performance.now();
    applyUpdate(new Doc(), state);
    const decodeMs = performance.now() - t1;
    doc.destroy();
    return { ms, drops, decodeMs, bytes: state.byteLength };
  },
};
