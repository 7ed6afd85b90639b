import type { OrderLine } from '../orders';
import type { RowError } from './orderRows';

/** A row with a negative quantity: units of an order's line that came back. */
export interface ReturnedLine {
  /** The line's SKU (or name), as its sale's is read. */
  sku: string;
  /** The quantity as written (negative). */
  qty: number;
  /** The money refunded, when the row writes a price; else the sale's price per unit. */
  amount: number | null;
  row: number;
}

/** An order's lines with its returns taken off, the money refunded, and returns that match no sale. */
export interface TakenBack {
  lines: OrderLine[];
  refunded: number;
  /** Every unit the order sold came back. */
  whole: boolean;
  problems: RowError[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Takes an order's returned lines off the lines it sold (rows in any order: a return may be
 * listed before its sale). A returned unit is no longer a sale (its units and amount leave the
 * line) and its money is refunded, as a refund the shop writes on the order is. A return with no
 * sale of its product in the file, more units than were sold, or no amount at all cannot be read
 * as a refund and is reported at its row.
 */
export function takeBackReturns(
  orderId: string,
  sold: readonly OrderLine[],
  returns: readonly ReturnedLine[],
): TakenBack {
  const lines = sold.map(([s, q, a]) => [s, q, a] as OrderLine);
  const problems: RowError[] = [];
  let refunded = 0;
  let taken = 0;
  for (const r of returns) {
    const units = -r.qty;
    const mine = lines.filter(([sku, qty]) => sku === r.sku && qty > 0);
    const have = mine.reduce((n, l) => n + l[1], 0);
    const what = r.sku || 'a line with no SKU';
    if (have === 0) {
      problems.push({
        row: r.row,
        message: `Quantity ${r.qty} returns ${what}, but order ${orderId} has no sale of it in this file: a return is read with the order it came from.`,
      });
      continue;
    }
    if (units > have) {
      problems.push({
        row: r.row,
        message: `Quantity ${r.qty} returns ${units} of ${what}, but order ${orderId} sold ${have} of it in this file.`,
      });
      continue;
    }
    // Without a price of its own, each unit refunds what it was sold for.
    let left = units;
    let atSalePrice = 0;
    for (const l of mine) {
      const take = Math.min(l[1], left);
      atSalePrice += (l[2] / l[1]) * take;
      left -= take;
      if (!left) break;
    }
    const amount = round(r.amount ?? atSalePrice);
    if (r.amount === null && atSalePrice === 0) {
      problems.push({
        row: r.row,
        message: `Quantity ${r.qty} returns ${what} of order ${orderId} with no amount, and its sale has no price to go by: write the amount refunded in the price column.`,
      });
      continue;
    }
    // The units and the money leave the sold lines, a share for each unit taken.
    left = units;
    for (const l of mine) {
      const take = Math.min(l[1], left);
      l[2] = Math.max(0, round(l[2] - (amount * take) / units));
      l[1] -= take;
      left -= take;
      if (!left) break;
    }
    refunded += amount;
    taken += units;
  }
  return {
    // A line whose every unit came back was not a sale.
    lines: lines.filter(([, qty], i) => qty > 0 || sold[i]![1] === 0),
    refunded: round(refunded),
    whole: taken > 0 && lines.every(([, qty]) => qty === 0),
    problems,
  };
}
