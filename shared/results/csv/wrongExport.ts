import { hasColumns } from './headerNames';

/**
 * Etsy's "Sold orders" export: one row per order, its items only counted (_Number of Items_)
 * and their SKUs run together in one cell (`LIN-01,LIN-02`). Mapped by hand, an order of two
 * products read as two units of a product named after both, which no drop sells: the drop's
 * sell-through and revenue came out empty. Etsy's "Sold order items" export, from the same
 * page, has a row per item with its quantity, price and coupon code.
 */
export function isEtsySoldOrders(headers: readonly string[]): boolean {
  return (
    hasColumns(headers, ['Sale Date', 'Order ID', 'Number of Items', 'Order Value']) &&
    !hasColumns(headers, ['Quantity'])
  );
}

/** What to import instead of a file that is a shop's export of the wrong kind, or null. */
export function wrongExportMessage(fileName: string, headers: readonly string[]): string | null {
  if (isEtsySoldOrders(headers)) {
    return (
      `“${fileName}” is Etsy's Sold Orders export, one row per order: it does not say how many of each item an order held. ` +
      'Download the Order Items export instead: on Etsy, Shop Manager › Settings › Options › Download Data, CSV type "Order Items".'
    );
  }
  return null;
}
