import type { FinancialStatus, OrderFact, OrderLine } from '../orders';
import { isLocalPostcode } from '../settings';
import { inPersonLocation } from '../inPerson';
import { extractLinkTokens } from './links';
import { linkColumns, linkColumnTokens, type LinkColumn } from './linkColumns';
import { columnPositions, ORDER_FIELDS, type Mapping, type OrderField } from './fields';
import { parseAmount, parseQuantity } from './parseAmount';
import { timeProblem, type ParsedTime } from './parseTime';
import { FileTimes, timeOf, type LaterTime, type SlashDates } from './fileTimes';
import type { DateOrder } from './slashDates';
import { isBlankRow } from './blankRow';
import { RowProblems } from './rowProblems';
import { takeBackReturns, type ReturnedLine } from './returns';
import { dateWithTime } from './dateAndTime';
import { zoneOfLabel } from './timeZones';

/** A problem with one row of a file, for the report. */
export interface RowError {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  message: string;
}

/** An order read from a file, before its customer is hashed. */
export interface DraftOrder extends Omit<OrderFact, 'cust'> {
  /** Who bought it: their email, else the shop's id for them (Square's Customer ID), or ''. */
  customer: string;
  firstRow: number;
}

export interface OrderReadOptions {
  /** The workspace's zone, for times written without an offset. */
  timeZone: string;
  localPostcodes: readonly string[];
  /** How dates with slashes are read when no value in the file tells (see FileTimes). */
  dateOrder?: DateOrder | null;
}

const TIME_EXAMPLE = '2026-04-05 21:06:21 +0400';

/** Normalises a status as shops write it; null when unknown. */
export function normaliseStatus(
  raw: string,
): { status: FinancialStatus; cancelled: boolean } | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    // WooCommerce stores its statuses as `wc-completed`; exports of its database write that.
    .replace(/^wc_/, '');
  switch (s) {
    case 'paid':
    case 'completed':
    case 'complete':
    case 'processing':
    case 'fulfilled':
    case 'succeeded':
    case 'success':
      return { status: 'paid', cancelled: false };
    // BigCommerce: paid, and on its way to the customer. Delivered, so paid: WooCommerce stores
    // add it as a status of their own (a file holding one was refused whole as unknown).
    case 'awaiting_fulfillment':
    case 'awaiting_shipment':
    case 'awaiting_pickup':
    case 'partially_shipped':
    case 'shipped':
    case 'delivered':
      return { status: 'paid', cancelled: false };
    case 'pending':
    case 'pending_payment':
    case 'on_hold':
    case 'unpaid':
    case 'not_paid':
    case 'awaiting_payment':
      return { status: 'pending', cancelled: false };
    case 'authorized':
    case 'authorised':
      return { status: 'authorized', cancelled: false };
    case 'partially_paid':
      return { status: 'partially_paid', cancelled: false };
    case 'partially_refunded':
      return { status: 'partially_refunded', cancelled: false };
    case 'refunded':
      return { status: 'refunded', cancelled: false };
    // Nothing was paid: Shopify's `expired` (the authorization ran out before it was captured),
    // WooCommerce's drafts (a checkout that was never placed).
    case 'voided':
    case 'void':
    case 'failed':
    case 'expired':
    case 'draft':
    case 'checkout_draft':
      return { status: 'voided', cancelled: false };
    // BigCommerce: the payment was declined, or the checkout never finished.
    case 'declined':
    case 'incomplete':
      return { status: 'voided', cancelled: false };
    case 'cancelled':
    case 'canceled':
      return { status: 'voided', cancelled: true };
    default:
      return null;
  }
}

interface Acc {
  id: string;
  firstRow: number;
  /** A date with slashes is read once the whole file is in (see FileTimes). */
  created: ParsedTime | LaterTime | null;
  createdRow: number;
  /** A row of the order had a time that could not be read (already reported). */
  createdBad: boolean;
  status: { status: FinancialStatus; cancelled: boolean } | null;
  cancelled: boolean;
  refunded: number | null;
  sub: number | null;
  /** An order-level discount, where the subtotal is before it. */
  disc: number | null;
  cur: string;
  codes: string[];
  links: Set<string>;
  src: string;
  loc: string;
  zip: string;
  email: string;
  customerId: string;
  test: boolean;
  lines: OrderLine[];
  /** Rows with a negative quantity: items that came back, taken off the sale once all rows are in. */
  returns: ReturnedLine[];
  /** The order has a row that is not a return (whose order-level values are its own). */
  sold: boolean;
}

/**
 * Reads an order export row by row (rows may arrive in chunks from a streaming parser). One
 * row per line item; the order's id repeats on continuation rows whose order-level fields are
 * blank, so each order-level field is the first non-blank value among its rows.
 */
export class OrderRowReader {
  private readonly orders = new Map<string, Acc>();
  private readonly problems = new RowProblems();
  private readonly at: Record<OrderField, number>;
  private readonly times: FileTimes;
  /** Columns holding a link parameter's value each (UTM Source, UTM Campaign…), mapped or not. */
  private readonly linkAt: LinkColumn[];
  rows = 0;

  constructor(
    mapping: Mapping<OrderField>,
    headers: readonly string[],
    private readonly opts: OrderReadOptions,
  ) {
    this.at = columnPositions(mapping, headers);
    this.linkAt = linkColumns(headers);
    this.times = new FileTimes(opts.timeZone, opts.dateOrder ?? null);
  }

  // The zone a row's Time Zone names, else the workspace's; each value looked up once.
  private readonly zones = new Map<string, string>();
  private zoneOf(raw: string): string {
    let tz = this.zones.get(raw);
    if (tz === undefined) {
      tz = zoneOfLabel(raw) ?? this.opts.timeZone;
      if (this.zones.size < 1000) this.zones.set(raw, tz);
    }
    return tz;
  }

  private error(row: number, message: string): void {
    this.problems.add(row, message);
  }

  // A row arrives as an array of cells (papaparse without `header`: no object per row, which
  // made reading a 50,000-row export mostly garbage collection).
  private cell(cells: readonly string[], f: OrderField): string {
    const i = this.at[f];
    const v = i === undefined || i < 0 ? undefined : cells[i];
    return v ? v.trim() : '';
  }

  /** Reads one data row (its cells in header order); `row` is its spreadsheet row number. */
  addRow(cells: readonly string[], row: number): void {
    const c = (f: OrderField) => this.cell(cells, f);
    // A fully blank row (a trailing line) is not an order.
    if (isBlankRow(cells)) return;
    this.rows++;
    const id = c('orderId');
    if (!id) return this.error(row, 'No order id.');
    if (id.length > 64) return this.error(row, `Order id "${id.slice(0, 20)}…" is too long.`);
    let acc = this.orders.get(id);
    if (!acc) {
      acc = {
        id,
        firstRow: row,
        created: null,
        createdRow: row,
        createdBad: false,
        status: null,
        cancelled: false,
        refunded: null,
        sub: null,
        disc: null,
        cur: '',
        codes: [],
        links: new Set(),
        src: '',
        loc: '',
        zip: '',
        email: '',
        customerId: '',
        test: false,
        lines: [],
        returns: [],
        sold: false,
      };
      this.orders.set(id, acc);
    }
    // Each order-level field is the first value among the order's rows, and every value
    // written is checked, on a continuation row too: a bad one is reported, never skipped.
    // A returned item's row (a negative quantity) has the return's date and amounts, not the
    // order's: its values are checked but not taken.
    const keep = !isReturnRow(c);
    if (keep) acc.sold = true;
    const created = dateWithTime(c('createdAt'), c('createdTime'));
    if (created) {
      const t = this.times.read(created, row, this.zoneOf(c('timeZone')));
      if (!t) {
        this.error(row, timeProblem(created, TIME_EXAMPLE));
        acc.createdBad = true;
      } else if (keep && !acc.created) {
        acc.created = t;
        acc.createdRow = row;
      }
    }
    const status = c('financialStatus');
    if (status) {
      const s = normaliseStatus(status);
      if (!s) this.error(row, `Unknown financial status "${status}".`);
      else if (keep) acc.status ??= s;
    }
    if (keep && c('cancelledAt')) acc.cancelled = true;
    for (const [field, key] of [
      ['refundedAmount', 'refunded'],
      ['subtotal', 'sub'],
      ['orderDiscount', 'disc'],
    ] as const) {
      const raw = c(field);
      if (!raw) continue;
      const n = parseAmount(raw);
      if (n === null || Number.isNaN(n))
        this.error(row, `"${raw}" is not an amount (${ORDER_FIELDS[field].label}).`);
      else if (keep) acc[key] ??= n;
    }
    if (keep) this.readOrderLabels(acc, c, cells);
    this.readLine(acc, c, row);
  }

  // The order's currency, codes, link traces, channel, place, customer and tags.
  private readOrderLabels(acc: Acc, c: (f: OrderField) => string, cells: readonly string[]): void {
    if (!acc.cur) acc.cur = c('currency').toUpperCase().slice(0, 8);
    const codes = c('discountCode');
    if (codes) {
      for (const code of codes.split(/\s*[,;]\s*/)) {
        const up = code.trim().toUpperCase();
        if (up && !acc.codes.includes(up) && acc.codes.length < 20) acc.codes.push(up.slice(0, 64));
      }
    }
    for (const f of ['noteAttributes', 'landingSite'] as const) {
      for (const token of extractLinkTokens(c(f))) if (acc.links.size < 20) acc.links.add(token);
    }
    // A link's parameters written a column each, as values alone: `lena` under UTM Campaign is
    // the order's `utm_campaign=lena` (read as free text, it was no trace at all).
    for (const { index, param } of this.linkAt) {
      for (const token of linkColumnTokens(param, cells[index] ?? '')) {
        if (acc.links.size < 20) acc.links.add(token);
      }
    }
    if (!acc.src) acc.src = c('source').toLowerCase().slice(0, 40);
    if (!acc.loc) acc.loc = c('location').slice(0, 120);
    if (!acc.zip) acc.zip = c('shippingZip');
    if (!acc.email) acc.email = c('email');
    if (!acc.customerId) acc.customerId = c('customerId');
    const tags = c('tags');
    if (tags && tags.split(',').some((t) => t.trim().toLowerCase() === 'test')) acc.test = true;
  }

  private readLine(acc: Acc, c: (f: OrderField) => string, row: number): void {
    const sku = (c('sku') || c('lineName')).toUpperCase().slice(0, 64);
    const qtyRaw = c('quantity');
    if (!sku && !qtyRaw) return;
    const written = parseQuantity(qtyRaw);
    if (written === null || Number.isNaN(written)) {
      return this.error(row, `Quantity "${qtyRaw}" is not a whole number of units.`);
    }
    // A refund row whose units are written as sold (its line total negative) returns them.
    const qty = isReturnRow(c) ? -Math.abs(written) : written;
    const priceRaw = c('price');
    const price = parseAmount(priceRaw);
    if (Number.isNaN(price)) return this.error(row, `"${priceRaw}" is not a price.`);
    const totalRaw = c('lineTotal');
    const total = parseAmount(totalRaw);
    if (Number.isNaN(total)) return this.error(row, `"${totalRaw}" is not an amount (Line total).`);
    const discRaw = c('lineDiscount');
    const disc = parseAmount(discRaw);
    if (Number.isNaN(disc)) return this.error(row, `"${discRaw}" is not a discount amount.`);
    if (qty < 0) {
      // Refunded whatever the sign its amount is written with (-60.00 or 60.00): its own line
      // total (Square's Net Sales of the refund), else its price; without either, at the price
      // the sale's line was.
      const gross = total ?? (price === null ? null : price * qty);
      const back = gross === null ? null : Math.abs(gross) - Math.abs(disc ?? 0);
      const amount = back === null ? null : Math.round(back * 100) / 100;
      if (acc.returns.length < 1000) acc.returns.push({ sku, qty, amount, row });
      return;
    }
    // A line's total (Square's Net Sales) is all its units; else its price is per unit. A
    // discount written negative (Square's Discounts: -$5.00) is the same discount.
    const before = total ?? (price ?? 0) * qty;
    const amount = Math.round((before - Math.abs(disc ?? 0)) * 100) / 100;
    if (acc.lines.length < 1000) acc.lines.push([sku, qty, amount]);
  }

  /** The orders read (test orders left out) and every problem found. */
  finish(): {
    orders: DraftOrder[];
    problems: RowProblems;
    testSkipped: number;
    rows: number;
    dates: SlashDates | null;
  } {
    const out: DraftOrder[] = [];
    let testSkipped = 0;
    const dates = this.times.settle(this.problems, TIME_EXAMPLE);
    for (const acc of this.orders.values()) {
      if (acc.test) {
        testSkipped++;
        continue;
      }
      // Items that came back leave the lines sold and are refunded (or reported at their row).
      const back = acc.returns.length ? takeBackReturns(acc.id, acc.lines, acc.returns) : null;
      for (const p of back?.problems ?? []) this.error(p.row, p.message);
      const created = acc.created && timeOf(acc.created);
      if (!created) {
        // A time that could not be read was reported on its row already, as was an order of
        // returns alone.
        if (!acc.created && !acc.createdBad && acc.sold) {
          this.error(acc.firstRow, `Order ${acc.id} has no creation time.`);
        }
        continue;
      }
      let status = acc.status ?? { status: 'paid' as const, cancelled: false };
      if (back && back.refunded > 0 && status.status === 'paid') {
        status = { ...status, status: back.whole ? 'refunded' : 'partially_refunded' };
      }
      // The subtotal is the sale's; what came back is refunded from it.
      const lineSum = acc.lines.reduce((s, l) => s + l[2], 0);
      const src = acc.src;
      out.push({
        id: acc.id,
        t: created.t,
        off: created.off,
        status: status.status,
        cancelled: acc.cancelled || status.cancelled,
        // After discounts: an order-level discount column comes off a subtotal before it.
        sub: Math.max(0, Math.round(((acc.sub ?? lineSum) - Math.abs(acc.disc ?? 0)) * 100) / 100),
        // A refund some exports write as a negative amount (`-20.00`) is the same refund. One
        // written on the order and its returned lines may be the same money: the larger is read.
        refunded: Math.max(Math.abs(acc.refunded ?? 0), back?.refunded ?? 0),
        cur: acc.cur,
        lines: back?.lines ?? acc.lines,
        codes: acc.codes,
        links: [...acc.links],
        src,
        // Only an in-person sale has a POS location; an online order's "Location" is where it
        // ships from (told by its channel: see inPersonLocation).
        loc: inPersonLocation(src, acc.loc),
        local: acc.zip ? isLocalPostcode(acc.zip, this.opts.localPostcodes) : false,
        // The email where there is one (an events export's clicks are counted by email too).
        customer: acc.email || acc.customerId,
        firstRow: acc.firstRow,
      });
    }
    return {
      orders: out,
      problems: this.problems,
      testSkipped,
      rows: this.rows,
      dates,
    };
  }
}

/**
 * A row of units that came back: a negative quantity, or a negative line total (Square writes a
 * refunded item's Net Sales as -$45.00, its quantity either way).
 */
function isReturnRow(c: (f: OrderField) => string): boolean {
  if ((parseQuantity(c('quantity')) ?? 0) < 0) return true;
  return (parseAmount(c('lineTotal')) ?? 0) < 0;
}

/** The stored fact of a draft, with its customer's hash in place of their email or id. */
export function toOrderFact(d: DraftOrder, cust: string | null): OrderFact {
  return {
    id: d.id,
    t: d.t,
    off: d.off,
    status: d.status,
    cancelled: d.cancelled,
    sub: d.sub,
    refunded: d.refunded,
    cur: d.cur,
    lines: d.lines,
    codes: d.codes,
    links: d.links,
    src: d.src,
    loc: d.loc,
    local: d.local,
    cust,
  };
}
