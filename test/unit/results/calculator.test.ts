import { describe, expect, it } from 'vitest';
import { updateBrief } from '../../../shared/brief';
import { moveDrop, readMeta, readStages, updateDrop } from '../../../shared/model';
import {
  ATTRIBUTION_SLICE,
  computeResults,
  readInterest,
  readOrders,
  readResultInputs,
  readResultSettings,
  recordShoot,
  ResultsCalculator,
  setDropSkus,
  updateResultSettings,
} from '../../../shared/results';
import { importEvents, importOrders, SCENARIO_CSV, scenarioDoc } from './scenario';

// The calculator behind the Results view, drop panel and Review cards reuses what a change did
// not touch: after every kind of change it must give exactly what computing from scratch gives,
// and keep the very same object for a drop whose numbers did not move.
describe('the results calculator', () => {
  it('matches a full computation after each change, and keeps unchanged drops', async () => {
    const { doc, a, b } = scenarioDoc();
    const calc = new ResultsCalculator();
    let orders = readOrders(doc);
    let events = readInterest(doc);
    const both = () => {
      const settings = readResultSettings(doc);
      const inputs = readResultInputs(doc, settings);
      const tz = readMeta(doc).timezone;
      const fast = calc.compute(inputs, orders, events, settings, tz);
      expect(fast).toEqual(computeResults(inputs, orders, events, settings, tz));
      return fast;
    };
    const first = both();
    await importOrders(doc, SCENARIO_CSV);
    orders = readOrders(doc);
    const imported = both();
    expect(imported.get(a)!.conversions.orders).toBeGreaterThan(0);
    expect(imported.get(a)).not.toBe(first.get(a));
    await importEvents(doc);
    events = readInterest(doc);
    both();

    // A change to one drop's own facts: only that drop gets new results.
    const before = both();
    recordShoot(doc, b, Date.parse('2026-03-25T09:00:00Z'), 'Mara');
    const shot = both();
    expect(shot.get(a)).toBe(before.get(a));
    expect(shot.get(b)).not.toBe(before.get(b));

    // Title and stage: shown in the results, no new attribution.
    updateDrop(doc, a, { title: 'Harbour Linen II' });
    expect(both().get(a)!.title).toBe('Harbour Linen II');
    const stages = readStages(doc);
    moveDrop(doc, b, stages[1]!.id, 0);
    both();

    // What attribution reads: a code, SKUs, the launch, the window, the settings.
    updateBrief(doc, a, { discountCode: 'LEO15' });
    both();
    updateBrief(doc, a, { discountCode: 'ANA10', attributionWindowDays: 3 });
    both();
    setDropSkus(doc, b, ['HL-SHIRT'], 'Ops');
    both();
    updateDrop(doc, b, { dropDate: '2026-03-28', launchTime: '10:00' });
    both();
    updateResultSettings(doc, { multiTouch: 'split', unpaid: 'include-pending' });
    both();
    updateResultSettings(doc, { crossDrop: 'whole-order' });
    both();

    // Nothing changed: every drop keeps its object.
    const again = both();
    const same = both();
    expect(same.get(a)).toBe(again.get(a));
    expect(same.get(b)).toBe(again.get(b));
  });

  it('in slices, pauses every 5,000 orders and gives what computing at once gives', async () => {
    const { doc, a } = scenarioDoc();
    await importOrders(doc, SCENARIO_CSV);
    const settings = readResultSettings(doc);
    const inputs = readResultInputs(doc, settings);
    const tz = readMeta(doc).timezone;
    const base = readOrders(doc);
    // 12,000 orders: the worked example's, many times over under new ids.
    const orders = Array.from({ length: 12_000 }, (_, i) => ({
      ...base[i % base.length]!,
      id: `#S${i}`,
    }));
    let pauses = 0;
    const sliced = await new ResultsCalculator().computeInSlices(
      inputs,
      orders,
      [],
      settings,
      tz,
      async () => void pauses++,
    );
    expect(pauses).toBe(Math.floor(orders.length / ATTRIBUTION_SLICE));
    expect(sliced).toEqual(computeResults(inputs, orders, [], settings, tz));
    expect(sliced.get(a)!.conversions.orders).toBeGreaterThan(1000);
  });
});
