import { describe, expect, it } from 'vitest';
import { createUndoManager } from '../../../shared/model';
import {
  applyOrderImport,
  ensureCustomerSalt,
  guessOrderMapping,
  hashOrders,
  localeDateOrder,
  parseShopTime,
  planOrderImport,
  applyOrderPlan,
  readEventsCsv,
  readImports,
  readOrdersCsv,
  savedDateOrder,
  type DateOrder,
} from '../../../shared/results';
import { ETSY_SOLD_ORDER_ITEMS_CSV } from '../../fixtures/results/spreadsheetExports';
import { scenarioDoc, TZ } from './scenario';

// Berlin is at +01:00 until 29 March 2026, then +02:00.
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
const orders = (csv: string, dateOrder: DateOrder | null) =>
  readOrdersCsv(csv, {
    timeZone: TZ,
    localPostcodes: [],
    mapping: { orderId: 'Order', createdAt: 'Date', quantity: 'Qty' },
    dateOrder,
  });
const sheet = (...dates: string[]) =>
  ['Order,Date,Qty', ...dates.map((d, i) => `#${i + 1},${d},1`), ''].join('\n');
const times = (r: ReturnType<typeof orders>) => r.records.map((o) => [o.id, iso(o.t)]);

describe('dates with slashes', () => {
  it('reads either order when told it, with a four- or two-digit year', () => {
    expect(iso(parseShopTime('03/10/2026 14:02', TZ, 'month-first')?.t)).toBe(
      '2026-03-10T13:02:00.000Z',
    );
    expect(iso(parseShopTime('03/10/2026 14:02', TZ, 'day-first')?.t)).toBe(
      '2026-10-03T12:02:00.000Z',
    );
    expect(iso(parseShopTime('3/10/26', TZ, 'month-first')?.t)).toBe('2026-03-09T23:00:00.000Z');
    expect(iso(parseShopTime('03/10/26 14:02:09 +0100', TZ, 'day-first')?.t)).toBe(
      '2026-10-03T13:02:09.000Z',
    );
    // Year first is always followed by the month.
    expect(iso(parseShopTime('2026/03/10 14:02', TZ)?.t)).toBe('2026-03-10T13:02:00.000Z');
    // Not told: not read (it could be either).
    expect(parseShopTime('03/10/2026', TZ)).toBeNull();
    // A day that does not exist in the order given.
    expect(parseShopTime('02/30/2026', TZ, 'month-first')).toBeNull();
  });

  it('reads a 12-hour clock as US spreadsheets write it', () => {
    const at = (raw: string) => iso(parseShopTime(raw, 'UTC', 'month-first')?.t);
    expect(at('3/10/2026 2:02 PM')).toBe('2026-03-10T14:02:00.000Z');
    expect(at('3/10/2026 2:02:30 pm')).toBe('2026-03-10T14:02:30.000Z');
    expect(at('3/10/2026 12:15 AM')).toBe('2026-03-10T00:15:00.000Z');
    expect(at('3/10/2026 12:15 PM')).toBe('2026-03-10T12:15:00.000Z');
    expect(at('2026-03-10 9:05 AM')).toBe('2026-03-10T09:05:00.000Z');
    expect(at('3/10/2026 14:02 PM')).toBeUndefined();
    expect(at('3/10/2026 0:30 AM')).toBeUndefined();
  });

  it('takes the order from a value only one order reads, whatever was chosen', () => {
    // 03/25/26 can only be 25 March: the file is month first, so 03/10/26 is 10 March.
    const us = orders(sheet('03/10/26 14:02', '03/25/26 09:00'), 'day-first');
    expect(us.errors).toEqual([]);
    expect(times(us)).toEqual([
      ['#1', '2026-03-10T13:02:00.000Z'],
      ['#2', '2026-03-25T08:00:00.000Z'],
    ]);
    expect(us.dates).toEqual({
      order: 'month-first',
      shownBy: '03/25/26 09:00',
      example: '03/10/26 14:02',
    });
    // 25/03/2026 is day first: 03/04/2026 is 3 April.
    const eu = orders(sheet('03/04/2026', '25/03/2026'), 'month-first');
    expect(eu.errors).toEqual([]);
    expect(times(eu)).toEqual([
      ['#1', '2026-04-02T22:00:00.000Z'],
      ['#2', '2026-03-24T23:00:00.000Z'],
    ]);
    expect(eu.dates).toMatchObject({ order: 'day-first', shownBy: '25/03/2026' });
  });

  it('reads a file whose every date could be either in the order chosen for it', () => {
    const csv = sheet('03/10/2026 14:02', '04/11/2026 09:00');
    const us = orders(csv, 'month-first');
    expect(times(us)).toEqual([
      ['#1', '2026-03-10T13:02:00.000Z'],
      ['#2', '2026-04-11T07:00:00.000Z'],
    ]);
    expect(us.dates).toEqual({ order: 'month-first', shownBy: null, example: '03/10/2026 14:02' });
    const eu = orders(csv, 'day-first');
    expect(times(eu)).toEqual([
      ['#1', '2026-10-03T12:02:00.000Z'],
      ['#2', '2026-11-04T08:00:00.000Z'],
    ]);
    expect(eu.dates).toMatchObject({ order: 'day-first', shownBy: null });
  });

  it('never guesses: with no order chosen, dates that read either way are bad rows', () => {
    const r = orders(sheet('03/10/2026', '2026-03-11'), null);
    expect(r.errors).toEqual([
      {
        row: 2,
        message:
          '"03/10/2026" is a date with slashes and nothing says whether it is month or day first: choose which when importing, or write it as 2026-04-05.',
      },
    ]);
    expect(r.dates).toBeNull();
  });

  it('refuses a file that writes its dates both ways, at the rows that contradict it', () => {
    const r = orders(sheet('03/25/2026', '04/05/2026', '25/03/2026', '26/03/2026'), 'month-first');
    expect(r.errors).toEqual([
      {
        row: 4,
        message:
          '"25/03/2026" is day first, but "03/25/2026" (row 2) is month first: this file writes its dates both ways, so they cannot be read.',
      },
      {
        row: 5,
        message:
          '"26/03/2026" is day first, but "03/25/2026" (row 2) is month first: this file writes its dates both ways, so they cannot be read.',
      },
    ]);
  });

  it('says which date does not exist in the file’s order', () => {
    const r = orders(sheet('03/25/2026', '02/30/2026', '13/13/2026'), null);
    expect(r.errors.map((e) => [e.row, e.message])).toEqual([
      [3, '"02/30/2026" is not a date read month first, as this file\'s dates are.'],
      [4, '"13/13/2026" is not a date read month first, as this file\'s dates are.'],
    ]);
  });

  it("imports Etsy's export (03/10/26) month first when chosen, and again unchanged", async () => {
    const headers = ETSY_SOLD_ORDER_ITEMS_CSV.split('\n')[0]!.split(',');
    const mapping = { ...guessOrderMapping(headers), createdAt: 'Sale Date' };
    const read = () =>
      readOrdersCsv(ETSY_SOLD_ORDER_ITEMS_CSV, {
        timeZone: TZ,
        localPostcodes: [],
        mapping,
        dateOrder: 'month-first',
      });
    const r = read();
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => [o.id, iso(o.t)])).toEqual([
      ['3001000001', '2026-03-09T23:00:00.000Z'],
    ]);
    const { doc } = scenarioDoc();
    const meta = { file: 'EtsySoldOrderItems2026.csv', by: 'Mara', rows: 2, testSkipped: 0 };
    const importIt = async () =>
      applyOrderPlan(
        doc,
        await planOrderImport(doc, await hashOrders(read().records, ensureCustomerSalt(doc))),
        meta,
      );
    expect(await importIt()).toMatchObject({ added: 1, changed: 0, unchanged: 0 });
    expect(await importIt()).toMatchObject({ added: 0, changed: 0, unchanged: 1 });
  });

  it("events exports' dates with slashes are read the same way", () => {
    const csv = 'Email,Timestamp\nx@y.example,4/25/2026 10:00\nz@y.example,4/5/2026 10:00\n';
    const r = readEventsCsv(csv, { timeZone: TZ, defaultKind: 'click', dateOrder: 'day-first' });
    expect(r.errors).toEqual([]);
    expect(r.records.map((e) => iso(e.t))).toEqual([
      '2026-04-25T08:00:00.000Z',
      '2026-04-05T08:00:00.000Z',
    ]);
    expect(r.dates).toMatchObject({ order: 'month-first', shownBy: '4/25/2026 10:00' });
    const either = readEventsCsv('Email,Timestamp\nx@y.example,4/5/2026 10:00\n', {
      timeZone: TZ,
      defaultKind: 'click',
      dateOrder: 'day-first',
    });
    expect(either.records.map((e) => iso(e.t))).toEqual(['2026-05-04T08:00:00.000Z']);
    const contradicts = readEventsCsv(`${csv}w@y.example,25/4/2026 10:00\n`, {
      timeZone: TZ,
      defaultKind: 'click',
    });
    expect(contradicts.errors.map((e) => e.row)).toEqual([4]);
  });

  it('remembers the order with the layout, in the import’s undo step', () => {
    const { doc } = scenarioDoc();
    const undo = createUndoManager(doc);
    undo.stopCapturing();
    const headers = ['Order', 'Date', 'Qty'];
    expect(savedDateOrder(doc, 'orders', headers)).toBeNull();
    applyOrderImport(doc, [], {
      file: 'sheet.csv',
      by: 'Ana',
      rows: 1,
      testSkipped: 0,
      columns: { headers, dates: 'day-first' },
    });
    // The same layout in other letter case and spacing; not another kind or layout.
    expect(savedDateOrder(doc, 'orders', [' ORDER', 'date', 'QTY '])).toBe('day-first');
    expect(savedDateOrder(doc, 'events', headers)).toBeNull();
    expect(savedDateOrder(doc, 'orders', [...headers, 'SKU'])).toBeNull();
    undo.undo();
    expect(readImports(doc)).toHaveLength(0);
    expect(savedDateOrder(doc, 'orders', headers)).toBeNull();
  });

  it("guesses the order from the reader's language", () => {
    expect(localeDateOrder('en-US')).toBe('month-first');
    expect(localeDateOrder('en-GB')).toBe('day-first');
    expect(localeDateOrder('de-DE')).toBe('day-first');
    expect(localeDateOrder('fr')).toBe('day-first');
    expect(localeDateOrder('not a locale')).toBe('day-first');
  });
});
