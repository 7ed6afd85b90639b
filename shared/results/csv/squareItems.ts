import type { Mapping, OrderField } from './fields';
import { hasColumns, sameHeader } from './headerNames';

/**
 * Square's item export ("Items detail"): one row per item line, told by its per-item columns
 * (its transactions export, one row per payment, has no Item or Qty).
 */
export function isSquareItemExport(headers: readonly string[]): boolean {
  return hasColumns(headers, ['Date', 'Item', 'Qty', 'Net Sales', 'Transaction ID']);
}

const column = (headers: readonly string[], name: string) =>
  headers.find((h) => sameHeader(h) === sameHeader(name));

/**
 * A mapping with a Square item export's Net Sales read as each line's total: there it is the
 * line's, and read as the order's subtotal the first item's stood for the whole transaction.
 * Other mappings (and a Net Sales a person moved elsewhere) are returned as they are.
 */
export function withSquareItemLines(
  headers: readonly string[],
  mapping: Mapping<OrderField>,
): Mapping<OrderField> {
  if (!isSquareItemExport(headers)) return mapping;
  const net = column(headers, 'Net Sales');
  if (net === undefined || mapping.subtotal !== net || mapping.lineTotal) return mapping;
  const { subtotal: _order, ...rest } = mapping;
  void _order;
  return { ...rest, lineTotal: net };
}

/**
 * A guess for a Square item export with its own columns where no other shop's name matched:
 * its Transaction ID is the order id (one per sale, repeated on each of its item lines) and its
 * Item names a line that has no SKU. Other files' Transaction ID (Etsy's, one per item) or Item
 * columns are left to be chosen.
 */
export function withSquareItemNames(
  headers: readonly string[],
  mapping: Mapping<OrderField>,
): Mapping<OrderField> {
  if (!isSquareItemExport(headers)) return mapping;
  const out = { ...mapping };
  out.orderId ??= column(headers, 'Transaction ID');
  out.lineName ??= column(headers, 'Item');
  return out;
}
