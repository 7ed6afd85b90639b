import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { asOwnUndoStepAcross, createUndoManager } from '../../../shared/model';
import {
  applyInterestImport,
  applyInterestImportInSlices,
  applyOrderImport,
  applyOrderPlan,
  applyOrderPlanInSlices,
  hashEvents,
  ImportCancelledError,
  readEventsCsv,
  readInterest,
  ensureCustomerSalt,
  guessOrderMapping,
  hashOrders,
  planOrderImport,
  readOrdersCsv,
  isShopifyOrderExport,
  readImports,
  readOrders,
  readResults,
  readResultSettings,
  resultsRoot,
  sameMapping,
  savedMapping,
  updateResultSettings,
  type Mapping,
  type OrderField,
} from '../../../shared/results';
import { validateUpdate } from '../../../shared/sync/validateUpdate';
import {
  SCENARIO_EVENTS_CSV,
  SCENARIO_ORDERS,
  shopifyCsv,
} from '../../fixtures/results/shopifyExport';
import { ETSY_SOLD_ORDER_ITEMS_CSV } from '../../fixtures/results/spreadsheetExports';
import { importOrders, SCENARIO_CSV, scenarioDoc } from './scenario';

const META = { file: 'orders_export.csv', by: 'Mara', rows: 0, testSkipped: 0 };
async function scenarioFacts(doc: Y.Doc, csv = SCENARIO_CSV) {
  const read = readOrdersCsv(csv, { timeZone: 'Europe/Berlin', localPostcodes: [] });
  return hashOrders(read.records, ensureCustomerSalt(doc));
}

const totals = (doc: Y.Doc) =>
  [...readResults(doc).values()].map((r) => [r.title, r.conversions.orders, r.conversions.revenue]);

describe('re-importing', () => {
  it('the same file adds nothing but a small import record', async () => {
    const { doc } = scenarioDoc();
    const first = await importOrders(doc, SCENARIO_CSV);
    expect(first).toMatchObject({ added: 15, changed: 0, unchanged: 0, testSkipped: 1 });
    const before = Y.encodeStateAsUpdate(doc).byteLength;
    const totalsBefore = totals(doc);
    const again = await importOrders(doc, SCENARIO_CSV);
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 15 });
    const growth = Y.encodeStateAsUpdate(doc).byteLength - before;
    expect(growth).toBeGreaterThan(0); // the import record
    expect(growth).toBeLessThan(300);
    expect(totals(doc)).toEqual(totalsBefore);
    expect(readImports(doc)).toHaveLength(2);
  });

  it('an overlapping export adds only the new orders; a later refund updates, an older export never undoes it', async () => {
    const { doc } = scenarioDoc();
    await importOrders(doc, shopifyCsv(SCENARIO_ORDERS.slice(0, 8)));
    const refundedLater = SCENARIO_ORDERS.map((o) =>
      o.name === '#1001' ? { ...o, status: 'partially_refunded', refunded: 30 } : o,
    );
    const second = await importOrders(doc, shopifyCsv(refundedLater.slice(4)));
    expect(second).toMatchObject({ added: 8, changed: 0 });
    const third = await importOrders(doc, shopifyCsv(refundedLater.slice(0, 2)));
    expect(third).toMatchObject({ added: 0, changed: 1, unchanged: 1 });
    const stale = await importOrders(doc, shopifyCsv(SCENARIO_ORDERS.slice(0, 2)));
    expect(stale).toMatchObject({ added: 0, changed: 0, unchanged: 2 });
    expect(readOrders(doc).find((o) => o.id === '#1001')!.refunded).toBe(30);
  });

  it('two teammates importing overlapping exports offline converge to the same totals', async () => {
    const base = scenarioDoc();
    const one = new Y.Doc();
    const two = new Y.Doc();
    Y.applyUpdate(one, Y.encodeStateAsUpdate(base.doc));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(base.doc));
    // The salt exists before they split (it is made with the first import or setting).
    await importOrders(one, shopifyCsv(SCENARIO_ORDERS.slice(0, 10)));
    await importOrders(two, shopifyCsv(SCENARIO_ORDERS.slice(5)));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const reference = scenarioDoc().doc;
    await importOrders(reference, SCENARIO_CSV);
    expect(totals(one)).toEqual(totals(two));
    expect(totals(one)).toEqual(totals(reference));
    expect(readOrders(one)).toHaveLength(15);
  });

  it('keeps no email, name, address or phone in the document', async () => {
    const { doc } = scenarioDoc();
    await importOrders(doc, SCENARIO_CSV);
    const json = JSON.stringify(resultsRoot.orders(doc).toJSON());
    expect(json).toContain('#1001');
    for (const personal of [
      'example.com',
      'Fan1',
      'Jo Example',
      'Harbour Road',
      '+49',
      '10115',
      'Paid cash',
    ]) {
      expect(json).not.toContain(personal);
    }
    const bytes = new TextDecoder().decode(Y.encodeStateAsUpdate(doc));
    expect(bytes).not.toContain('example.com');
  });

  it('an import is one undoable step', async () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc);
    undo.stopCapturing();
    await importOrders(doc, SCENARIO_CSV);
    expect(readOrders(doc)).toHaveLength(15);
    undo.undo();
    expect(readOrders(doc)).toHaveLength(0);
    expect(readImports(doc)).toHaveLength(0);
  });

  it("keeps who imported, with this computer's id for them, on the import record", () => {
    const { doc } = scenarioDoc();
    applyOrderImport(doc, [], { ...META, by: '', byId: 'p_ines' }, 555);
    applyOrderImport(doc, [], { ...META, by: 'Theo' }, 444);
    expect(readImports(doc).map(({ by, byId, at }) => ({ by, byId, at }))).toEqual([
      { by: '', byId: 'p_ines', at: 555 },
      { by: 'Theo', byId: undefined, at: 444 },
    ]);
  });

  it("records and lists the file's name as one plain line (U+202E, line breaks)", () => {
    const { doc } = scenarioDoc();
    applyOrderImport(doc, [], { ...META, file: 'Orders\u202Evsc.exe\nMarch.csv' }, 555);
    expect([...resultsRoot.imports(doc).values()].map((r) => (r as { file: string }).file)).toEqual(
      ['Orders vsc.exe March.csv'],
    );
    // One recorded by an older Cadence or a teammate's, as it was: listed cleaned.
    const raw = readImports(doc)[0]!;
    resultsRoot
      .imports(doc)
      .set('i_older', { ...raw, id: undefined, file: 'Old\u202Ecsv\r\n.txt', at: 1 });
    expect(readImports(doc).map((r) => r.file)).toEqual([
      'Orders vsc.exe March.csv',
      'Old csv .txt',
    ]);
  });

  it('refuses a malformed fact without writing anything', () => {
    const { doc } = scenarioDoc();
    const bad = { id: '#1', t: Number.NaN } as never;
    expect(() =>
      applyOrderImport(doc, [bad], { file: 'x', by: 'y', rows: 1, testSkipped: 0 }),
    ).toThrow();
    expect(readOrders(doc)).toHaveLength(0);
  });

  it("a peer's results updates pass the update check", async () => {
    const { doc } = scenarioDoc();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(doc);
    await importOrders(doc, SCENARIO_CSV);
    const update = Y.encodeStateAsUpdate(doc, sv);
    expect(validateUpdate(peer, update)).toEqual({ ok: true });
  });
});

describe('column mappings', () => {
  const headers = ['Order Number', 'Date', 'Paid at', 'Voucher', 'SKU', 'Qty'];

  it('a corrected mapping is remembered with the import, in the same undo step', () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc);
    undo.stopCapturing();
    const guessed = guessOrderMapping(headers);
    // The guess reads the order time from "Paid at" and misses the "Voucher" column.
    expect(guessed).toMatchObject({
      orderId: 'Order Number',
      createdAt: 'Paid at',
      quantity: 'Qty',
    });
    expect(guessed.discountCode).toBeUndefined();
    const corrected = { ...guessed, createdAt: 'Date', discountCode: 'Voucher', tags: 'Missing' };
    expect(savedMapping(doc, 'orders', headers)).toBeNull();
    applyOrderImport(doc, [], {
      file: 'woo.csv',
      by: 'Ana',
      rows: 1,
      testSkipped: 0,
      columns: { headers, mapping: corrected },
    });
    // A column the file lacks is not kept; a header row that differs in case and spacing is the same layout.
    const { tags: _tags, ...kept } = corrected;
    void _tags;
    expect(savedMapping(doc, 'orders', headers)).toEqual(kept);
    // Read with that file's own column names, or a column differing only in case would be lost.
    const shouting = headers.map((h) => ` ${h.toUpperCase().replace(' ', '  ')}`);
    const shout = (column: string) => shouting[headers.indexOf(column)]!;
    expect(savedMapping(doc, 'orders', shouting)).toEqual(
      Object.fromEntries(Object.entries(kept).map(([field, column]) => [field, shout(column)])),
    );
    expect(savedMapping(doc, 'events', headers)).toBeNull();
    expect(savedMapping(doc, 'orders', [...headers, 'Extra'])).toBeNull();
    undo.undo();
    expect(readImports(doc)).toHaveLength(0);
    expect(savedMapping(doc, 'orders', headers)).toBeNull();
  });

  it("reads an Etsy item export's saved Discount Amount as the item's, as the guess now does", () => {
    const { doc } = scenarioDoc();
    const etsy = ETSY_SOLD_ORDER_ITEMS_CSV.split('\n')[0]!.split(',');
    // Saved by an earlier version, whose guess read it as the order's discount.
    const { lineDiscount: _line, ...old } = guessOrderMapping(etsy);
    void _line;
    applyOrderImport(doc, [], {
      file: 'EtsySoldOrderItems2026.csv',
      by: 'Ana',
      rows: 2,
      testSkipped: 0,
      columns: { headers: etsy, mapping: { ...old, orderDiscount: 'Discount Amount' } },
    });
    expect(savedMapping(doc, 'orders', etsy)).toMatchObject({ lineDiscount: 'Discount Amount' });
    expect(savedMapping(doc, 'orders', etsy)).not.toHaveProperty('orderDiscount');
    // A person who moved it elsewhere keeps their choice.
    applyOrderImport(doc, [], {
      file: 'EtsySoldOrderItems2026.csv',
      by: 'Ana',
      rows: 2,
      testSkipped: 0,
      columns: { headers: etsy, mapping: { ...old, lineDiscount: 'Coupon Details' } },
    });
    expect(savedMapping(doc, 'orders', etsy)).toMatchObject({ lineDiscount: 'Coupon Details' });
  });

  it("reads a Square item export's saved Net Sales as each line's total, as the guess now does", () => {
    const { doc } = scenarioDoc();
    const square =
      'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Event Type,Location,Channel'.split(
        ',',
      );
    // Saved by an earlier version, whose guess read Net Sales as the order's subtotal.
    const old = { createdAt: 'Date', orderId: 'Transaction ID', quantity: 'Qty', sku: 'SKU' };
    const save = (mapping: Record<string, string>) =>
      applyOrderImport(doc, [], {
        file: 'items-2026-03-10-2026-03-11.csv',
        by: 'Ana',
        rows: 5,
        testSkipped: 0,
        columns: { headers: square, mapping },
      });
    save({ ...old, subtotal: 'Net Sales' });
    expect(savedMapping(doc, 'orders', square)).toMatchObject({ lineTotal: 'Net Sales' });
    expect(savedMapping(doc, 'orders', square)).not.toHaveProperty('subtotal');
    // A person who chose a line total of their own keeps their choice.
    save({ ...old, subtotal: 'Net Sales', lineTotal: 'Gross Sales' });
    expect(savedMapping(doc, 'orders', square)).toMatchObject({
      subtotal: 'Net Sales',
      lineTotal: 'Gross Sales',
    });
  });

  it('fills in the fields a mapping saved before they existed lacks, as the guess now reads them', () => {
    const { doc } = scenarioDoc();
    const square =
      'Date,Time,Time Zone,Category,Item,Qty,SKU,Gross Sales,Discounts,Net Sales,Transaction ID,Event Type,Location,Customer ID,Channel'.split(
        ',',
      );
    const csv = [
      square.join(','),
      '2026-03-10,13:45:12,Pacific Time (US & Canada),Shirts,Linen Shirt,1.0,LS-M,$60.00,$0.00,$60.00,T1aQ4,Payment,Harbor Stall,GTY7JAA901CPDHWN4M3900J27W,Harbor Stall',
      '',
    ].join('\n');
    // Saved as an earlier version saved it: no Time of day, Time zone or Customer id field at
    // all. Its Customer ID was chosen as the customer's email, before there was another field.
    applyOrderImport(doc, [], {
      file: 'items-2026-03-10-2026-03-10.csv',
      by: 'Ana',
      rows: 1,
      testSkipped: 0,
      columns: { headers: square, mapping: {} },
    });
    const settings = resultsRoot.settings(doc);
    const key = [...settings.keys()].find((k) => k.startsWith('mapping:orders:'))!;
    settings.set(key, {
      orderId: 'Transaction ID',
      createdAt: 'Date',
      quantity: 'Qty',
      sku: 'SKU',
      lineName: 'Item',
      lineTotal: 'Net Sales',
      location: 'Location',
      source: 'Channel',
      email: 'Customer ID',
    });
    const saved = savedMapping<OrderField>(doc, 'orders', square)!;
    expect(saved).toMatchObject({ createdTime: 'Time', timeZone: 'Time Zone' });
    // The column the person chose for another field is not read twice.
    expect(saved).toMatchObject({ email: 'Customer ID' });
    expect(saved).not.toHaveProperty('customerId');
    const read = (mapping: Mapping<OrderField>) =>
      readOrdersCsv(csv, { timeZone: 'Europe/Berlin', localPostcodes: [], mapping }).records[0]!.t;
    // Read with the saved columns alone, the sale was at midnight in Berlin (2026-03-09T23:00Z).
    expect(read(saved)).toBe(Date.parse('2026-03-10T20:45:12Z'));

    // A field the person left unmapped with this version stays unmapped.
    const { timeZone: _zone, ...chosen } = saved;
    void _zone;
    applyOrderImport(doc, [], {
      file: 'items-2026-03-10-2026-03-10.csv',
      by: 'Ana',
      rows: 1,
      testSkipped: 0,
      columns: { headers: square, mapping: chosen },
    });
    expect(savedMapping(doc, 'orders', square)).not.toHaveProperty('timeZone');
    expect(savedMapping(doc, 'orders', square)).toMatchObject({ createdTime: 'Time' });
    expect(read(savedMapping<OrderField>(doc, 'orders', square)!)).toBe(
      Date.parse('2026-03-10T12:45:12Z'),
    );
  });

  it('recognises a Shopify export, and compares mappings whatever their key order', () => {
    expect(
      isShopifyOrderExport([
        'Name',
        'Email',
        'Financial Status',
        'Created at',
        'Lineitem quantity',
      ]),
    ).toBe(true);
    expect(isShopifyOrderExport(headers)).toBe(false);
    expect(sameMapping({ a: 'x', b: 'y' }, { b: 'y', a: 'x' })).toBe(true);
    expect(sameMapping({ a: 'x' }, { a: 'x', b: 'y' })).toBe(false);
    expect(sameMapping(null, { a: 'x' })).toBe(false);
  });
});

describe('applying a large import without holding the window', () => {
  it('compares in slices with a pause between them, writing nothing until applied', async () => {
    const { doc } = scenarioDoc();
    const facts = await scenarioFacts(doc);
    const before = Y.encodeStateAsUpdate(doc);
    const progress: number[] = [];
    let pauses = 0;
    const plan = await planOrderImport(doc, facts, {
      slice: 4,
      pause: async () => void pauses++,
      onProgress: (f) => progress.push(f),
    });
    expect(pauses).toBe(Math.ceil(facts.length / 4) - 1);
    expect(progress.at(-1)).toBe(1);
    expect(plan.diff).toEqual({ added: facts.length, changed: 0, unchanged: 0 });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    applyOrderPlan(doc, plan, META);
    expect(readOrders(doc)).toHaveLength(facts.length);
  });

  it('cancelled while comparing, it leaves the document as it was', async () => {
    const { doc } = scenarioDoc();
    const facts = await scenarioFacts(doc);
    const before = Y.encodeStateAsUpdate(doc);
    const controller = new AbortController();
    let pauses = 0;
    const planning = planOrderImport(doc, facts, {
      slice: 4,
      signal: controller.signal,
      pause: async () => {
        if (++pauses === 2) controller.abort();
      },
    });
    await expect(planning).rejects.toThrow();
    expect(pauses).toBe(2);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readOrders(doc)).toHaveLength(0);
    expect(readImports(doc)).toHaveLength(0);
  });

  it('one undo removes the whole import and its record, one redo brings it all back', async () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc, 60_000);
    const facts = await scenarioFacts(doc);
    const plan = await planOrderImport(doc, facts, { slice: 3, pause: () => Promise.resolve() });
    undo.stopCapturing();
    applyOrderPlan(doc, plan, META);
    expect(readOrders(doc)).toHaveLength(facts.length);
    expect(readImports(doc)).toHaveLength(1);
    undo.undo();
    expect(readOrders(doc)).toHaveLength(0);
    expect(readImports(doc)).toHaveLength(0);
    undo.redo();
    expect(readOrders(doc)).toHaveLength(facts.length);
  });

  it('applied in slices, a teammate receives every order with the import record in the last slice, and ends with the same totals', async () => {
    const { doc } = scenarioDoc();
    const facts = await scenarioFacts(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const seen: { orders: number; records: number }[] = [];
    doc.on('update', (u: Uint8Array) => {
      Y.applyUpdate(peer, u);
      seen.push({ orders: resultsRoot.orders(peer).size, records: readImports(peer).length });
    });
    const plan = await planOrderImport(doc, facts, { slice: 2, pause: () => Promise.resolve() });
    expect(seen).toEqual([]); // comparing sends nothing
    const progress: number[] = [];
    let pauses = 0;
    const rec = await applyOrderPlanInSlices(doc, plan, META, {
      slice: 4,
      pause: async () => void pauses++,
      onProgress: (f) => progress.push(f),
    });
    const slices = Math.ceil(facts.length / 4);
    expect(rec).toMatchObject({ added: facts.length, changed: 0, unchanged: 0 });
    expect(pauses).toBe(slices - 1);
    expect(progress).toHaveLength(slices);
    expect(progress.at(-1)).toBe(1);
    // One change per slice; the import is listed only once all of it is in.
    expect(seen.map((s) => s.orders)).toEqual(
      Array.from({ length: slices }, (_, i) => Math.min(facts.length, (i + 1) * 4)),
    );
    expect(seen.map((s) => s.records)).toEqual([...Array(slices - 1).fill(0), 1]);
    expect(totals(peer)).toEqual(totals(doc));
  });

  it('events applied in slices: every event, the record with the last slice, the same as at once, one undo step', async () => {
    const { doc } = scenarioDoc();
    const read = readEventsCsv(SCENARIO_EVENTS_CSV, {
      timeZone: 'Europe/Berlin',
      defaultKind: 'click',
    });
    const events = await hashEvents(read.records, ensureCustomerSalt(doc));
    const atOnce = scenarioDoc().doc;
    Y.applyUpdate(atOnce, Y.encodeStateAsUpdate(doc));
    const expected = applyInterestImport(atOnce, events, META, 1);
    const undo = createUndoManager(doc, 2);
    const records: number[] = [];
    doc.on('update', () => records.push(readImports(doc).length));
    const rec = await asOwnUndoStepAcross(undo, () =>
      applyInterestImportInSlices(
        doc,
        events,
        META,
        { slice: 2, pause: () => Promise.resolve() },
        1,
      ),
    );
    expect(records.length).toBe(Math.ceil(events.length / 2));
    expect(records.slice(0, -1).every((n) => n === 0)).toBe(true);
    expect(rec).toMatchObject({
      added: expected.added,
      unchanged: expected.unchanged,
      records: events.length,
    });
    expect(readInterest(doc)).toEqual(readInterest(atOnce));
    undo.undo();
    expect(readInterest(doc)).toHaveLength(0);
    expect(readImports(doc)).toHaveLength(0);
  });

  it('re-applied in slices, the same file writes only its import record', async () => {
    const { doc } = scenarioDoc();
    const facts = await scenarioFacts(doc);
    applyOrderImport(doc, facts, META);
    const before = Y.encodeStateAsUpdate(doc).byteLength;
    const plan = await planOrderImport(doc, facts);
    const rec = await applyOrderPlanInSlices(doc, plan, META, { slice: 3 });
    expect(rec).toMatchObject({ added: 0, changed: 0, unchanged: facts.length });
    expect(Y.encodeStateAsUpdate(doc).byteLength - before).toBeLessThan(300);
  });
  it('an order a teammate changed after the comparison is compared again when applying', async () => {
    const { doc } = scenarioDoc();
    applyOrderImport(doc, await scenarioFacts(doc), META);
    const withStatus = (status: string, refunded: number) =>
      shopifyCsv(SCENARIO_ORDERS.map((o) => (o.name === '#1001' ? { ...o, status, refunded } : o)));
    // This person's export has a partial refund on #1001: compared now, it would change it...
    const plan = await planOrderImport(
      doc,
      await scenarioFacts(doc, withStatus('partially_refunded', 30)),
      {
        slice: 5,
        pause: () => Promise.resolve(),
      },
    );
    expect(plan.diff).toMatchObject({ added: 0, changed: 1 });
    // ...but before Apply a teammate's newer export arrives, where it was refunded in full.
    const teammate = new Y.Doc();
    Y.applyUpdate(teammate, Y.encodeStateAsUpdate(doc));
    applyOrderImport(teammate, await scenarioFacts(teammate, withStatus('refunded', 200)), META);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(teammate));
    const rec = applyOrderPlan(doc, plan, META);
    // The older partial refund does not overwrite the full one.
    expect(rec).toMatchObject({ added: 0, changed: 0 });
    expect(readOrders(doc).find((o) => o.id === '#1001')).toMatchObject({
      status: 'refunded',
      refunded: 200,
    });
  });
});

describe('an import applied in slices is one undo step', () => {
  // The undo merges edits closer than 2 ms, and each pause outlasts that: as a slow slice on a
  // busy machine outlasts the app's 400 ms.
  const CAPTURE_MS = 2;
  const outlastCapture = async () => {
    const from = Date.now();
    while (Date.now() - from <= CAPTURE_MS) await new Promise((r) => setTimeout(r, 1));
  };
  async function applySlowly(doc: Y.Doc, undo: Y.UndoManager | undefined, across: boolean) {
    const facts = await scenarioFacts(doc);
    const plan = await planOrderImport(doc, facts);
    const write = () =>
      applyOrderPlanInSlices(doc, plan, META, {
        slice: 4,
        pause: outlastCapture,
      });
    if (across) await asOwnUndoStepAcross(undo, write);
    else await write();
    return facts.length;
  }

  it('one undo removes every slice and the record, one redo brings them back, and the next edit is a step of its own', async () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc, CAPTURE_MS);
    const n = await applySlowly(doc, undo, true);
    expect(readOrders(doc)).toHaveLength(n);
    expect(undo.captureTimeout).toBe(CAPTURE_MS); // restored
    // An edit right after is not part of the import.
    updateResultSettings(doc, { unpaid: 'include-pending' });
    undo.undo();
    expect(readOrders(doc)).toHaveLength(n);
    undo.undo();
    expect(readOrders(doc)).toHaveLength(0);
    expect(readImports(doc)).toHaveLength(0);
    undo.redo();
    expect(readOrders(doc)).toHaveLength(n);
    expect(readImports(doc)).toHaveLength(1);
  });

  it('without it, undo would take back only the last slice (the control)', async () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc, CAPTURE_MS);
    undo.stopCapturing();
    const n = await applySlowly(doc, undo, false);
    undo.undo();
    const left = readOrders(doc).length;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(n);
  });
});

describe('an import cancelled or failing while it is written', () => {
  // The person's earlier edit, the import cancelled after its second slice, and a teammate who
  // receives every change as it is made.
  async function cancelAfter(slicesWritten: number, opts: { takeBack: boolean }) {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc, 60_000);
    updateResultSettings(doc, { unpaid: 'include-pending' });
    undo.stopCapturing();
    const teammate = new Y.Doc();
    Y.applyUpdate(teammate, Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(teammate, u));
    const facts = await scenarioFacts(doc);
    const plan = await planOrderImport(doc, facts);
    const controller = new AbortController();
    let written = 0;
    const outcome = await asOwnUndoStepAcross(
      undo,
      () =>
        applyOrderPlanInSlices(doc, plan, META, {
          slice: 3,
          signal: controller.signal,
          pause: async () => {
            if (++written === slicesWritten) controller.abort();
          },
        }),
      { takeBackOnFailure: opts.takeBack },
    ).catch((e: unknown) => e);
    return { doc, undo, teammate, outcome, facts };
  }

  it('stops between slices, takes back what was written, keeps nothing out of redo, and a teammate agrees', async () => {
    const { doc, undo, teammate, outcome, facts } = await cancelAfter(2, { takeBack: true });
    expect(facts.length).toBeGreaterThan(6); // more than the two slices written
    expect(outcome).toBeInstanceOf(ImportCancelledError);
    expect(readOrders(doc)).toHaveLength(0);
    expect(readImports(doc)).toHaveLength(0);
    expect(readOrders(teammate)).toHaveLength(0);
    expect(totals(teammate)).toEqual(totals(doc));
    // Nothing to redo, and the edit before the import is still the step undo takes back.
    expect(undo.redoStack).toHaveLength(0);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readResultSettings(doc).unpaid).not.toBe('include-pending');
  });

  it('without taking back, the slices written before the cancel stay (the control)', async () => {
    const { doc, outcome } = await cancelAfter(2, { takeBack: false });
    expect(outcome).toBeInstanceOf(ImportCancelledError);
    expect(readOrders(doc)).toHaveLength(6);
    expect(readImports(doc)).toHaveLength(0);
  });

  it('a write that fails halfway is taken back too', async () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc, 60_000);
    const plan = await planOrderImport(doc, await scenarioFacts(doc));
    let slices = 0;
    const failing = asOwnUndoStepAcross(
      undo,
      () =>
        applyOrderPlanInSlices(doc, plan, META, {
          slice: 3,
          pause: async () => {
            if (++slices === 2) throw new Error('The disk is full.');
          },
        }),
      { takeBackOnFailure: true },
    );
    await expect(failing).rejects.toThrow('The disk is full.');
    expect(readOrders(doc)).toHaveLength(0);
    expect(undo.undoStack).toHaveLength(0);
  });

  it('cancelled before its first slice, it takes back nothing else', async () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc, 60_000);
    updateResultSettings(doc, { unpaid: 'include-pending' });
    undo.stopCapturing();
    const failing = asOwnUndoStepAcross(
      undo,
      async () => {
        throw new ImportCancelledError();
      },
      { takeBackOnFailure: true },
    );
    await expect(failing).rejects.toBeInstanceOf(ImportCancelledError);
    expect(readResultSettings(doc).unpaid).toBe('include-pending');
    expect(undo.undoStack).toHaveLength(1);
  });
});
