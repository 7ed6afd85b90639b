import * as Y from 'yjs';
import { updateBrief } from '../../../shared/brief';
import {
  createCreator,
  createDrop,
  initWorkspace,
  readStages,
  type DropId,
} from '../../../shared/model';
import {
  addRetargetingSpend,
  applyInterestImport,
  applyOrderPlan,
  planOrderImport,
  ensureCustomerSalt,
  hashEvents,
  hashOrders,
  readEventsCsv,
  readOrdersCsv,
  readResultSettings,
  recordAmount,
  recordPublished,
  recordShoot,
  recordShotDelivered,
  setDropPosLocation,
  setDropSkus,
  updateResultSettings,
} from '../../../shared/results';
import {
  SCENARIO_EVENTS_CSV,
  SCENARIO_ORDERS,
  shopifyCsv,
} from '../../fixtures/results/shopifyExport';

export const TZ = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);

/** The worked example's workspace: two drops, two creators, the actuals recorded. */
export function scenarioDoc(): { doc: Y.Doc; a: DropId; b: DropId } {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Saltmarsh Studio', timezone: TZ, now: 0 });
  const stageId = readStages(doc)[0]!.id;
  const ana = createCreator(doc, {
    name: 'Ana Ruiz',
    discountCode: 'ANA10',
    trackingLink: 'https://saltmarsh.shop/?ref=ana',
    revenueSharePct: 10,
  });
  const leo = createCreator(doc, { name: 'Leo Brandt', discountCode: 'LEO15', revenueSharePct: 5 });
  const a = createDrop(doc, {
    stageId,
    title: 'Harbor Linen',
    creatorId: ana,
    dropDate: '2026-03-27',
    launchTime: '18:00',
    inventory: 20,
    reservePct: 30,
    adBudget: 200,
  });
  const b = createDrop(doc, {
    stageId,
    title: 'Salt Knit',
    creatorId: leo,
    dropDate: '2026-04-03',
    inventory: 10,
    reservePct: 30,
  });
  updateBrief(doc, a, { fee: 300 });
  updateBrief(doc, b, { fee: 100 });
  updateResultSettings(doc, { localPostcodes: ['10115', '102*'] });
  setDropSkus(doc, a, ['HL-SHIRT', 'HL-TROUSER'], 'Ops');
  setDropSkus(doc, b, ['sk-knit'], 'Ops');
  setDropPosLocation(doc, a, 'Harbor Stall', 'Ops');
  recordShoot(doc, a, at('2026-03-18T09:00:00Z'), 'Mara');
  recordShotDelivered(doc, a, 'hero', at('2026-03-19T09:00:00Z'), 'Mara');
  recordShotDelivered(doc, a, 'lifestyle', at('2026-03-20T21:00:00Z'), 'Jon');
  recordShotDelivered(doc, a, 'detail', at('2026-03-21T09:00:00Z'), 'Jon');
  recordPublished(doc, a, at('2026-03-25T09:00:00Z'), ['instagram', 'tiktok'], 'Sol');
  addRetargetingSpend(doc, a, 100, at('2026-03-28T10:00:00Z'), 'Sol');
  addRetargetingSpend(doc, a, 50, at('2026-03-31T12:00:00Z'), 'Sol');
  recordAmount(doc, a, 'shootCost', 200, 'Mara');
  return { doc, a, b };
}

export const SCENARIO_CSV = shopifyCsv(SCENARIO_ORDERS);

/**
 * Imports an orders CSV into a document the way the app does: read, hash, compare in slices
 * (here of 4 orders, so the slicing is exercised), then apply in one step.
 */
export async function importOrders(doc: Y.Doc, csv: string, file = 'orders_export.csv') {
  const settings = readResultSettings(doc);
  const read = readOrdersCsv(csv, { timeZone: TZ, localPostcodes: settings.localPostcodes });
  if (read.errors.length || read.missing.length) throw new Error(JSON.stringify(read.errors));
  const facts = await hashOrders(read.records, ensureCustomerSalt(doc));
  const plan = await planOrderImport(doc, facts, { slice: 4, pause: () => Promise.resolve() });
  return applyOrderPlan(doc, plan, {
    file,
    by: 'Mara',
    rows: read.rows,
    testSkipped: read.testSkipped,
  });
}

export async function importEvents(doc: Y.Doc, csv = SCENARIO_EVENTS_CSV) {
  const read = readEventsCsv(csv, { timeZone: TZ, defaultKind: 'click' });
  if (read.errors.length || read.missing.length) throw new Error(JSON.stringify(read.errors));
  const events = await hashEvents(read.records, ensureCustomerSalt(doc));
  return applyInterestImport(doc, events, {
    file: 'events.csv',
    by: 'Mara',
    rows: read.rows,
    testSkipped: 0,
  });
}
