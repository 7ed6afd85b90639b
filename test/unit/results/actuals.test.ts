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
} from '../../../shared/results';
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
});
