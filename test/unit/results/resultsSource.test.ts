import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrop, moveDrop, readStages, updateDrop } from '../../../shared/model';
import {
  applyOrderPlanInSlices,
  ensureCustomerSalt,
  hashOrders,
  planOrderImport,
  readOrdersCsv,
  recordAmount,
  recordShoot,
  updateResultSettings,
} from '../../../shared/results';
import {
  TEAMMATE_IMPORT_MAX_WAIT_MS,
  TEAMMATE_IMPORT_QUIET_MS,
} from '../../../shared/store/resultsSource';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import { SCENARIO_ORDERS, shopifyCsv } from '../../fixtures/results/shopifyExport';
import { importOrders, SCENARIO_CSV, scenarioDoc, TZ } from './scenario';

const META = { file: 'orders_export.csv', by: 'Mara', rows: 0, testSkipped: 0 };

// A plan of the worked example's export, compared with `doc`.
async function scenarioPlan(doc: Y.Doc) {
  const read = readOrdersCsv(SCENARIO_CSV, { timeZone: TZ, localPostcodes: [] });
  return planOrderImport(doc, await hashOrders(read.records, ensureCustomerSalt(doc)));
}

// The results are a derived value of the one workspace store: every card and chart reads the
// same computation, redone once after a change the results read, and not kept after close.
describe('the store’s results', () => {
  it('are computed once per change for every reader, and follow imports and actuals', async () => {
    const { doc, a, b } = scenarioDoc();
    const store = new WorkspaceStore(doc);
    const heard: number[] = [];
    const stop = store.results.subscribe(() => heard.push(heard.length));
    const first = store.results.get();
    expect(store.results.get()).toBe(first);
    expect(first.orderCount).toBe(0);

    await importOrders(doc, SCENARIO_CSV);
    expect(heard.length).toBeGreaterThan(0);
    const imported = store.results.get();
    expect(imported).not.toBe(first);
    expect(imported.orderCount).toBeGreaterThan(0);
    expect(imported.results.get(a)!.conversions.orders).toBeGreaterThan(0);
    expect(store.results.get()).toBe(imported);

    // A change the results do not read keeps the same snapshot (no new computation).
    const count = heard.length;
    doc.transact(() => doc.getMap('unrelated').set('k', 1));
    expect(heard.length).toBe(count);
    expect(store.results.get()).toBe(imported);

    // One drop's actuals: a new snapshot, the other drop's numbers the same object.
    recordShoot(doc, b, Date.parse('2026-03-25T09:00:00Z'), 'Mara');
    const shot = store.results.get();
    expect(shot).not.toBe(imported);
    expect(shot.results.get(a)).toBe(imported.results.get(a));
    stop();
  });

  it('stop watching the document when the store is destroyed', () => {
    const { doc, a } = scenarioDoc();
    const store = new WorkspaceStore(doc);
    let heard = 0;
    store.results.subscribe(() => heard++);
    store.results.get();
    updateDrop(doc, a, { title: 'Harbour Linen II' });
    expect(heard).toBe(1);
    store.destroy();
    updateDrop(doc, a, { title: 'Harbour Linen III' });
    expect(heard).toBe(1);
  });

  it('held, keep what they showed through every slice of an import and are drawn once when released', async () => {
    const { doc, a } = scenarioDoc();
    const store = new WorkspaceStore(doc);
    let heard = 0;
    store.results.subscribe(() => heard++);
    const before = store.results.get();
    const plan = await scenarioPlan(doc);
    const release = store.results.hold();
    let slices = 0;
    await applyOrderPlanInSlices(doc, plan, META, {
      slice: 3,
      pause: async () => {
        slices++;
        // A reader that draws meanwhile (for another reason) still gets the results as they were.
        expect(store.results.get()).toBe(before);
      },
    });
    expect(slices).toBeGreaterThan(2);
    expect(heard).toBe(0);
    // Computed while held (in slices), drawn on release: the same results as computed at once.
    await store.results.prepare(() => Promise.resolve());
    expect(heard).toBe(0);
    const prepared = store.results.get();
    expect(prepared).not.toBe(before);
    release();
    expect(heard).toBe(1);
    const after = store.results.get();
    expect(after).toBe(prepared); // not computed again
    expect(after.orderCount).toBe(plan.entries.size);
    expect(after.results.get(a)!.conversions.orders).toBeGreaterThan(0);
    expect(after.results).toEqual(new WorkspaceStore(doc).results.get().results);
    // The control: a change after the release is drawn at once.
    updateResultSettings(doc, { unpaid: 'include-pending' });
    expect(heard).toBe(2);
  });

  it('are not redrawn when the customer salt is written (a setting is)', () => {
    const { doc } = scenarioDoc();
    const store = new WorkspaceStore(doc);
    let heard = 0;
    store.results.subscribe(() => heard++);
    const shown = store.results.get();
    ensureCustomerSalt(doc);
    expect(heard).toBe(0);
    expect(store.results.get()).toBe(shown);
    updateResultSettings(doc, { unpaid: 'include-pending' });
    expect(heard).toBe(1);
  });

  it('are not redrawn when a drop moves on the board (its dates are)', () => {
    const { doc, a } = scenarioDoc();
    const store = new WorkspaceStore(doc);
    let heard = 0;
    store.results.subscribe(() => heard++);
    const shown = store.results.get();
    const [first, second] = readStages(doc);
    moveDrop(doc, a, second!.id, 0);
    moveDrop(doc, a, first!.id, 1);
    expect(heard).toBe(0);
    expect(store.results.get()).toBe(shown);
    // A drop added or edited is still a change the results read.
    updateDrop(doc, a, { dropDate: '2026-03-28' });
    expect(heard).toBe(1);
    createDrop(doc, { stageId: first!.id, title: 'Tide Scarf' });
    expect(heard).toBe(2);
  });
});

describe('a teammate’s import arriving in slices', () => {
  afterEach(() => vi.useRealTimers());

  it('is drawn once, when its last slice (with the import record) arrives; their other edits at once', async () => {
    const { doc, a } = scenarioDoc();
    const teammate = new Y.Doc();
    Y.applyUpdate(teammate, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    teammate.on('update', (u: Uint8Array) => updates.push(u));
    const plan = await scenarioPlan(teammate);
    await applyOrderPlanInSlices(teammate, plan, META, { slice: 2 });
    expect(updates.length).toBeGreaterThan(3);

    vi.useFakeTimers();
    const store = new WorkspaceStore(doc);
    let heard = 0;
    store.results.subscribe(() => heard++);
    const before = store.results.get();
    for (const u of updates.slice(0, -1)) {
      Y.applyUpdate(doc, u, 'teammate');
      vi.advanceTimersByTime(TEAMMATE_IMPORT_QUIET_MS / 3);
    }
    expect(heard).toBe(0);
    expect(store.results.get()).toBe(before);
    Y.applyUpdate(doc, updates.at(-1)!, 'teammate');
    expect(heard).toBe(1);
    expect(store.results.get().orderCount).toBe(plan.entries.size);
    expect(store.results.get().results.get(a)!.conversions.orders).toBeGreaterThan(0);

    // The control: the teammate renames a drop, and it shows without waiting.
    const rename = new Y.Doc();
    Y.applyUpdate(rename, Y.encodeStateAsUpdate(doc));
    const renamed: Uint8Array[] = [];
    rename.on('update', (u: Uint8Array) => renamed.push(u));
    updateDrop(rename, a, { title: 'Harbour Linen II' });
    for (const u of renamed) Y.applyUpdate(doc, u, 'teammate');
    expect(heard).toBe(2);
    expect(store.results.get().results.get(a)!.title).toBe('Harbour Linen II');
  });

  it('is drawn once the slices stop coming, and every so often while they keep coming', async () => {
    const { doc } = scenarioDoc();
    const teammate = new Y.Doc();
    Y.applyUpdate(teammate, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    teammate.on('update', (u: Uint8Array) => updates.push(u));
    const plan = await scenarioPlan(teammate);
    await applyOrderPlanInSlices(teammate, plan, META, { slice: 1 });

    vi.useFakeTimers();
    const store = new WorkspaceStore(doc);
    let heard = 0;
    store.results.subscribe(() => heard++);
    store.results.get();
    // A slice every 100 ms never leaves the quiet gap, but the wait is capped.
    const step = 100;
    const slices = updates.slice(0, -1); // the last one, with the import record, never comes
    expect(step).toBeLessThan(TEAMMATE_IMPORT_QUIET_MS);
    expect(slices.length * step).toBeGreaterThan(TEAMMATE_IMPORT_MAX_WAIT_MS);
    for (const u of slices) {
      Y.applyUpdate(doc, u, 'teammate');
      vi.advanceTimersByTime(step);
    }
    const whileComing = heard;
    expect(whileComing).toBeGreaterThanOrEqual(1);
    expect(whileComing).toBeLessThan(slices.length / 2);
    // Then they stop (the teammate went offline midway): what came is drawn.
    vi.advanceTimersByTime(TEAMMATE_IMPORT_QUIET_MS);
    expect(heard).toBe(whileComing + 1);
    expect(store.results.get().orderCount).toBe(plan.entries.size - 1);
  });
});

// The board's Review cards wait for the results (`warm`) instead of computing them at once.
describe('the store’s results for a reader that can wait', () => {
  // The worked example with 6,000 orders: its own, over and over under new order names.
  async function manyOrdersDoc() {
    const scenario = scenarioDoc();
    const many = Array.from({ length: 6000 }, (_, i) => ({
      ...SCENARIO_ORDERS[i % SCENARIO_ORDERS.length]!,
      name: `#${10_000 + i}`,
    }));
    await importOrders(scenario.doc, shopifyCsv(many));
    return scenario;
  }

  it('are computed a slice at a time, the same as at once', async () => {
    const { doc, a } = await manyOrdersDoc();
    const expected = new WorkspaceStore(doc).results.get();
    const store = new WorkspaceStore(doc);
    let pauses = 0;
    expect(store.results.isComputed()).toBe(false);
    await store.results.warm(async () => {
      pauses++;
      // The window's turn between slices: nothing is shown half computed.
      expect(store.results.isComputed()).toBe(false);
    });
    expect(pauses).toBeGreaterThan(1);
    expect(store.results.isComputed()).toBe(true);
    const warmed = store.results.get();
    expect(warmed.orderCount).toBe(expected.orderCount);
    expect(warmed.orderCount).toBeGreaterThan(5000);
    expect(warmed.results.get(a)).toEqual(expected.results.get(a));
    expect([...warmed.results.keys()].sort()).toEqual([...expected.results.keys()].sort());
  });

  // Changed while the orders are read (the first pause) or while they are attributed (the last).
  it.each(['first', 'last'] as const)(
    'leave the computing to the next read when the document changes at the %s pause',
    async (when) => {
      const { doc, b } = await manyOrdersDoc();
      const before = new WorkspaceStore(doc).results.get().results.get(b)!;
      let pauses = 0;
      await new WorkspaceStore(doc).results.warm(async () => void pauses++);
      const at = when === 'first' ? 1 : pauses;
      const store = new WorkspaceStore(doc);
      let n = 0;
      await store.results.warm(async () => {
        if (++n === at) recordAmount(doc, b, 'shootCost', 500, 'Mara');
      });
      expect(n).toBeGreaterThanOrEqual(at);
      expect(store.results.isComputed()).toBe(false);
      // The next read computes from the document as it is now: the shoot's cost is in.
      const now = store.results.get().results.get(b)!;
      expect(now).toEqual(new WorkspaceStore(doc).results.get().results.get(b));
      expect(now.return).not.toEqual(before.return);
    },
  );
});
