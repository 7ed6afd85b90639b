// Injected into a page on the app's origin by test/bench/board.mjs: seeds IndexedDB with a
// large workspace without the UI, and loads a document with bare y-indexeddb (the floor the
// app's own open is compared with).
import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { initWorkspace } from '../../shared/model';
import { AGED, buildAgedDoc, freshCopy, sameContent } from './aged-seed';
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
  /** Stores a workspace after a year of use and a fresh one with the same content. */
  seedAged(): Promise<AgedSeed>;
  /** The bytes of every update entry a workspace's database holds. */
  storedBytes(id: string): Promise<number>;
}

interface AgedSeed {
  agedId: string;
  freshId: string;
  agedBytes: number;
  freshBytes: number;
  sessions: number;
  buildMs: number;
  counts: typeof AGED;
}

/** Stores `state` as a new workspace through the app's own open (as a restore would). */
async function storeWorkspace(name: string, state: Uint8Array): Promise<string> {
  const record = createWorkspaceRecord(name);
  const ws = await openWorkspace(record.id, { seed: (doc) => applyUpdate(doc, state) });
  await ws.compacted;
  await ws.destroy();
  return record.id;
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
  async seedAged() {
    const t0 = performance.now();
    const { doc: aged, sessions } = buildAgedDoc();
    const buildMs = performance.now() - t0;
    const fresh = freshCopy(aged);
    if (!sameContent(aged, fresh))
      throw new Error('The fresh copy differs from the aged workspace.');
    const agedState = encodeStateAsUpdate(aged);
    const freshState = encodeStateAsUpdate(fresh);
    return {
      agedId: await storeWorkspace('A year of drops', agedState),
      freshId: await storeWorkspace('The same drops, fresh', freshState),
      agedBytes: agedState.byteLength,
      freshBytes: freshState.byteLength,
      sessions,
      buildMs,
      counts: AGED,
    };
  },
  async storedBytes(id) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(workspaceDbName(id));
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const entries = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('updates').objectStore('updates').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return entries.reduce<number>((sum, e) => sum + (e as Uint8Array).byteLength, 0);
  },
};
