import type * as Y from 'yjs';
import { z } from 'zod';
import { transactLocal } from '../../model/schema';
import { resultsRoot } from '../roots';
import { DATE_ORDERS, type DateOrder } from './slashDates';
import { withEtsyItemDiscount } from './etsyItems';
import { withSquareItemLines, withSquareItemNames } from './squareItems';
import { hasColumns, sameHeader } from './headerNames';

/** The fields an order import reads, and what each means. */
export const ORDER_FIELDS = {
  orderId: { label: 'Order id', required: true, hint: "The shop's order number (Shopify: Name)" },
  createdAt: { label: 'Created at', required: true, hint: 'When the order was placed' },
  createdTime: {
    label: 'Time of day',
    required: false,
    hint: 'When Created at is a date alone (Square: Time)',
  },
  timeZone: {
    label: 'Time zone',
    required: false,
    hint: "Of a time without an offset (else the workspace's)",
  },
  financialStatus: { label: 'Financial status', required: false, hint: 'paid, refunded, …' },
  cancelledAt: { label: 'Cancelled at', required: false, hint: 'Set when cancelled' },
  refundedAmount: { label: 'Refunded amount', required: false, hint: 'Money returned' },
  subtotal: { label: 'Subtotal', required: false, hint: 'Before shipping and tax' },
  orderDiscount: {
    label: 'Order discount',
    required: false,
    hint: 'Off a subtotal before discounts (not Shopify)',
  },
  currency: { label: 'Currency', required: false, hint: 'EUR, USD, …' },
  discountCode: { label: 'Discount code', required: false, hint: 'One or more, comma separated' },
  email: { label: 'Customer email', required: false, hint: 'Hashed on this machine, never kept' },
  customerId: {
    label: 'Customer id',
    required: false,
    hint: 'Without an email (Square: Customer ID); hashed, never kept',
  },
  sku: { label: 'Line SKU', required: false, hint: 'Product SKU of the line' },
  lineName: { label: 'Line name', required: false, hint: 'Used when a line has no SKU' },
  quantity: { label: 'Line quantity', required: true, hint: 'Units on the line' },
  price: { label: 'Line price', required: false, hint: 'Price per unit' },
  lineTotal: {
    label: 'Line total',
    required: false,
    hint: 'All its units, instead of a price per unit (Square: Net Sales)',
  },
  lineDiscount: { label: 'Line discount', required: false, hint: 'Discount on the line' },
  source: { label: 'Source', required: false, hint: 'web, pos, …' },
  location: { label: 'POS location', required: false, hint: 'Where an in-person sale happened' },
  shippingZip: {
    label: 'Shipping postcode',
    required: false,
    hint: 'Read for the local flag only',
  },
  tags: { label: 'Tags', required: false, hint: 'Orders tagged "test" are skipped' },
  noteAttributes: { label: 'Note attributes', required: false, hint: 'Tracking link traces' },
  landingSite: { label: 'Landing site / referrer', required: false, hint: 'Tracking link traces' },
} as const;
export type OrderField = keyof typeof ORDER_FIELDS;

/** The fields an interest-events import reads. */
export const EVENT_FIELDS = {
  email: { label: 'Customer email', required: true, hint: 'Hashed on this machine, never kept' },
  time: { label: 'Time', required: true, hint: 'When they clicked or added' },
  kind: { label: 'Event type', required: false, hint: 'click or wishlist (else the default)' },
  sku: { label: 'Product SKU', required: false, hint: 'The product it concerns' },
} as const;
export type EventField = keyof typeof EVENT_FIELDS;

export type Mapping<F extends string> = Partial<Record<F, string>>;

/** Known exports' column names, tried in order when guessing a mapping. */
const ORDER_ALIASES: Record<OrderField, string[]> = {
  // Shopify's order number is its `Name`, but elsewhere a column called Name is a product's
  // (WooCommerce's Advanced Order Export) or a customer's (a spreadsheet): a column that can only
  // be the order's is taken first. Read as the order id, every line of one product was one order,
  // and a customer's name was kept in the workspace.
  orderId: ['Order Number', 'Order ID', 'Order #', 'Order', 'Name'],
  createdAt: ['Created at', 'Order Date', 'Date Created', 'Sale Date', 'Paid at', 'Date'],
  // Square writes the order's date, time of day and zone in three columns.
  createdTime: ['Time', 'Order Time', 'Sale Time'],
  timeZone: ['Time Zone', 'Timezone'],
  financialStatus: ['Financial Status', 'Order Status', 'Payment Status', 'Status'],
  cancelledAt: ['Cancelled at', 'Canceled at', 'Cancelled Date'],
  refundedAmount: ['Refunded Amount', 'Amount Refunded', 'Order Refund Amount', 'Refund'],
  subtotal: ['Subtotal', 'Order Subtotal Amount', 'Order Subtotal', 'Net Sales'],
  // WooCommerce's and Squarespace's subtotals are before the order's coupons and discounts.
  orderDiscount: [
    'Cart Discount Amount',
    'Order Discount Amount',
    'Coupon Amount',
    'Discount Amount',
    'Discount Total',
  ],
  currency: ['Currency', 'Order Currency'],
  discountCode: [
    'Discount Code',
    'Coupon Code',
    'Coupons',
    'Coupon',
    'Discount Codes',
    'Promo Code',
    'Coupon(s)',
    'Coupons Used',
  ],
  email: ['Email', 'Billing Email Address', 'Email (Billing)', 'Customer Email', 'Billing Email'],
  // Square writes no email on an item line, but the customer the sale was linked to.
  customerId: ['Customer ID'],
  sku: ['Lineitem sku', 'SKU', 'Product SKU', 'Item SKU'],
  lineName: ['Lineitem name', 'Product Name', 'Item Name', 'Product'],
  quantity: ['Lineitem quantity', 'Quantity', 'Qty', 'Item Quantity'],
  price: ['Lineitem price', 'Item Cost', 'Product Price', 'Price', 'Unit Price'],
  // Only Square's item export is known to write a line's total alone (withSquareItemLines).
  lineTotal: [],
  lineDiscount: ['Lineitem discount', 'Item Discount', 'Line Discount'],
  source: ['Source', 'Channel', 'Created Via', 'Sales Channel'],
  location: ['Location', 'POS Location', 'Store', 'InPerson Location'],
  shippingZip: [
    'Shipping Zip',
    'Shipping Postcode',
    'Shipping Postal Code',
    'Shipping ZIP Code',
    'Postcode (Shipping)',
    'Ship Zipcode',
  ],
  tags: ['Tags', 'Order Tags'],
  noteAttributes: ['Note Attributes', 'Order Attributes', 'Custom Fields'],
  landingSite: ['Landing Site', 'Referring Site', 'Referrer', 'UTM Source', 'Landing Page'],
};

const EVENT_ALIASES: Record<EventField, string[]> = {
  email: ['Email', 'Email Address', 'Subscriber Email', 'Customer Email', 'Profile Email'],
  time: [
    'Timestamp',
    'Time',
    'Clicked At',
    'Click Time',
    'Date Added',
    'Added At',
    'Created at',
    'Date',
  ],
  // An email platform's export names each row's event under one of these (Klaviyo's metric,
  // Mailchimp's action: `open`, `click`). Left unread, every open counted as a click.
  kind: [
    'Event',
    'Event Type',
    'Event Name',
    'Metric',
    'Metric Name',
    'Action',
    'Type',
    'Activity',
    'Activity Type',
  ],
  sku: ['SKU', 'Product SKU', 'Variant SKU', 'Product ID', 'Item'],
};

function guess<F extends string>(headers: string[], aliases: Record<F, string[]>): Mapping<F> {
  // Names compared as layouts are (case and spaces ignored): `Lineitem  SKU ` is Lineitem sku.
  const byName = new Map(headers.map((h) => [sameHeader(h), h]));
  const out: Mapping<F> = {};
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const hit = byName.get(sameHeader(alias));
      if (hit !== undefined) {
        out[field] = hit;
        break;
      }
    }
  }
  return out;
}

/**
 * A mapping guessed from a file's headers (Shopify's, then common WooCommerce/Squarespace names;
 * Etsy's and Square's item exports told by their columns).
 */
export function guessOrderMapping(headers: string[]): Mapping<OrderField> {
  const mapping = guess(headers, ORDER_ALIASES);
  // Shopify's Subtotal is after discounts already; its Discount Amount must not come off twice.
  if (isShopifyOrderExport(headers)) delete mapping.orderDiscount;
  return withSquareItemNames(
    headers,
    withSquareItemLines(headers, withEtsyItemDiscount(headers, mapping)),
  );
}

export function guessEventMapping(headers: string[]): Mapping<EventField> {
  return guess(headers, EVENT_ALIASES);
}

/** Required fields the mapping leaves unmapped or maps to a column the file lacks. */
export function missingFields<F extends string>(
  mapping: Mapping<F>,
  headers: string[],
  fields: Record<F, { label: string; required: boolean }>,
): F[] {
  return (Object.keys(fields) as F[]).filter(
    (f) => fields[f].required && (!mapping[f] || !headers.includes(mapping[f]!)),
  );
}

/**
 * The saved mapping for a file with these headers: the workspace keeps one per kind of file
 * (identified by its header row, compared ignoring case and spaces), so a shop's export is
 * mapped once. Its columns are named as this file names them (`discount code` where the
 * mapping was saved from `Discount Code`). A field it does not have at all (saved before the
 * field existed: Time of day, Time zone, Customer id) is read as the guess reads it now, unless
 * the guess's column is one the mapping reads as another field; a field the person left
 * unmapped is saved as such ('') and stays so.
 */
export function savedMapping<F extends string>(
  doc: Y.Doc,
  kind: 'orders' | 'events',
  headers: string[],
): Mapping<F> | null {
  const settings = resultsRoot.settings(doc);
  // Mappings saved before inner spaces were ignored are found under the older key.
  const v =
    settings.get(`mapping:${kind}:${headerKey(headers)}`) ??
    settings.get(`mapping:${kind}:${headerKey(headers, trimmedLowerCase)}`);
  const r = z.record(z.string(), z.string()).safeParse(v);
  if (!r.success) return null;
  const byName = new Map(headers.map((h) => [sameHeader(h), h]));
  const out: Record<string, string> = {};
  for (const [field, column] of Object.entries(r.data)) {
    const here = column ? byName.get(sameHeader(column)) : undefined;
    if (here !== undefined) out[field] = here;
  }
  // Fields newer than the mapping, as the file's columns are guessed now: a mapping saved before
  // the Time of day and Time zone fields read every Square order at midnight.
  const guessed: Record<string, string | undefined> =
    kind === 'orders' ? guessOrderMapping(headers) : guessEventMapping(headers);
  const used = new Set(Object.values(out));
  for (const [field, column] of Object.entries(guessed)) {
    if (column === undefined || field in r.data || used.has(column)) continue;
    out[field] = column;
    used.add(column);
  }
  // Etsy and Square item exports mapped by an earlier version read an item's discount or Net
  // Sales as the order's.
  return (
    kind === 'orders' ? withSquareItemLines(headers, withEtsyItemDiscount(headers, out)) : out
  ) as Mapping<F>;
}

/** Saves a column mapping for files with these headers (one undoable step). */
export function saveMapping<F extends string>(
  doc: Y.Doc,
  kind: 'orders' | 'events',
  headers: string[],
  mapping: Mapping<F>,
): void {
  transactLocal(doc, () => writeMapping(doc, kind, headers, mapping));
}

/**
 * Writes a column mapping inside the caller's transaction (columns the file lacks are dropped).
 * Every field of its kind left unmapped is written as '' (the person left it so), so that a
 * field missing from a saved mapping is one that did not exist when it was saved.
 */
export function writeMapping<F extends string>(
  doc: Y.Doc,
  kind: 'orders' | 'events',
  headers: string[],
  mapping: Mapping<F>,
): void {
  const clean: Record<string, string> = {};
  for (const field of Object.keys(kind === 'orders' ? ORDER_FIELDS : EVENT_FIELDS)) {
    clean[field] = '';
  }
  for (const [k, v] of Object.entries(mapping)) {
    if (typeof v === 'string' && headers.includes(v)) clean[k] = v;
  }
  resultsRoot.settings(doc).set(`mapping:${kind}:${headerKey(headers)}`, clean);
}

/**
 * The order dates with slashes were read in for files with these headers (a shop writes them
 * one way), so its next export whose dates could be either is read the same way unasked.
 */
export function savedDateOrder(
  doc: Y.Doc,
  kind: 'orders' | 'events',
  headers: string[],
): DateOrder | null {
  const v = resultsRoot.settings(doc).get(`dates:${kind}:${headerKey(headers)}`);
  return DATE_ORDERS.find((o) => o === v) ?? null;
}

/** Remembers the order of dates with slashes for files with these headers (caller's transaction). */
export function writeDateOrder(
  doc: Y.Doc,
  kind: 'orders' | 'events',
  headers: string[],
  order: DateOrder,
): void {
  resultsRoot.settings(doc).set(`dates:${kind}:${headerKey(headers)}`, order);
}

/** The same mapping (the same field → column pairs), whatever the key order. */
export function sameMapping(a: Mapping<string> | null, b: Mapping<string> | null): boolean {
  if (!a || !b) return a === b;
  const ka = Object.keys(a).filter((k) => a[k]);
  const kb = Object.keys(b).filter((k) => b[k]);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

/**
 * A Shopify "Export orders" file, recognised by its own column names (nothing to map), compared
 * as the columns are guessed: ignoring case and spaces.
 */
export function isShopifyOrderExport(headers: string[]): boolean {
  return hasColumns(headers, ['Name', 'Created at', 'Lineitem quantity', 'Financial Status']);
}

const trimmedLowerCase = (name: string) => name.trim().toLowerCase();

// A short, stable name for a header row (FNV-1a of the joined names).
function headerKey(headers: string[], normalise = sameHeader): string {
  let h = 0x811c9dc5;
  for (const ch of headers.map(normalise).join('\u0001')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * Where each mapped field sits in a row read as an array of cells: the first column with the
 * mapped name, or -1 when the file has no such column.
 */
export function columnPositions<F extends string>(
  mapping: Mapping<F>,
  headers: readonly string[],
): Record<F, number> {
  const out = {} as Record<F, number>;
  for (const [field, column] of Object.entries(mapping) as [F, string | undefined][]) {
    out[field] = column === undefined ? -1 : headers.indexOf(column);
  }
  return out;
}
