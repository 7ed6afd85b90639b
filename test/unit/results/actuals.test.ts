import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createUndoManager } from '../../../shared/model';
import {
  ActualsValidationError,
  addRetargetingSpend,
  readActuals,
  recordAmount,
  recordPublished,
  recordShoot,
  recordShotDelivered,
  removeRetargetingSpend,
  setDropPosLocation,
  setDropSkus,
} from '../../../shared/results';
import { resultsRoot } from '../../../shared/results/roots';
import { scenarioDoc } from './scenario';

const T = Date.parse('2026-03-18T09:00:00Z');

describe('recording what happened', () => {
  it('keeps who recorded each fact and when', () => {
    const { doc, b } = scenarioDoc();
    recordShoot(doc, b, T, 'Mara', 111);
    recordPublished(doc, b, T + 3_600_000, ['email', 'instagram'], 'Sol', 222);
    const a = readActuals(doc, b);
    expect(a.shoot).toEqual({ at: T, by: 'Mara', recordedAt: 111 });
    expect(a.published).toEqual({
      at: T + 3_600_000,
      channels: ['email', 'instagram'],
      by: 'Sol',
      recordedAt: 222,
    });
  });

  it('two people recording different facts offline both keep theirs', () => {
    const { doc, b } = scenarioDoc();
    const one = new Y.Doc();
    const two = new Y.Doc();
    Y.applyUpdate(one, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(doc));
    // Neither has a record for drop B yet: both create it at once.
    recordShotDelivered(one, b, 'hero', T, 'Mara');
    recordAmount(two, b, 'stock', 40, 'Ops');
    addRetargetingSpend(one, b, 10, T, 'Sol');
    addRetargetingSpend(two, b, 20, T, 'Sol');
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const merged = readActuals(one, b);
    expect(merged).toEqual(readActuals(two, b));
    expect(merged.shots.hero?.by).toBe('Mara');
    expect(merged.stockAllocated?.value).toBe(40);
    expect(merged.retargeting.map((s) => s.amount).sort()).toEqual([10, 20]);
  });

  it('facts on an existing record merge from both sides', () => {
    const { doc, a } = scenarioDoc();
    const one = new Y.Doc();
    const two = new Y.Doc();
    Y.applyUpdate(one, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(doc));
    recordAmount(one, a, 'stock', 18, 'Ops');
    recordShotDelivered(two, a, 'hero', T + 1000, 'Mara');
    addRetargetingSpend(one, a, 10, T, 'Sol');
    addRetargetingSpend(two, a, 20, T, 'Sol');
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const merged = readActuals(one, a);
    expect(merged).toEqual(readActuals(two, a));
    expect(merged.stockAllocated?.value).toBe(18);
    expect(merged.shots.hero?.at).toBe(T + 1000);
    expect(merged.retargeting.map((s) => s.amount).sort()).toEqual([10, 100, 20, 50]);
  });

  it('validates amounts and times, and writes nothing when invalid', () => {
    const { doc, a } = scenarioDoc();
    expect(() => recordAmount(doc, a, 'stock', -1, 'Ops')).toThrow(ActualsValidationError);
    expect(() => recordAmount(doc, a, 'stock', 2.5, 'Ops')).toThrow('Whole units only.');
    expect(() => recordShoot(doc, a, Number.NaN, 'Ops')).toThrow(ActualsValidationError);
    expect(readActuals(doc, a).stockAllocated).toBeNull();
  });

  it('refuses a delivery or publishing before the shoot, and a shoot after them, in words', () => {
    const { doc, b: drop } = scenarioDoc();
    expect(readActuals(doc, drop).shoot).toBeNull();
    recordShoot(doc, drop, T, 'Ops');
    const hour = 3_600_000;
    expect(() => recordShotDelivered(doc, drop, 'hero', T - 24 * hour, 'Ops')).toThrow(
      "A shot's delivery must come after the shoot.",
    );
    expect(() => recordPublished(doc, drop, T - 48 * hour, ['email'], 'Ops')).toThrow(
      'Publishing must come after the shoot.',
    );
    expect(readActuals(doc, drop).shots.hero).toBeNull();
    expect(readActuals(doc, drop).published).toBeNull();
    // Positive control: after the shoot is fine, and then the shoot cannot move past it.
    recordShotDelivered(doc, drop, 'hero', T + 24 * hour, 'Ops');
    expect(readActuals(doc, drop).shots.hero?.at).toBe(T + 24 * hour);
    expect(() => recordShoot(doc, drop, T + 25 * hour, 'Ops')).toThrow(
      'The shoot must come before the deliveries and publishing recorded for this drop.',
    );
    expect(readActuals(doc, drop).shoot?.at).toBe(T);
  });

  it('says which years a date may be in, not a raw bound', () => {
    const { doc, b: drop } = scenarioDoc();
    expect(readActuals(doc, drop).shoot).toBeNull();
    expect(() => recordShoot(doc, drop, Date.UTC(1999, 5, 1), 'Ops')).toThrow(
      'Enter a date from the year 2000 on.',
    );
    expect(() => recordShoot(doc, drop, Date.UTC(2101, 5, 1), 'Ops')).toThrow(
      'Enter a date before the year 2100.',
    );
  });

  it('each record is one undoable step; a payment can be removed', () => {
    const { doc, a } = scenarioDoc();
    const undo = createUndoManager(doc);
    undo.stopCapturing();
    recordAmount(doc, a, 'adSpend', 75, 'Sol');
    expect(readActuals(doc, a).adSpend?.value).toBe(75);
    undo.undo();
    expect(readActuals(doc, a).adSpend).toBeNull();
    const id = readActuals(doc, a).retargeting[0]!.id;
    removeRetargetingSpend(doc, a, id);
    expect(readActuals(doc, a).retargeting).toHaveLength(1);
  });

  it("keeps this computer's id for the person who recorded a fact, named or not", () => {
    const { doc, b } = scenarioDoc();
    recordAmount(doc, b, 'stock', 40, { by: '', byId: 'p_ines' }, 111);
    recordShoot(doc, b, T, { by: 'Ines', byId: 'p_ines' }, 222);
    const a = readActuals(doc, b);
    expect(a.stockAllocated).toEqual({ value: 40, by: '', byId: 'p_ines', recordedAt: 111 });
    expect(a.shoot).toEqual({ at: T, by: 'Ines', byId: 'p_ines', recordedAt: 222 });
  });

  it('keeps who recorded the SKUs and the POS location and when, as for every fact', () => {
    const { doc, b } = scenarioDoc();
    setDropSkus(doc, b, ['NM KNIT VEST', 'NM-SCARF'], { by: 'Theo', byId: 'p_theo' }, 333);
    setDropPosLocation(doc, b, 'Harbour Stall', 'Mara', 444);
    const a = readActuals(doc, b);
    expect(a.skus).toEqual(['NM KNIT VEST', 'NM-SCARF']);
    expect(a.skusRecorded).toEqual({ by: 'Theo', byId: 'p_theo', recordedAt: 333 });
    expect(a.posLocation).toBe('Harbour Stall');
    expect(a.posLocationRecorded).toEqual({ by: 'Mara', recordedAt: 444 });
  });

  it('clears the SKUs and the POS location with who recorded them, in one undo step each', () => {
    const { doc, b } = scenarioDoc();
    setDropSkus(doc, b, ['NM-SCARF'], 'Theo', 333);
    setDropPosLocation(doc, b, 'Harbour Stall', 'Theo', 444);
    const undo = createUndoManager(doc);
    undo.stopCapturing();
    setDropSkus(doc, b, [], 'Ines');
    undo.stopCapturing();
    setDropPosLocation(doc, b, '', 'Ines');
    const cleared = readActuals(doc, b);
    expect([cleared.skus, cleared.skusRecorded]).toEqual([[], null]);
    expect([cleared.posLocation, cleared.posLocationRecorded]).toEqual(['', null]);
    // Nothing of either is left behind in the document.
    expect([...resultsRoot.dropActuals(doc).keys()].filter((k) => k.startsWith(b))).toEqual([]);
    undo.undo();
    expect(readActuals(doc, b).posLocationRecorded).toEqual({ by: 'Theo', recordedAt: 444 });
    expect(readActuals(doc, b).skus).toEqual([]);
    undo.undo();
    expect(readActuals(doc, b).skus).toEqual(['NM-SCARF']);
    expect(readActuals(doc, b).skusRecorded).toEqual({ by: 'Theo', recordedAt: 333 });
  });

  it('reads SKUs written without who recorded them (an earlier version) as recorded by no one known', () => {
    const { doc, b } = scenarioDoc();
    // An earlier Cadence writes the list alone.
    resultsRoot.dropActuals(doc).set(`${b}|skus`, ['OLD-SKU']);
    expect(readActuals(doc, b).skus).toEqual(['OLD-SKU']);
    expect(readActuals(doc, b).skusRecorded).toBeNull();
    // Recorded here, then changed by an earlier version: the line must not name the wrong person.
    setDropSkus(doc, b, ['NEW-SKU'], 'Theo', 333);
    expect(readActuals(doc, b).skusRecorded).toEqual({ by: 'Theo', recordedAt: 333 });
    resultsRoot.dropActuals(doc).set(`${b}|skus`, ['OTHER-SKU']);
    expect(readActuals(doc, b).skus).toEqual(['OTHER-SKU']);
    expect(readActuals(doc, b).skusRecorded).toBeNull();
  });
});
