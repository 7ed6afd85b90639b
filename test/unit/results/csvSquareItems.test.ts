import { describe, expect, it } from 'vitest';
import {
  applyOrderPlan,
  ensureCustomerSalt,
  guessOrderMapping,
  hashCustomer,
  hashOrders,
  inPersonLocation,
  planOrderImport,
  readOrders,
  readOrdersCsv,
  readResults,
} from '../../../shared/results';
import { importOrders, scenarioDoc, TZ } from './scenario';

// Square's "Items" export (Reports → Item sales → Export → Items detail): one row per item
// line, its Net Sales the line's, Discounts written negative, amounts with "$" and thousands
// separators, Qty written as `1.0`, and an item refunded as a row of its own (Event Type
// Refund) under the transaction it came from.
const HEADERS = [
  'Date',
  'Time',
  'Time Zone',
  'Category',
  'Item',
  'Qty',
  'Price Point Name',
  'SKU',
  'Modifiers Applied',
  'Gross Sales',
  'Discounts',
  'Net Sales',
  'Tax',
  'Transaction ID',
  'Payment ID',
  'Device Name',
  'Notes',
  'Details',
  'Event Type',
  'Location',
  'Dining Option',
  'Customer ID',
  'Customer Name',
  'Customer Reference ID',
  'Unit',
  'Count',
  'Itemization Type',
  'Fulfillment Note',
  'Channel',
  'Token',
  'Card Brand',
  'PAN Suffix',
] as const;
type Column = (typeof HEADERS)[number];

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

interface Line {
  date: string;
  time: string;
  tx: string;
  item: string;
  qty: string;
  sku?: string;
  gross: string;
  discounts?: string;
  net: string;
  event?: 'Payment' | 'Refund';
  /** Square's Channel: the seller's location for an in-person sale (the default), else its own. */
  channel?: string;
  /** Square's Customer ID (the default: one per transaction); '' for a sale with none. */
  customer?: string;
}

const ZONE = 'Pacific Time (US & Canada)';
const STALL = 'Harbor Stall';

function row(l: Line): string {
  const v: Partial<Record<Column, string>> = {
    Date: l.date,
    Time: l.time,
    'Time Zone': ZONE,
    Category: 'Apparel',
    Item: l.item,
    Qty: l.qty,
    'Price Point Name': 'Regular',
    SKU: l.sku ?? '',
    'Gross Sales': l.gross,
    Discounts: l.discounts ?? '$0.00',
    'Net Sales': l.net,
    Tax: '$0.00',
    'Transaction ID': l.tx,
    'Payment ID': `P${l.tx}`,
    'Device Name': 'Square Terminal 2274',
    Details: `https://app.squareup.com/dashboard/sales/transactions/${l.tx}`,
    'Event Type': l.event ?? 'Payment',
    Location: STALL,
    'Customer ID': l.customer ?? `C${l.tx}`,
    Unit: 'ea',
    Count: l.qty,
    'Itemization Type': 'Physical Good',
    // Square writes the seller's location as an in-person sale's channel.
    Channel: l.channel ?? STALL,
    Token: 'Y36H4C6V4YFFYACS3RIEFARY',
    'Card Brand': 'Visa',
    'PAN Suffix': '7084',
  };
  return HEADERS.map((h) => quote(v[h] ?? '')).join(',');
}

const squareCsv = (lines: Line[]) => [HEADERS.join(','), ...lines.map(row), ''].join('\r\n');

// Two transactions at the pop-up, newest first as Square lists them: one with a discounted
// shirt, a scarf and a tote with no SKU; one with a coat over a thousand dollars.
const SALES: Line[] = [
  {
    date: '2026-03-11',
    time: '09:15:00',
    tx: 'T2bX9',
    item: 'Cashmere Coat',
    qty: '1.0',
    sku: 'CC-1',
    gross: '$1,250.00',
    discounts: '-$125.00',
    net: '$1,125.00',
  },
  {
    date: '2026-03-11',
    time: '09:15:00',
    tx: 'T2bX9',
    item: 'Linen Shirt',
    qty: '1.0',
    sku: 'LS-M',
    gross: '$60.00',
    net: '$60.00',
  },
  {
    date: '2026-03-10',
    time: '13:45:12',
    tx: 'T1aQ4',
    item: 'Linen Shirt',
    qty: '2.0',
    sku: 'LS-M',
    gross: '$120.00',
    discounts: '-$12.00',
    net: '$108.00',
  },
  {
    date: '2026-03-10',
    time: '13:45:12',
    tx: 'T1aQ4',
    item: 'Silk Scarf',
    qty: '1.0',
    sku: 'SC-1',
    gross: '$40.00',
    net: '$40.00',
  },
  {
    date: '2026-03-10',
    time: '13:45:12',
    tx: 'T1aQ4',
    item: 'Canvas Tote',
    qty: '1.0',
    gross: '$25.00',
    net: '$25.00',
  },
];

const headers = [...HEADERS];
const read = (csv: string) =>
  readOrdersCsv(csv, {
    timeZone: TZ,
    localPostcodes: [],
    mapping: { ...guessOrderMapping(headers), orderId: 'Transaction ID', lineName: 'Item' },
  });

describe("Square's item export", () => {
  it('reads its quantities written as 1.0', () => {
    const r = read(squareCsv(SALES));
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => o.lines.map(([, qty]) => qty))).toEqual([
      [1, 1],
      [2, 1, 1],
    ]);
  });
});

describe("Square's item export: each line's Net Sales", () => {
  it("is the line's amount, and an order's subtotal the sum of its lines", () => {
    expect(guessOrderMapping(headers)).toMatchObject({ lineTotal: 'Net Sales' });
    expect(guessOrderMapping(headers)).not.toHaveProperty('subtotal');
    const r = read(squareCsv(SALES));
    expect(r.errors).toEqual([]);
    const byId = Object.fromEntries(r.records.map((o) => [o.id, o]));
    // Read as the order's subtotal, the first item's Net Sales was the whole order's (108.00).
    expect(byId['T1aQ4']).toMatchObject({
      t: Date.parse('2026-03-10T20:45:12Z'),
      off: -420,
      sub: 173,
      lines: [
        ['LS-M', 2, 108],
        ['SC-1', 1, 40],
        ['CANVAS TOTE', 1, 25],
      ],
      status: 'paid',
      refunded: 0,
    });
    expect(byId['T2bX9']).toMatchObject({
      t: Date.parse('2026-03-11T16:15:00Z'),
      sub: 1185,
      lines: [
        ['CC-1', 1, 1125],
        ['LS-M', 1, 60],
      ],
    });
  });

  it('reads the same from Gross Sales less its Discounts, written negative', () => {
    const r = readOrdersCsv(squareCsv(SALES), {
      timeZone: TZ,
      localPostcodes: [],
      mapping: {
        ...guessOrderMapping(headers),
        orderId: 'Transaction ID',
        lineName: 'Item',
        lineTotal: 'Gross Sales',
        lineDiscount: 'Discounts',
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => o.sub)).toEqual([1185, 173]);
    expect(r.records[0]!.lines[0]).toEqual(['CC-1', 1, 1125]);
  });

  it('leaves a Net Sales column in other files read as the order subtotal', () => {
    // Square's transactions export, one row per payment: there Net Sales is the order's.
    const r = readOrdersCsv(
      [
        'Order Number,Date,Qty,SKU,Net Sales',
        '1,2026-03-10 10:00,1,LS-M,$55.00',
        '1,2026-03-10 10:00,1,SC-1,',
        '',
      ].join('\n'),
      { timeZone: TZ, localPostcodes: [] },
    );
    expect(r.mapping).toMatchObject({ subtotal: 'Net Sales' });
    expect(r.records[0]).toMatchObject({ sub: 55 });
  });
});

describe("Square's item export: its columns", () => {
  it('are guessed, its Transaction ID the order id and its Item the name of a line without SKU', () => {
    expect(guessOrderMapping(headers)).toMatchObject({
      orderId: 'Transaction ID',
      createdAt: 'Date',
      createdTime: 'Time',
      timeZone: 'Time Zone',
      quantity: 'Qty',
      sku: 'SKU',
      lineName: 'Item',
      lineTotal: 'Net Sales',
      location: 'Location',
      source: 'Channel',
    });
    // Read with nothing chosen by hand.
    const r = readOrdersCsv(squareCsv(SALES), { timeZone: TZ, localPostcodes: [] });
    expect(r.missing).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => [o.id, o.sub, o.loc, o.src, o.lines.map(([sku]) => sku)])).toEqual([
      ['T2bX9', 1185, STALL, 'harbor stall', ['CC-1', 'LS-M']],
      ['T1aQ4', 173, STALL, 'harbor stall', ['LS-M', 'SC-1', 'CANVAS TOTE']],
    ]);
  });

  it('leaves other files with a Transaction ID or an Item column as they were guessed', () => {
    expect(
      guessOrderMapping(['Order Date', 'Transaction ID', 'Item', 'Quantity', 'Price']),
    ).not.toHaveProperty('orderId');
    expect(
      guessOrderMapping(['Order Number', 'Order Date', 'Item', 'Quantity', 'Price']),
    ).not.toHaveProperty('lineName');
  });
});

describe("Square's item export: an item refunded (Event Type Refund)", () => {
  // Newest first, as Square lists them: the refunds come before the sales they refund.
  const REFUNDS: Line[] = [
    // One of the two discounted shirts of T1aQ4 came back.
    {
      date: '2026-03-12',
      time: '10:00:00',
      tx: 'T1aQ4',
      item: 'Linen Shirt',
      qty: '-1.0',
      sku: 'LS-M',
      gross: '-$60.00',
      discounts: '$6.00',
      net: '-$54.00',
      event: 'Refund',
    },
    // Of two shirts sold on two lines, the one sold at a discount came back.
    {
      date: '2026-03-12',
      time: '11:30:00',
      tx: 'T3cR7',
      item: 'Linen Shirt',
      qty: '-1.0',
      sku: 'LS-M',
      gross: '-$60.00',
      discounts: '$15.00',
      net: '-$45.00',
      event: 'Refund',
    },
    // A refund whose quantity is written as sold, its amounts negative.
    {
      date: '2026-03-12',
      time: '12:00:00',
      tx: 'T4dS2',
      item: 'Silk Scarf',
      qty: '1.0',
      sku: 'SC-1',
      gross: '-$40.00',
      net: '-$40.00',
      event: 'Refund',
    },
  ];
  const MORE_SALES: Line[] = [
    {
      date: '2026-03-11',
      time: '17:20:00',
      tx: 'T4dS2',
      item: 'Silk Scarf',
      qty: '1.0',
      sku: 'SC-1',
      gross: '$40.00',
      net: '$40.00',
    },
    {
      date: '2026-03-11',
      time: '16:05:00',
      tx: 'T3cR7',
      item: 'Linen Shirt',
      qty: '1.0',
      sku: 'LS-M',
      gross: '$60.00',
      net: '$60.00',
    },
    {
      date: '2026-03-11',
      time: '16:05:00',
      tx: 'T3cR7',
      item: 'Linen Shirt',
      qty: '1.0',
      sku: 'LS-M',
      gross: '$60.00',
      discounts: '-$15.00',
      net: '$45.00',
    },
  ];

  it("is a return of its transaction, refunding the row's own Net Sales", () => {
    const r = readOrdersCsv(squareCsv([...REFUNDS, ...MORE_SALES, ...SALES]), {
      timeZone: TZ,
      localPostcodes: [],
    });
    expect(r.errors).toEqual([]);
    const byId = Object.fromEntries(r.records.map((o) => [o.id, o]));
    // The order keeps its sale's time and place, not the refund's.
    expect(byId['T1aQ4']).toMatchObject({
      t: Date.parse('2026-03-10T20:45:12Z'),
      off: -420,
      loc: STALL,
      status: 'partially_refunded',
      sub: 173,
      refunded: 54,
      lines: [
        ['LS-M', 1, 54],
        ['SC-1', 1, 40],
        ['CANVAS TOTE', 1, 25],
      ],
    });
    // Refunded what that line sold for (45.00), not the first shirt's price (60.00).
    expect(byId['T3cR7']).toMatchObject({
      t: Date.parse('2026-03-11T23:05:00Z'),
      status: 'partially_refunded',
      sub: 105,
      refunded: 45,
    });
    expect(byId['T3cR7']!.lines.reduce((n, l) => n + l[1], 0)).toBe(1);
    // Read as a sale of -40.00, it was a second scarf sold and nothing refunded.
    expect(byId['T4dS2']).toMatchObject({
      t: Date.parse('2026-03-12T00:20:00Z'),
      status: 'refunded',
      sub: 40,
      refunded: 40,
      lines: [],
    });
    expect(byId['T2bX9']).toMatchObject({ status: 'paid', refunded: 0, sub: 1185 });
  });
});

describe("Square's item export: online and in-person sales", () => {
  // The scenario's Harbor Linen drop (HL-SHIRT, HL-TROUSER; launched 2026-03-27 18:00 Berlin,
  // its pop-up at Harbor Stall) sold in its 72 hours through Square's every channel. Square
  // writes a location on every row, an online sale's too (the location that fulfils it), and
  // the seller's location as an in-person sale's Channel.
  const sale = (tx: string, channel: string, sku: string, qty: number): Line => ({
    date: '2026-03-28',
    time: '10:00:00',
    tx,
    item: sku === 'HL-SHIRT' ? 'Harbor Shirt' : 'Harbor Trouser',
    qty: `${qty}.0`,
    sku,
    gross: `$${qty * 60}.00`,
    net: `$${qty * 60}.00`,
    channel,
  });
  const CHANNELS: Line[] = [
    sale('T10', STALL, 'HL-SHIRT', 2),
    sale('T11', 'Point of Sale', 'HL-SHIRT', 1),
    sale('T12', 'Square Online', 'HL-SHIRT', 3),
    sale('T13', 'Instagram', 'HL-TROUSER', 1),
    sale('T14', 'Online Store', 'HL-TROUSER', 1),
  ];

  it('keeps the location of an in-person sale only, told by its Channel', () => {
    const r = readOrdersCsv(squareCsv(CHANNELS), { timeZone: TZ, localPostcodes: [] });
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => [o.id, o.src, o.loc])).toEqual([
      ['T10', 'harbor stall', STALL],
      ['T11', 'point of sale', STALL],
      ['T12', 'square online', ''],
      ['T13', 'instagram', ''],
      ['T14', 'online store', ''],
    ]);
  });

  it("reads other shops' channels the same way", () => {
    // Shopify: a POS sale keeps its location; a web order's, or a draft order's, is where it ships from.
    expect(inPersonLocation('pos', STALL)).toBe(STALL);
    expect(inPersonLocation('web', 'Warehouse')).toBe('');
    expect(inPersonLocation('shopify_draft_order', 'Warehouse')).toBe('');
    // A file with no channel (Etsy's InPerson Location): the location is where it was sold.
    expect(inPersonLocation('', 'Brooklyn Flea')).toBe('Brooklyn Flea');
    expect(inPersonLocation('Point_of_Sale', STALL)).toBe(STALL);
    expect(inPersonLocation('square online', '')).toBe('');
  });

  it("counts only the in-person units as the pop-up's local sell-through", async () => {
    const { doc, a } = scenarioDoc();
    await importOrders(doc, squareCsv(CHANNELS), 'items-2026-03-28-2026-03-28.csv');
    // Read with every row's Location, the 5 units sold online counted as local too: 8 units, 40 %.
    expect(readResults(doc).get(a)!.sellThrough).toMatchObject({ units: 3, pctOfStock: 15 });
  });

  it("reads orders imported by an earlier version, with an online sale's location, the same way", async () => {
    const { doc, a } = scenarioDoc();
    const read = readOrdersCsv(squareCsv(CHANNELS), { timeZone: TZ, localPostcodes: [] });
    // Stored as an earlier version stored them: every order with its Location.
    const facts = (await hashOrders(read.records, ensureCustomerSalt(doc))).map((f) => ({
      ...f,
      loc: STALL,
    }));
    const plan = await planOrderImport(doc, facts, { pause: () => Promise.resolve() });
    applyOrderPlan(doc, plan, { file: 'items.csv', by: 'Mara', rows: 5, testSkipped: 0 });
    expect(readResults(doc).get(a)!.sellThrough).toMatchObject({ units: 3, pctOfStock: 15 });
  });
});

describe("Square's item export: its Customer ID", () => {
  // Square writes no email on an item line, but the customer a sale was linked to: the same
  // Customer ID on each of their transactions, none for a sale linked to no one.
  const bought = (tx: string, customer: string): Line => ({
    date: '2026-03-10',
    time: '13:45:12',
    tx,
    item: 'Linen Shirt',
    qty: '1.0',
    sku: 'LS-M',
    gross: '$60.00',
    net: '$60.00',
    customer,
  });
  const SALES_TO: Line[] = [
    bought('T1aQ4', 'GTY7JAA901CPDHWN4M3900J27W'),
    bought('T2bX9', 'V83KD7434F6TSWH9VEVNHFKCRR'),
    bought('T3cR7', 'GTY7JAA901CPDHWN4M3900J27W'),
    bought('T4dS2', ''),
  ];

  it('is the customer, hashed as an email is, when there is no email', async () => {
    const { doc } = scenarioDoc();
    await importOrders(doc, squareCsv(SALES_TO), 'items-2026-03-10-2026-03-10.csv');
    const cust = Object.fromEntries(readOrders(doc).map((o) => [o.id, o.cust]));
    // Read with no email, every order's customer was none: no customer to count.
    expect(cust['T1aQ4']).toMatch(/^[0-9a-f]{16}$/);
    expect(cust['T3cR7']).toBe(cust['T1aQ4']);
    expect(cust['T2bX9']).toMatch(/^[0-9a-f]{16}$/);
    expect(cust['T2bX9']).not.toBe(cust['T1aQ4']);
    expect(cust['T4dS2']).toBeNull();
    // Two customers in four sales, one of them back for a second.
    const orders = readOrders(doc).filter((o) => o.cust);
    expect(new Set(orders.map((o) => o.cust)).size).toBe(2);
    // Salted with the workspace's salt like an email, and kept no more than an email is.
    expect(cust['T1aQ4']).toBe(
      await hashCustomer(ensureCustomerSalt(doc), 'GTY7JAA901CPDHWN4M3900J27W'),
    );
    const stored = JSON.stringify(doc.toJSON());
    expect(stored).not.toMatch(/GTY7JAA901CPDHWN4M3900J27W|V83KD7434F6TSWH9VEVNHFKCRR/i);
    expect(guessOrderMapping(headers)).toMatchObject({ customerId: 'Customer ID' });
  });

  it("leaves an order's email its customer, where a file has both", () => {
    const r = readOrdersCsv(
      [
        'Order Number,Date,Qty,SKU,Email,Customer ID',
        '1,2026-03-10 10:00,1,LS-M,Mia@Example.com,C-17',
        '2,2026-03-10 11:00,1,LS-M,,C-17',
        '',
      ].join('\n'),
      { timeZone: TZ, localPostcodes: [] },
    );
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => o.customer)).toEqual(['Mia@Example.com', 'C-17']);
  });
});
