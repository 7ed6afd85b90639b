import { describe, expect, it } from 'vitest';
import { guessOrderMapping, readOrdersCsv } from '../../../shared/results';
import { SHOPIFY_HEADERS } from '../../fixtures/results/shopifyExport';
import { WOO_ADVANCED_HEADERS, wooAdvancedCsv } from '../../fixtures/results/wooAdvancedExport';

// A column called Name is Shopify's order number, but a product's in WooCommerce's Advanced
// Order Export and a customer's in many spreadsheets. Guessed as the order id, every line of
// one product was one order, and customers' names were kept as order ids.

const read = (csv: string) => readOrdersCsv(csv, { timeZone: 'Europe/London', localPostcodes: [] });

const shirt = { sku: 'HL-SHIRT-M', name: 'Harbour Linen Shirt', qty: 1, cost: 60 };
const belt = { sku: 'HL-BELT', name: 'Belt', qty: 1, cost: 40 };

describe('the order id column', () => {
  it('is the order number of a WooCommerce export whose products are under Name', () => {
    expect(guessOrderMapping([...WOO_ADVANCED_HEADERS]).orderId).toBe('Order Number');
    const r = read(
      wooAdvancedCsv([
        {
          number: '4101',
          status: 'Completed',
          date: '2026-09-01 10:00',
          email: 'a@x.example',
          coupon: 'lena15',
          cartDiscount: 9,
          items: [shirt],
        },
        {
          number: '4102',
          status: 'Completed',
          date: '2026-09-02 10:00',
          email: 'b@x.example',
          items: [shirt, belt],
        },
        {
          number: '4103',
          status: 'Completed',
          date: '2026-09-03 10:00',
          email: 'c@x.example',
          coupon: 'LENA15',
          cartDiscount: 12,
          items: [{ ...belt, qty: 2 }],
        },
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => [o.id, o.sub, o.codes, o.lines])).toEqual([
      ['4101', 51, ['LENA15'], [['HL-SHIRT-M', 1, 60]]],
      [
        '4102',
        100,
        [],
        [
          ['HL-SHIRT-M', 1, 60],
          ['HL-BELT', 1, 40],
        ],
      ],
      ['4103', 68, ['LENA15'], [['HL-BELT', 2, 80]]],
    ]);
  });

  it("is a spreadsheet's Order ID, not the customer's Name beside it", () => {
    const sheet = [
      'Order ID,Date,Name,Email,SKU,Quantity,Price,Code',
      'S-1,2026-09-01 10:00,Jo Bloggs,jo@x.example,HL-SHIRT,1,60,LENA15',
      'S-2,2026-09-02 10:00,Jo Bloggs,jo@x.example,HL-BELT,1,40,',
      '',
    ].join('\n');
    const r = read(sheet);
    expect(r.mapping.orderId).toBe('Order ID');
    expect(r.records.map((o) => o.id)).toEqual(['S-1', 'S-2']);
    expect(JSON.stringify(r.records.map((o) => ({ ...o, customer: '' })))).not.toMatch(/Bloggs/);
  });

  it("is still Shopify's Name, and a Name column's where no other names the order", () => {
    expect(guessOrderMapping([...SHOPIFY_HEADERS]).orderId).toBe('Name');
    expect(guessOrderMapping(['Name', 'Created at', 'Quantity']).orderId).toBe('Name');
  });
});
