import type { OrderFact } from './orders';

/**
 * Whether an import's orders carry no money at all: every subtotal and every line's amount is 0.
 * A file whose amounts are in a column Cadence does not read as one (a spreadsheet's "Order
 * Total") imported every order at 0, and the drop showed "2 orders · €0.00" without a word; the
 * import preview says so instead, before anything is applied.
 */
export function noOrderHasAmount(orders: readonly Pick<OrderFact, 'sub' | 'lines'>[]): boolean {
  return orders.length > 0 && orders.every((o) => o.sub === 0 && o.lines.every((l) => l[2] === 0));
}
