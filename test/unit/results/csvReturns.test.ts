import { describe, expect, it } from 'vitest';
import { Attributor, netRevenue, orderCounts, readOrdersCsv } from '../../../shared/results';
import { DEFAULT_RESULT_SETTINGS } from '../../../shared/results/settings';
import { TZ } from './scenario';

const read = (rows: string[]) =>
  readOrdersCsv([...rows, ''].join('\n'), { timeZone: TZ, localPostcodes: [] });

// A spreadsheet (or a Square item export) lists a returned item as a row of its own with a
// negative quantity, under the order it came from.
const HEADER = 'Order Number,Order Date,Coupon Code,SKU,Quantity,Price';

describe('a returned item written as a line with a negative quantity', () => {
  it('is a refund of that item on its order, not a sale', () => {
    const r = read([
      HEADER,
      '2041,2026-03-10 14:02,ANA10,LS-M,2,60.00',
      '2041,2026-03-10 14:02,ANA10,SC-1,1,40.00',
      // The return's own date is when it came back, not when the order was placed.
      '2041,2026-03-14 09:00,,LS-M,-1,-60.00',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    const o = r.records[0]!;
    expect(o).toMatchObject({
      id: '2041',
      t: Date.parse('2026-03-10T13:02:00Z'),
      status: 'partially_refunded',
      sub: 160,
      refunded: 60,
      // One shirt kept, one came back.
      lines: [
        ['LS-M', 1, 60],
        ['SC-1', 1, 40],
      ],
    });
    const fact = { ...o, cust: null };
    expect(netRevenue(fact)).toBe(100);
    // A drop of the shirt is credited the shirt it kept.
    const credit = new Attributor(
      [
        {
          dropId: 'd1',
          code: 'ANA10',
          linkTokens: [],
          skus: ['LS-M'],
          window: { start: 0, end: Date.parse('2027-01-01') },
          launch: 0,
        },
      ],
      DEFAULT_RESULT_SETTINGS,
    ).credit(fact);
    expect(credit).toEqual([{ dropId: 'd1', weight: 1, revenue: 60, units: 1, via: 'code' }]);
  });

  it('reads a return listed before its sale (newest first), with its amount from the sale', () => {
    const r = read([
      HEADER,
      // Written as a positive price, or with none: the sale's price per unit is refunded.
      '2042,2026-03-14 09:00,,LS-M,−1,',
      '2042,2026-03-14 09:30,,SC-1,-1,40.00',
      '2042,2026-03-10 14:02,,LS-M,1,60.00',
      '2042,2026-03-10 14:02,,SC-1,1,40.00',
    ]);
    expect(r.errors).toEqual([]);
    const o = r.records[0]!;
    expect(o).toMatchObject({
      t: Date.parse('2026-03-10T13:02:00Z'),
      status: 'refunded',
      sub: 100,
      refunded: 100,
      lines: [],
    });
    expect(orderCounts({ ...o, cust: null }, DEFAULT_RESULT_SETTINGS)).toBe(false);
  });

  it('keeps a refund the file writes as an amount when its returned lines come to no more', () => {
    const r = read([
      'Order Number,Order Date,Order Refund Amount,SKU,Quantity,Price',
      '2043,2026-03-10 14:02,65.00,LS-M,2,60.00',
      '2043,2026-03-14 09:00,,LS-M,-1,-60.00',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({ refunded: 65, lines: [['LS-M', 1, 60]] });
  });

  it('says which returns cannot be a refund, and reads nothing from the file', () => {
    const r = read([
      HEADER,
      // No sale of it in the file: the order's sale may be in an earlier export.
      '2050,2026-03-14 09:00,,LS-M,-1,-60.00',
      // More came back than the order bought here.
      '2051,2026-03-10 14:02,,LS-M,1,60.00',
      '2051,2026-03-14 09:00,,LS-M,-2,-120.00',
      // A return of another product than the order bought.
      '2052,2026-03-10 14:02,,LS-M,1,60.00',
      '2052,2026-03-14 09:00,,SC-1,-1,-40.00',
      // No amount, and a sale with none to go by.
      '2053,2026-03-10 14:02,,LS-M,1,',
      '2053,2026-03-14 09:00,,LS-M,-1,',
      // Not a quantity at all.
      '2054,2026-03-10 14:02,,LS-M,-1.5,-60.00',
    ]);
    expect(r.errors).toEqual([
      {
        row: 2,
        message:
          'Quantity -1 returns LS-M, but order 2050 has no sale of it in this file: a return is read with the order it came from.',
      },
      {
        row: 4,
        message: 'Quantity -2 returns 2 of LS-M, but order 2051 sold 1 of it in this file.',
      },
      {
        row: 6,
        message:
          'Quantity -1 returns SC-1, but order 2052 has no sale of it in this file: a return is read with the order it came from.',
      },
      {
        row: 8,
        message:
          'Quantity -1 returns LS-M of order 2053 with no amount, and its sale has no price to go by: write the amount refunded in the price column.',
      },
      { row: 9, message: 'Quantity "-1.5" is not a whole number of units.' },
    ]);
  });
});
