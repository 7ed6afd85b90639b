import { describe, expect, it } from 'vitest';
import { updateDrop } from '../../../shared/model';
import { recordShoot } from '../../../shared/results';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import { importOrders, SCENARIO_CSV, scenarioDoc } from './scenario';

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
});
