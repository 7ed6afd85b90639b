import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { guessOrderMapping, isEtsySoldOrders, wrongExportMessage } from '../../../shared/results';
import {
  ETSY_SOLD_ORDER_ITEMS_CSV,
  ETSY_SOLD_ORDERS_CSV,
} from '../../fixtures/results/spreadsheetExports';

const headersOf = (csv: string) => Papa.parse<string[]>(csv, { preview: 1 }).data[0]!;

describe("a shop's export of the wrong kind", () => {
  it("tells Etsy's Sold Orders export (a row per order) and says to bring its Order Items export", () => {
    const headers = headersOf(ETSY_SOLD_ORDERS_CSV);
    expect(isEtsySoldOrders(headers)).toBe(true);
    // Read by column names alone, it has no quantity, so it would be mapped by hand.
    expect(guessOrderMapping(headers).quantity).toBeUndefined();
    expect(wrongExportMessage('EtsySoldOrders2026-3.csv', headers)).toBe(
      "“EtsySoldOrders2026-3.csv” is Etsy's Sold Orders export, one row per order: it does not say how many of each item an order held. " +
        'Download the Order Items export instead: on Etsy, Shop Manager › Settings › Options › Download Data, CSV type "Order Items".',
    );
  });

  it('lets the Order Items export and column names in any case and spacing through, or not', () => {
    expect(wrongExportMessage('items.csv', headersOf(ETSY_SOLD_ORDER_ITEMS_CSV))).toBeNull();
    expect(isEtsySoldOrders(['SALE DATE', 'order id', 'Number  of Items', 'Order Value'])).toBe(
      true,
    );
    // A spreadsheet that also has a quantity per row is read as it is.
    expect(
      isEtsySoldOrders(['Sale Date', 'Order ID', 'Number of Items', 'Order Value', 'Quantity']),
    ).toBe(false);
  });
});
