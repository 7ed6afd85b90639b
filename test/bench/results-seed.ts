// Injected into a page on the app's origin by test/bench/results.mjs: seeds IndexedDB with the
// results benchmark's workspace (results-data.ts) without the UI, and reads back what the app
// stored (each update entry's size and which of the document's maps it writes).
import { decodeUpdate } from 'yjs';
import { updateBrief } from '../../shared/brief';
import { createCreator, createDrop, initWorkspace, readStages } from '../../shared/model';
import {
  addRetargetingSpend,
  recordAmount,
  recordPublished,
  recordShoot,
  recordShotDelivered,
  setDropPosLocation,
  setDropSkus,
} from '../../shared/results';
import {
  createWorkspaceRecord,
  openWorkspace,
  workspaceDbName,
} from '../../renderer/src/workspace';
import {
  CREATORS,
  creatorCode,
  creatorLink,
  DROPS,
  dropDay,
  dropSku,
  FIRST_DROP,
  POS_LOCATION,
} from './results-data';

/** One stored update: its size and how many items it writes into each top-level map. */
export interface StoredUpdate {
  bytes: number;
  items: Record<string, number>;
  deletes: number;
}

interface ResultsBench {
  /** Creates the 200-drop workspace in IndexedDB and the registry; returns its id. */
  seed(): Promise<string>;
  /** Every update entry of a workspace's database, in order. */
  updates(id: string): Promise<StoredUpdate[]>;
}

declare global {
  interface Window {
    cadenceResultsBench: ResultsBench;
  }
}

const HOUR = 3_600_000;

window.cadenceResultsBench = {
  async seed() {
    const record = createWorkspaceRecord(`Results bench, ${DROPS} drops`);
    const ws = await openWorkspace(record.id, {
      seed: (doc) => {
        initWorkspace(doc, { name: record.name, timezone: 'Europe/Berlin' });
        const stages = readStages(doc);
        const creators = Array.from({ length: CREATORS }, (_, c) =>
          createCreator(doc, {
            name: `Creator ${c + 1}`,
            discountCode: creatorCode(c),
            trackingLink: creatorLink(c),
            revenueSharePct: 5 + (c % 4) * 5,
          }),
        );
        for (let d = 0; d < DROPS; d++) {
          const id = createDrop(doc, {
            stageId: stages[d % stages.length]!.id,
            title: `Drop ${d + 1}`,
            creatorId: creators[d % CREATORS]!,
            dropDate: dropDay(d),
            launchTime: d % 2 ? '18:00' : null,
            inventory: 100 + (d % 50),
            reservePct: 30,
            adBudget: 300,
          });
          const launch = FIRST_DROP + d * 2 * 24 * HOUR;
          updateBrief(doc, id, { fee: 200 + (d % 10) * 20 });
          setDropSkus(doc, id, [dropSku(d, 0), dropSku(d, 1)], 'Bench');
          if (d % 3 === 0) setDropPosLocation(doc, id, POS_LOCATION, 'Bench');
          recordShoot(doc, id, launch - 9 * 24 * HOUR, 'Bench');
          recordShotDelivered(doc, id, 'hero', launch - 8 * 24 * HOUR, 'Bench');
          recordPublished(doc, id, launch - (d % 5) * 24 * HOUR, ['instagram'], 'Bench');
          addRetargetingSpend(doc, id, 120, launch + (d % 4) * 24 * HOUR, 'Bench');
          recordAmount(doc, id, 'shootCost', 150, 'Bench');
        }
      },
    });
    await ws.compacted;
    await ws.destroy();
    return record.id;
  },
  async updates(id) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(workspaceDbName(id));
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const entries = await new Promise<Uint8Array[]>((resolve, reject) => {
      const req = db.transaction('updates').objectStore('updates').getAll();
      req.onsuccess = () => resolve(req.result as Uint8Array[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return entries.map((u) => {
      const { structs, ds } = decodeUpdate(u);
      const items: Record<string, number> = {};
      for (const s of structs) {
        // An item set directly on a top-level map names that map; nested items name an id.
        const parent = 'parent' in s && typeof s.parent === 'string' ? s.parent : '(nested)';
        items[parent] = (items[parent] ?? 0) + 1;
      }
      let deletes = 0;
      ds.clients.forEach((list) => (deletes += list.length));
      return { bytes: u.byteLength, items, deletes };
    });
  },
};
