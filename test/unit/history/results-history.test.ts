import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { diffWorkspaces, isUnchanged } from '../../../shared/history/diff';
import { restoreDropsFromSnapshot } from '../../../shared/history/restore';
import {
  asOwnUndoStep,
  createDrop,
  createUndoManager,
  deleteDrop,
  formatMoney,
  readDrop,
  readStages,
  updateDrop,
} from '../../../shared/model';
import {
  addRetargetingSpend,
  readActuals,
  readAllActuals,
  readImports,
  readOrders,
  recordAmount,
  recordShoot,
  removeRetargetingSpend,
  resultsRoot,
  setDropPosLocation,
  setDropSkus,
  updateResultSettings,
} from '../../../shared/results';
import { importEvents, importOrders, SCENARIO_CSV, scenarioDoc } from '../results/scenario';

// History and the results data: a drop's recorded facts are compared and restored with the
// drop; imports of orders and events (the workspace's, not a drop's) are listed, never restored
// with chosen drops.

/** A snapshot as the app stores it: the encoded state, read back into its own document. */
function snapshotOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const eur = (n: number) => formatMoney(n, 'EUR');
const linesOf = (then: Y.Doc, now: Y.Doc, id: string) =>
  diffWorkspaces(then, now).drops.find((d) => d.id === id)?.lines ?? [];

describe('History compares what was recorded for each drop', () => {
  it('finds nothing changed in a workspace with facts and imports left alone (control)', async () => {
    const { doc } = scenarioDoc();
    await importOrders(doc, SCENARIO_CSV);
    await importEvents(doc);
    const diff = diffWorkspaces(snapshotOf(doc), doc);
    expect(diff.drops).toEqual([]);
    expect(diff.results).toEqual([]);
    expect(isUnchanged(diff)).toBe(true);
  });

  it('names a changed, a newly recorded, a cleared and a re-recorded fact on its drop', () => {
    const { doc, a, b } = scenarioDoc();
    const snap = snapshotOf(doc);
    const payment = readActuals(doc, a).retargeting[0]!;
    recordAmount(doc, a, 'shootCost', 999, 'Vandal');
    recordAmount(doc, a, 'stock', 40, 'Ops');
    removeRetargetingSpend(doc, a, payment.id);
    setDropSkus(doc, a, ['HL-SHIRT'], 'Ops');
    // The shoot recorded again at the same time, by someone else: no value changed.
    recordShoot(doc, a, readActuals(doc, a).shoot!.at, 'Jon');

    const diff = diffWorkspaces(snap, doc);
    expect(isUnchanged(diff)).toBe(false);
    expect(diff.drops.map((d) => d.id)).toEqual([a]);
    expect(diff.drops[0]).toMatchObject({ kind: 'changed', title: 'Harbor Linen' });
    expect(diff.drops[0]!.lines).toEqual([
      'Results: Shoot happened recorded again (18 Mar 2026 10:00)',
      'Results: Stock allocated not recorded → 40 units',
      'Results: Product SKUs HL-SHIRT, HL-TROUSER → HL-SHIRT',
      `Results: Shoot cost ${eur(200)} → ${eur(999)}`,
      `Results: Retargeting payment ${eur(100)} on 28 Mar 2026 11:00 removed`,
    ]);
    // The other drop, untouched, is not listed.
    expect(linesOf(snap, doc, b)).toEqual([]);
  });

  it('names a change of the SKUs or POS location once, and a re-recording as recorded again', () => {
    const { doc, a, b } = scenarioDoc();
    const snap = snapshotOf(doc);
    // Who recorded them is kept beside them: a change of both is still one line per fact.
    setDropSkus(doc, a, ['HL-SHIRT', 'HL-TROUSER'], 'Jon');
    setDropPosLocation(doc, a, 'Pier Stall', 'Jon');
    setDropSkus(doc, b, ['SK-KNIT'], 'Jon');
    expect(linesOf(snap, doc, a)).toEqual([
      'Results: Product SKUs recorded again (HL-SHIRT, HL-TROUSER)',
      'Results: Pop-up POS location “Harbor Stall” → “Pier Stall”',
    ]);
    expect(linesOf(snap, doc, b)).toEqual(['Results: Product SKUs sk-knit → SK-KNIT']);
  });

  it('names only the fact when nothing else about the drop changed (was "Nothing has changed")', () => {
    const { doc, b } = scenarioDoc();
    const snap = snapshotOf(doc);
    recordAmount(doc, b, 'adSpend', 75, 'Sol');
    const diff = diffWorkspaces(snap, doc);
    expect(isUnchanged(diff)).toBe(false);
    expect(linesOf(snap, doc, b)).toEqual([`Results: Other ad spend not recorded → ${eur(75)}`]);
  });
});

describe('History lists the results data of the whole workspace', () => {
  it('reports imports of orders and events since the snapshot, and their counts', async () => {
    const { doc } = scenarioDoc();
    const snap = snapshotOf(doc);
    await importOrders(doc, SCENARIO_CSV, 'march.csv');
    // The same file again: a second import that adds no order.
    await importOrders(doc, SCENARIO_CSV, 'march-again.csv');
    await importEvents(doc);
    const orders = readOrders(doc).length;
    const events = resultsRoot.interest(doc).size;
    expect(orders).toBeGreaterThan(0);

    const diff = diffWorkspaces(snap, doc);
    expect(isUnchanged(diff)).toBe(false);
    expect(diff.drops).toEqual([]);
    expect(diff.results).toHaveLength(2);
    expect(diff.results[0]).toMatch(
      /^Orders: 2 imports since the snapshot \((march\.csv, march-again\.csv|march-again\.csv, march\.csv)\); 0 orders then, \d+ now$/,
    );
    expect(diff.results[0]).toContain(`, ${orders} now`);
    expect(diff.results[1]).toBe(
      `Interest events: 1 import since the snapshot (events.csv); 0 events then, ${events} now`,
    );
  });

  it('reports an import taken back since, and a change of the counting rules', async () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc);
    await importOrders(doc, SCENARIO_CSV, 'march.csv');
    const snap = snapshotOf(doc);
    undo.stopCapturing();
    undo.undo();
    expect(readImports(doc)).toEqual([]);
    updateResultSettings(doc, { sellThroughTargetPct: 75 });
    const diff = diffWorkspaces(snap, doc);
    expect(diff.results).toEqual([
      expect.stringMatching(
        /^Orders: 1 import taken back since \(march\.csv\); \d+ orders then, 0 now$/,
      ),
      'Counting rules changed: sell-through target',
    ]);
  });
});

describe('Restoring chosen drops puts their recorded facts back', () => {
  it('puts a changed fact back and removes a fact recorded since, as one undo step', () => {
    const { doc, a, b } = scenarioDoc();
    const before = readActuals(doc, a);
    const snap = snapshotOf(doc);
    recordAmount(doc, a, 'shootCost', 999, 'Vandal');
    recordAmount(doc, a, 'stock', 40, 'Vandal');
    addRetargetingSpend(doc, a, 5000, Date.parse('2026-04-01T10:00:00Z'), 'Vandal');
    updateDrop(doc, a, { title: 'BUY CRYPTO NOW' });
    // Another drop's new fact: not chosen, so it stays.
    recordAmount(doc, b, 'shootCost', 80, 'Mara');

    const undo = createUndoManager(doc);
    const result = asOwnUndoStep(undo, () => restoreDropsFromSnapshot(doc, snap, [a]));
    expect(result.restored).toEqual([a]);
    expect(readActuals(doc, a)).toEqual(before);
    expect(readActuals(doc, a).shootCost?.value).toBe(200);
    expect(readActuals(doc, a).stockAllocated).toBeNull();
    expect(readDrop(doc, a)?.title).toBe('Harbor Linen');
    expect(readActuals(doc, b).shootCost?.value).toBe(80);
    expect(linesOf(snap, doc, a)).toEqual([]);

    // One undo takes the whole restore back, facts included.
    undo.undo();
    expect(readActuals(doc, a).shootCost?.value).toBe(999);
    expect(readActuals(doc, a).stockAllocated?.value).toBe(40);
    expect(readDrop(doc, a)?.title).toBe('BUY CRYPTO NOW');
  });

  it('reaches a teammate, whose concurrent recording of another fact survives', () => {
    const { doc, a } = scenarioDoc();
    const snap = snapshotOf(doc);
    const mate = snapshotOf(doc);
    recordAmount(doc, a, 'shootCost', 999, 'Vandal');
    sync(doc, mate);
    // Offline meanwhile: the teammate records the drop's stock.
    recordAmount(mate, a, 'adSpend', 30, 'Sol');
    restoreDropsFromSnapshot(doc, snap, [a]);
    sync(doc, mate);
    expect(readActuals(mate, a).shootCost?.value).toBe(200);
    // A fact this side had not received when it restored is not taken away.
    expect(readActuals(mate, a).adSpend?.value).toBe(30);
    expect(readAllActuals(mate)).toEqual(readAllActuals(doc));
  });

  it('brings a deleted drop back with its facts, and removes a drop added since with its facts', () => {
    const { doc, a } = scenarioDoc();
    const snap = snapshotOf(doc);
    const facts = readActuals(doc, a);
    deleteDrop(doc, a);
    recordAmount(doc, a, 'shootCost', 1, 'Vandal');
    const added = createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Spam' });
    recordAmount(doc, added, 'shootCost', 5, 'Vandal');

    const result = restoreDropsFromSnapshot(doc, snap, [a, added]);
    expect(result).toMatchObject({ restored: [a], removed: [added] });
    expect(readDrop(doc, a)?.title).toBe('Harbor Linen');
    expect(readActuals(doc, a)).toEqual(facts);
    expect(readAllActuals(doc).has(added)).toBe(false);
    expect(isUnchanged(diffWorkspaces(snap, doc))).toBe(true);
  });

  it('leaves imported orders and events as they are (they are the workspace’s)', async () => {
    const { doc, a } = scenarioDoc();
    const snap = snapshotOf(doc);
    await importOrders(doc, SCENARIO_CSV, 'march.csv');
    recordAmount(doc, a, 'shootCost', 999, 'Vandal');
    const orders = readOrders(doc).length;
    restoreDropsFromSnapshot(doc, snap, [a]);
    expect(readActuals(doc, a).shootCost?.value).toBe(200);
    expect(readOrders(doc)).toHaveLength(orders);
    expect(readImports(doc).map((r) => r.file)).toEqual(['march.csv']);
    // So the comparison still names the import, and nothing of the drop.
    const diff = diffWorkspaces(snap, doc);
    expect(diff.drops).toEqual([]);
    expect(diff.results).toEqual([expect.stringMatching(/^Orders: 1 import since the snapshot/)]);
  });
});
