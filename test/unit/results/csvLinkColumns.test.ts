import { describe, expect, it } from 'vitest';
import {
  Attributor,
  DEFAULT_RESULT_SETTINGS,
  linkParamOfColumn,
  readOrdersCsv,
  trackingLinkTokens,
  type AttributableDrop,
} from '../../../shared/results';

// WooCommerce keeps where an order came from as one value per link parameter (UTM Source
// `instagram`, UTM Campaign `lena`), not as the link. Read as free text, those values were no
// trace at all, and a creator's tracking link matched none of the orders it brought.

const read = (csv: string) => readOrdersCsv(csv, { timeZone: 'Europe/London', localPostcodes: [] });

const WOO = [
  'Order Number,Order Status,Order Date,Email (Billing),Order Subtotal Amount,SKU,Item Name,Quantity,Item Cost,Coupon Code,Origin,UTM Source,UTM Medium,UTM Campaign',
  '5001,Completed,2026-09-01 10:00,a@x.example,60.00,HL-SHIRT,Shirt,1,60.00,,Source: Lena,lena,social,',
  '5002,Completed,2026-09-01 11:00,b@x.example,100.00,HL-SHIRT,Shirt,1,60.00,,Source: Instagram,instagram,social,Lena_Harbour',
  '5002,,,,,HL-BELT,Belt,1,40.00,,,,,',
  '5003,Completed,2026-09-01 12:00,c@x.example,60.00,HL-SHIRT,Shirt,1,60.00,,Source: Instagram,instagram,social,mia_spring',
  '5004,Completed,2026-09-01 13:00,d@x.example,60.00,HL-SHIRT,Shirt,1,60.00,,Direct,(direct),typein,',
  '',
].join('\n');

const drop = (dropId: string, link: string): AttributableDrop => ({
  dropId,
  code: '',
  linkTokens: trackingLinkTokens(link),
  skus: [],
  window: { start: Date.parse('2026-08-31T00:00:00Z'), end: Date.parse('2026-09-30T00:00:00Z') },
  launch: Date.parse('2026-08-31T00:00:00Z'),
});

describe('link parameters written a column each', () => {
  it('reads each column named after a parameter as the order’s trace, mapped or not', () => {
    const r = read(WOO);
    expect(r.errors).toEqual([]);
    // UTM Source is the guessed landing site; UTM Campaign is read all the same.
    expect(r.mapping.landingSite).toBe('UTM Source');
    const links = Object.fromEntries(r.records.map((o) => [o.id, o.links]));
    expect(links).toEqual({
      '5001': ['utm_source=lena'],
      '5002': ['utm_source=instagram', 'utm_campaign=lena_harbour'],
      '5003': ['utm_source=instagram', 'utm_campaign=mia_spring'],
      '5004': ['utm_source=(direct)'],
    });
  });

  it('credits the creator whose link carries those values, and no other', () => {
    const orders = read(WOO).records.map((o) => ({ ...o, cust: null }));
    const attributor = new Attributor(
      [
        drop('lena-ref', 'https://shop.example/?utm_source=lena'),
        drop('lena-ig', 'https://shop.example/?utm_source=instagram&utm_campaign=lena_harbour'),
        drop('mia-ig', 'https://shop.example/?utm_source=instagram&utm_campaign=mia_spring'),
        drop('sam-ig', 'https://shop.example/?utm_source=instagram&utm_campaign=sam'),
      ],
      DEFAULT_RESULT_SETTINGS,
    );
    const credited = Object.fromEntries(
      orders.map((o) => [o.id, attributor.credit(o).map((c) => `${c.dropId} ${c.revenue}`)]),
    );
    expect(credited).toEqual({
      '5001': ['lena-ref 60'],
      '5002': ['lena-ig 100'],
      '5003': ['mia-ig 60'],
      '5004': [],
    });
  });

  it('knows the parameter in the names exports give it, and nothing else', () => {
    expect(linkParamOfColumn('UTM Source')).toBe('utm_source');
    expect(linkParamOfColumn('utm-campaign')).toBe('utm_campaign');
    expect(linkParamOfColumn(' utm_content ')).toBe('utm_content');
    expect(linkParamOfColumn('_wc_order_attribution_utm_campaign')).toBe('utm_campaign');
    expect(linkParamOfColumn('meta:_wc_order_attribution_utm_source')).toBe('utm_source');
    expect(linkParamOfColumn('Ref')).toBe('ref');
    for (const other of ['Referrer', 'Payment Reference', 'UTM Medium', 'Origin', 'Source']) {
      expect(linkParamOfColumn(other)).toBeNull();
    }
  });

  it('reads a whole link written in such a column as that link', () => {
    const csv = [
      'Order Number,Order Date,Quantity,SKU,utm_source',
      '7001,2026-09-01 10:00,1,HL-SHIRT,https://shop.example/r/lena?utm_source=lena',
      '',
    ].join('\n');
    expect(read(csv).records[0]!.links).toEqual(['utm_source=lena', 'shop.example/r/lena']);
  });
});
