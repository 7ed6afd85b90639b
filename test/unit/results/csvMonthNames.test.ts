import { describe, expect, it } from 'vitest';
import { parseShopTime, readOrdersCsv } from '../../../shared/results';
import { wooAdvancedCsv } from '../../fixtures/results/wooAdvancedExport';

// Dates with the month's name, as WordPress's default date format (and other exports) write
// them: every such value was "not a time", and the whole file was refused.

const TZ = 'Europe/London';
const at = (raw: string) => {
  const r = parseShopTime(raw, TZ);
  return r && new Date(r.t).toISOString();
};

describe('dates with the month’s name', () => {
  it('are read month first or day first as the name says, with a time and an offset', () => {
    expect(at('September 1, 2026 10:00 am')).toBe('2026-09-01T09:00:00.000Z');
    expect(at('September 1, 2026, 10:00 PM')).toBe('2026-09-01T21:00:00.000Z');
    expect(at('Sep 1, 2026 at 9:05 pm')).toBe('2026-09-01T20:05:00.000Z');
    expect(at('Sept 30 2026')).toBe('2026-09-29T23:00:00.000Z');
    expect(at('1st September 2026')).toBe('2026-08-31T23:00:00.000Z');
    expect(at('01-Sep-2026 10:00')).toBe('2026-09-01T09:00:00.000Z');
    expect(at('Tue, 01 Sep 2026 10:00:00 +0000')).toBe('2026-09-01T10:00:00.000Z');
    // In winter the zone's own offset (GMT), as for any time written without one.
    expect(at('December 1, 2026 10:00 am')).toBe('2026-12-01T10:00:00.000Z');
  });

  it('are refused when the day or the name is not one', () => {
    for (const raw of [
      'Feb 30, 2026',
      '31 Sep 2026',
      'Mayday 1, 2026',
      'Se 1, 2026',
      'next Tuesday',
    ]) {
      expect(at(raw)).toBeNull();
    }
  });

  it('read a WooCommerce export in WordPress’s date format, and a date column with its time', () => {
    const csv = wooAdvancedCsv([
      {
        number: '4101',
        status: 'Completed',
        date: 'September 1, 2026 10:00 am',
        email: 'a@x.example',
        coupon: 'lena15',
        items: [{ sku: 'HL-SHIRT-M', name: 'Harbour Linen Shirt', qty: 1, cost: 60 }],
      },
    ]);
    const r = readOrdersCsv(csv, { timeZone: TZ, localPostcodes: [] });
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => [o.id, new Date(o.t).toISOString()])).toEqual([
      ['4101', '2026-09-01T09:00:00.000Z'],
    ]);
    const apart = ['Order ID,Date,Time,Quantity', 'W-1,"Sep 1, 2026",9:05 PM,1', ''].join('\n');
    const two = readOrdersCsv(apart, { timeZone: TZ, localPostcodes: [] });
    expect(two.errors).toEqual([]);
    expect(new Date(two.records[0]!.t).toISOString()).toBe('2026-09-01T20:05:00.000Z');
  });
});
