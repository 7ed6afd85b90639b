import { describe, expect, it } from 'vitest';
import { guessOrderMapping, readOrdersCsv } from '../../../shared/results';
import { TZ } from './scenario';

// Square's item export writes an order's date, its time and its zone in three columns.
const SQUARE_HEADER =
  'Date,Time,Time Zone,Category,Item,Qty,SKU,Gross Sales,Discounts,Net Sales,Transaction ID,Location';
const square = (rows: string[]) => [SQUARE_HEADER, ...rows, ''].join('\n');
const headers = SQUARE_HEADER.split(',');

const read = (csv: string, dateOrder: 'month-first' | null = null) =>
  readOrdersCsv(csv, {
    timeZone: TZ,
    localPostcodes: [],
    // Square's Transaction ID is its order id; no other shop's guess should take it for one.
    mapping: { ...guessOrderMapping(csv.split('\n')[0]!.split(',')), orderId: 'Transaction ID' },
    dateOrder,
  });

describe('an order time written as a date and a time of day in two columns', () => {
  it("guesses Square's Date, Time and Time Zone columns", () => {
    expect(guessOrderMapping(headers)).toMatchObject({
      createdAt: 'Date',
      createdTime: 'Time',
      timeZone: 'Time Zone',
    });
  });

  it("reads the two together, in the row's zone when it is one Cadence knows", () => {
    const r = read(
      square([
        // Square names zones as Rails does; the US had moved its clocks on by 10 March 2026.
        '2026-03-10,13:45:12,Pacific Time (US & Canada),Shirts,Linen Shirt,1,LS-M,$60.00,$0.00,$60.00,T1,Harbor Stall',
        '2026-03-10,09:05,Europe/London,Shirts,Linen Shirt,1,LS-M,£60.00,£0.00,£60.00,T2,Soho',
        '2026-03-10,1:45 PM,(GMT-05:00) Eastern Time (US & Canada),Shirts,Linen Shirt,1,LS-M,$60.00,$0.00,$60.00,T3,Brooklyn',
        // A zone it cannot name for sure is read in the workspace's, as a time without a zone is.
        '2026-03-10,13:45,Somewhere Time,Shirts,Linen Shirt,1,LS-M,€60.00,€0.00,€60.00,T4,Berlin',
        '2026-03-10,13:45,,Shirts,Linen Shirt,1,LS-M,€60.00,€0.00,€60.00,T5,Berlin',
      ]),
    );
    expect(r.errors).toEqual([]);
    const at = Object.fromEntries(r.records.map((o) => [o.id, [o.t, o.off]]));
    expect(at).toEqual({
      T1: [Date.parse('2026-03-10T20:45:12Z'), -420],
      T2: [Date.parse('2026-03-10T09:05:00Z'), 0],
      T3: [Date.parse('2026-03-10T17:45:00Z'), -240],
      T4: [Date.parse('2026-03-10T12:45:00Z'), 60],
      T5: [Date.parse('2026-03-10T12:45:00Z'), 60],
    });
  });

  it('reads a date with slashes and its time once the file shows their order', () => {
    const r = read(
      square([
        '03/25/2026,18:00:00,Pacific Time (US & Canada),Shirts,Linen Shirt,1,LS-M,$60.00,$0.00,$60.00,T1,Harbor Stall',
        '03/10/2026,09:30:00,Pacific Time (US & Canada),Shirts,Linen Shirt,1,LS-M,$60.00,$0.00,$60.00,T2,Harbor Stall',
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => o.t)).toEqual([
      Date.parse('2026-03-26T01:00:00Z'),
      Date.parse('2026-03-10T16:30:00Z'),
    ]);
  });

  it('keeps the time a date column already has, and says which time cannot be read', () => {
    const r = readOrdersCsv(
      [
        'Order Number,Created at,Time,Quantity,SKU',
        // The date column has its own time: the other column is not needed.
        '1,2026-03-10 10:00,11:00,1,LS-M',
        '2,2026-03-10,25:00,1,LS-M',
        '',
      ].join('\n'),
      { timeZone: TZ, localPostcodes: [] },
    );
    expect(r.records.map((o) => [o.id, o.t])).toEqual([['1', Date.parse('2026-03-10T09:00:00Z')]]);
    expect(r.errors).toEqual([
      {
        row: 3,
        message: '"2026-03-10 25:00" is not a time (expected like 2026-04-05 21:06:21 +0400).',
      },
    ]);
  });
});
