import type { Mapping, OrderField } from './fields';
import { hasColumns, sameHeader } from './headerNames';

/**
 * Etsy's "Sold order items" export: one row per item sold, told by its per-item columns (its
 * "Sold orders" export, one row per order, has no Transaction ID or Item Name).
 */
export function isEtsySoldOrderItems(headers: readonly string[]): boolean {
  return hasColumns(headers, [
    'Sale Date',
    'Item Name',
    'Transaction ID',
    'Listing ID',
    'Order ID',
  ]);
}

/**
 * A mapping with an Etsy item export's Discount Amount read as the line's discount: there it is
 * the item's, and read as the order's discount the first item's came off the whole order. Other
 * mappings (and a Discount Amount a person moved elsewhere) are returned as they are.
 */
export function withEtsyItemDiscount(
  headers: readonly string[],
  mapping: Mapping<OrderField>,
): Mapping<OrderField> {
  if (!isEtsySoldOrderItems(headers)) return mapping;
  const column = headers.find((h) => sameHeader(h) === sameHeader('Discount Amount'));
  if (column === undefined || mapping.orderDiscount !== column || mapping.lineDiscount) {
    return mapping;
  }
  const { orderDiscount: _order, ...rest } = mapping;
  void _order;
  return { ...rest, lineDiscount: column };
}
