import type { OrderFact } from './orders';

/** How many orders of an import are in one currency other than the workspace's. */
export interface OtherCurrency {
  currency: string;
  orders: number;
}

/**
 * The currencies of `orders` other than `expected`, most orders first. Amounts are never
 * converted, so the import preview names these before the orders count as written. Orders
 * without a currency (an export without the column) are not counted.
 */
export function otherCurrencies(
  orders: readonly Pick<OrderFact, 'cur'>[],
  expected: string,
): OtherCurrency[] {
  const want = expected.trim().toUpperCase();
  const counts = new Map<string, number>();
  for (const o of orders) {
    const cur = o.cur.trim().toUpperCase();
    if (cur && cur !== want) counts.set(cur, (counts.get(cur) ?? 0) + 1);
  }
  return [...counts]
    .map(([currency, n]) => ({ currency, orders: n }))
    .sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency));
}

/** "12 orders are in USD and 1 in GBP, not EUR", or null when every order is in `expected`. */
export function otherCurrenciesSentence(
  others: readonly OtherCurrency[],
  expected: string,
): string | null {
  if (others.length === 0) return null;
  const [first, ...rest] = others;
  const lead = `${first!.orders.toLocaleString('en')} ${first!.orders === 1 ? 'order is' : 'orders are'} in ${first!.currency}`;
  const more = rest.map((o) => `${o.orders.toLocaleString('en')} in ${o.currency}`);
  const all = [lead, ...more];
  const listed = all.length === 1 ? lead : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
  return `${listed}, not ${expected.toUpperCase()}`;
}
