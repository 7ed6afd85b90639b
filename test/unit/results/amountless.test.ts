import { describe, expect, it } from 'vitest';
import { noOrderHasAmount, readOrdersCsv } from '../../../shared/results';

// An import whose orders all read as no money is named in the preview (ImportDialog), before
// its orders count nothing towards revenue and the return.

const read = (csv: string) =>
  readOrdersCsv(csv, { timeZone: 'Europe/London', localPostcodes: [] }).records;

describe('orders without an amount', () => {
  it('are told when no column gives any order an amount', () => {
    // The amounts are in "Order Total", which is no field's column.
    const sheet = [
      'Order ID,Date,SKU,Quantity,Discount Code,Order Total',
      'S-1,2026-09-01 10:00,HL-SHIRT,1,LENA15,60.00',
      'S-2,2026-09-02 10:00,HL-SHIRT,2,LENA15,120.00',
      '',
    ].join('\n');
    expect(noOrderHasAmount(read(sheet))).toBe(true);
    // The Subtotal column there but left empty, the same.
    expect(
      noOrderHasAmount(read(sheet.replace('Order Total', 'Subtotal').replace(/,\d+\.00/g, ','))),
    ).toBe(true);
  });

  it('are not told when an order has a subtotal, or a line has a price', () => {
    const subtotal = [
      'Order ID,Date,SKU,Quantity,Subtotal',
      'S-1,2026-09-01 10:00,HL-SHIRT,1,0.00',
      'S-2,2026-09-02 10:00,HL-SHIRT,1,60.00',
      '',
    ].join('\n');
    expect(noOrderHasAmount(read(subtotal))).toBe(false);
    const priced = [
      'Order ID,Date,SKU,Quantity,Price',
      'S-1,2026-09-01 10:00,HL-SHIRT,1,60',
      '',
    ].join('\n');
    expect(noOrderHasAmount(read(priced))).toBe(false);
    // No orders at all is not a file of orders without amounts.
    expect(noOrderHasAmount([])).toBe(false);
  });
});
