// The results benchmark's data, built deterministically (a seeded generator, fixed dates): a
// workspace of 200 drops by 20 creators, and a Shopify "Export orders" CSV of 50,000 line items
// (about 20 MB) whose codes, links, SKUs and POS sales belong to those drops.
import { SHOPIFY_HEADERS, type FixtureOrder } from '../fixtures/results/shopifyExport';

export const DROPS = 200;
export const CREATORS = 20;
export const LINE_ITEMS = 50_000;
/** The first drop's launch day; one drop every two days after it. */
export const FIRST_DROP = Date.UTC(2025, 5, 2);
const DAY = 86_400_000;

export const creatorCode = (c: number) => `FAN${c + 1}`;
export const creatorLink = (c: number) => `https://saltmarsh.example/?ref=fan${c + 1}`;
export const dropSku = (d: number, k: number) => `D${d + 1}-${['SHIRT', 'KNIT'][k]}`;
export const dropDay = (d: number) => new Date(FIRST_DROP + d * 2 * DAY).toISOString().slice(0, 10);
export const POS_LOCATION = 'Harbour Pop-up';

/** A small seeded generator (mulberry32), so every run builds the same file. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
// A Shopify time written with an offset (+0200 in summer, +0100 in winter, like a Berlin shop).
function shopTime(ms: number): string {
  const d = new Date(ms);
  const summer = d.getUTCMonth() >= 3 && d.getUTCMonth() <= 9;
  const local = new Date(ms + (summer ? 2 : 1) * 3_600_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ` +
    (summer ? '+0200' : '+0100')
  );
}

const NOTES = [
  'Please wrap it as a gift, "thank you",\nand leave it at the door if nobody answers; the bell is broken, knock twice',
  'Ordered at the pop-up after the talk, "loved it".\nCollect on Saturday morning, or send it on with the next parcel to the studio',
  'Second order this month, size swap for the knit from the first one (too big, "oat" colour);\ncall before delivery',
  '',
];

const STATUSES = [
  'paid',
  'paid',
  'paid',
  'paid',
  'paid',
  'paid',
  'partially_refunded',
  'refunded',
  'pending',
  'voided',
];

/** The orders of the export: two line items each, placed in the days after a drop's launch. */
export function benchOrders(lineItems = LINE_ITEMS): FixtureOrder[] {
  const rnd = random(11);
  const orders: FixtureOrder[] = [];
  for (let i = 0; orders.length * 2 < lineItems; i++) {
    const d = Math.floor(rnd() * DROPS);
    const creator = d % CREATORS;
    const t = FIRST_DROP + d * 2 * DAY + Math.floor(rnd() * 20 * DAY);
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
    const a = 40 + Math.floor(rnd() * 80);
    const b = 20 + Math.floor(rnd() * 60);
    const touch = rnd();
    const pos = rnd() < 0.1;
    orders.push({
      name: `#${10_001 + i}`,
      email: `fan${Math.floor(rnd() * 9000)}@example.com`,
      status,
      created: shopTime(t),
      subtotal: a + b,
      discount: touch < 0.5 ? 10 : 0,
      code:
        touch < 0.45
          ? creatorCode(creator).toLowerCase()
          : touch < 0.5
            ? `${creatorCode(creator)}, WELCOME5`
            : '',
      noteAttributes:
        touch >= 0.5 && touch < 0.7
          ? `landing_site: ${creatorLink(creator)}&utm_medium=social\ngift: "no", thanks`
          : '',
      notes: NOTES[Math.floor(rnd() * NOTES.length)]!,
      source: pos ? 'pos' : 'web',
      location: pos ? POS_LOCATION : '',
      zip: rnd() < 0.2 ? '10115' : '80331',
      refunded: status === 'refunded' ? a + b : status === 'partially_refunded' ? b : 0,
      cancelledAt: status === 'voided' ? shopTime(t + 3_600_000) : '',
      lines: [
        { sku: dropSku(d, 0), name: `Drop ${d + 1} Shirt - M`, qty: 1, price: a },
        { sku: dropSku(d, 1), name: `Drop ${d + 1} Knit, "Oat"`, qty: 1 + (i % 2), price: b },
      ],
    });
  }
  return orders;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const COLUMN = new Map<string, number>(SHOPIFY_HEADERS.map((h, i) => [h, i]));
const money = (n: number) => n.toFixed(2);

// The rows of one order, as test/fixtures/results/shopifyExport.ts writes them (the first row
// carries the order-level fields, continuation rows only the line), placed by column index:
// building 70-key objects per row takes tens of seconds at 50,000 rows.
function orderLines(o: FixtureOrder, id: number): string[] {
  return o.lines.map((l, i) => {
    const cells: string[] = new Array<string>(SHOPIFY_HEADERS.length).fill('');
    const set = (h: (typeof SHOPIFY_HEADERS)[number], v: string) => {
      if (v) cells[COLUMN.get(h)!] = quote(v);
    };
    set('Name', o.name);
    set('Lineitem quantity', String(l.qty));
    set('Lineitem name', l.name);
    set('Lineitem price', money(l.price));
    set('Lineitem sku', l.sku);
    set('Lineitem requires shipping', 'true');
    set('Lineitem taxable', 'true');
    set('Lineitem fulfillment status', 'pending');
    set('Lineitem discount', '0.00');
    set('Vendor', 'Saltmarsh Studio');
    if (i === 0) {
      set('Email', o.email);
      set('Financial Status', o.status);
      set('Paid at', o.status === 'pending' ? '' : o.created);
      set('Fulfillment Status', 'unfulfilled');
      set('Accepts Marketing', 'yes');
      set('Currency', 'EUR');
      set('Subtotal', money(o.subtotal));
      set('Shipping', '4.90');
      set('Taxes', money(o.subtotal * 0.19));
      set('Total', money(o.subtotal + 4.9));
      set('Discount Code', o.code ?? '');
      set('Discount Amount', money(o.discount ?? 0));
      set('Shipping Method', o.source === 'pos' ? '' : 'Standard');
      set('Created at', o.created);
      set('Billing Name', 'Jo Example');
      set('Billing Street', '1 Harbour Road, Flat "B"');
      set('Billing City', 'Berlin');
      set('Billing Zip', o.zip ?? '');
      set('Billing Country', 'DE');
      set('Billing Phone', '+49 30 1234567');
      set('Shipping Name', 'Jo Example');
      set('Shipping Street', '1 Harbour Road');
      set('Shipping City', 'Berlin');
      set('Shipping Zip', o.zip ?? '');
      set('Shipping Country', 'DE');
      set('Notes', o.notes ?? '');
      set('Note Attributes', o.noteAttributes ?? '');
      set('Cancelled at', o.cancelledAt ?? '');
      set('Payment Method', 'Shopify Payments');
      set('Refunded Amount', money(o.refunded ?? 0));
      set('Outstanding Balance', '0.00');
      set('Location', o.location ?? '');
      set('Id', String(id));
      set('Tags', o.tags ?? '');
      set('Risk Level', 'Low');
      set('Source', o.source ?? 'web');
      set('Phone', '+49 170 0000000');
      // What a real export also carries (payment references, addresses, tax lines).
      set('Billing Address1', '1 Harbour Road');
      set('Shipping Address1', '1 Harbour Road');
      set('Billing Province Name', 'Berlin');
      set('Shipping Province Name', 'Berlin');
      set('Tax 1 Name', 'DE MwSt 19%');
      set('Tax 1 Value', money(o.subtotal * 0.19));
      set('Payment Reference', `c${id}.1`);
      set('Payment References', `c${id}.1`);
      set('Payment ID', `c${id}.1`);
    }
    return cells.join(',');
  });
}

/** The 50,000-line-item export as the shop writes it (BOM, CRLF, quoted multi-line notes). */
export function benchCsv(lineItems = LINE_ITEMS): string {
  const parts = [`\uFEFF${SHOPIFY_HEADERS.join(',')}`];
  benchOrders(lineItems).forEach((o, i) => parts.push(...orderLines(o, 5_000_000_001 + i)));
  return `${parts.join('\r\n')}\r\n`;
}
