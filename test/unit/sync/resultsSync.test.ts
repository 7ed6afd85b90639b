import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createDrop, initWorkspace, readStages } from '../../../shared/model';
import {
  addRetargetingSpend,
  readActuals,
  recordAmount,
  recordPublished,
  recordShoot,
  setDropSkus,
} from '../../../shared/results';
import { applyRemoteUpdate, validateUpdate } from '../../../shared/sync/validateUpdate';

// A teammate's recorded results reach the other copy through the same check as every edit.
describe('results facts from a teammate', () => {
  it('are accepted by the update check and arrive', () => {
    const a = new Y.Doc();
    initWorkspace(a, { name: 'Harbour Label', now: 0 });
    const dropId = createDrop(a, { stageId: readStages(a)[0]!.id, title: 'Linen Coat' }, 0);
    const b = new Y.Doc();
    expect(applyRemoteUpdate(b, Y.encodeStateAsUpdate(a), 'peer').ok).toBe(true);

    const before = Y.encodeStateVector(b);
    recordShoot(a, dropId, Date.UTC(2026, 2, 1), 'Ines', 1);
    recordPublished(a, dropId, Date.UTC(2026, 2, 8), ['storefront'], 'Ines', 2);
    recordAmount(a, dropId, 'stock', 120, 'Ines', 3);
    addRetargetingSpend(a, dropId, 250, Date.UTC(2026, 2, 9), 'Ines', 4);
    // The longest SKU list a person can record.
    const skus = Array.from({ length: 200 }, (_, i) => `${i}`.padStart(64, 'SKU-'));
    setDropSkus(a, dropId, skus, { by: 'Ines', byId: 'p_ines' }, 5);
    const update = Y.encodeStateAsUpdate(a, before);
    const check = validateUpdate(b, update);
    expect(check).toEqual({ ok: true });
    expect(applyRemoteUpdate(b, update, 'peer').ok).toBe(true);
    expect(readActuals(b, dropId)).toEqual(readActuals(a, dropId));
    expect(readActuals(b, dropId).stockAllocated?.value).toBe(120);
    expect(readActuals(b, dropId).retargeting).toHaveLength(1);
    expect(readActuals(b, dropId).skus).toHaveLength(200);
    expect(readActuals(b, dropId).skusRecorded).toEqual({
      by: 'Ines',
      byId: 'p_ines',
      recordedAt: 5,
    });
  });
});
