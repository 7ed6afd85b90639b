import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CsvRowFeed,
  exportDelimiter,
  extractLinkTokens,
  guessOrderMapping,
  isLocalPostcode,
  isShopifyOrderExport,
  netRevenue,
  normaliseStatus,
  OrderRowReader,
  parseAmount,
  parseShopTime,
  readEventsCsv,
  readOrdersCsv,
  trackingLinkTokens,
} from '../../../shared/results';
import { SHOPIFY_HEADERS } from '../../fixtures/results/shopifyExport';
import {
  ETSY_SOLD_ORDER_ITEMS_CSV,
  EXCEL_EU_SHOPIFY_CSV,
} from '../../fixtures/results/spreadsheetExports';
import { SCENARIO_CSV, TZ } from './scenario';

const read = (csv: string) =>
  readOrdersCsv(csv, { timeZone: TZ, localPostcodes: ['10115', '102*'] });

describe('reading a Shopify "Export orders" CSV', () => {
  it('groups line-item rows into orders, skips test orders, keeps every quirk', () => {
    const r = read(SCENARIO_CSV);
    expect(r.errors).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.testSkipped).toBe(1);
    expect(r.records.map((o) => o.id)).not.toContain('#1007');
    expect(r.records).toHaveLength(15);
    const o1 = r.records.find((o) => o.id === '#1001')!;
    expect(o1.lines).toEqual([
      ['HL-SHIRT', 2, 120],
      ['HL-TROUSER', 1, 80],
    ]);
    expect(o1).toMatchObject({
      codes: ['ANA10'],
      sub: 180,
      local: true,
      status: 'paid',
      cur: 'EUR',
    });
    expect(o1.t).toBe(Date.parse('2026-03-27T18:30:00Z'));
    const o3 = r.records.find((o) => o.id === '#1003')!;
    expect(o3.codes).toEqual(['LEO15', 'ANA10']);
    expect(o3.t).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(o3.off).toBe(120);
    const o2 = r.records.find((o) => o.id === '#1002')!;
    expect(o2).toMatchObject({ src: 'pos', loc: 'Harbor Stall', local: false });
    expect(r.records.find((o) => o.id === '#1006')).toMatchObject({
      cancelled: true,
      status: 'voided',
    });
    expect(r.records.find((o) => o.id === '#1005')).toMatchObject({
      refunded: 50,
      status: 'partially_refunded',
    });
    expect(r.records.find((o) => o.id === '#1008')!.links).toEqual(
      expect.arrayContaining(['ref=ana', 'instagram.com']),
    );
    expect(r.records.find((o) => o.id === '#1010')!.links).toEqual(['ref=ana']);
  });

  it('reads the same orders from LF line ends and without a BOM', () => {
    const lf = read(SCENARIO_CSV.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
    expect(lf.errors).toEqual([]);
    expect(lf.records).toEqual(read(SCENARIO_CSV).records);
  });

  // One row of the scenario's header, its cells named.
  const scenarioHeader = SCENARIO_CSV.split('\r\n')[0]!;
  const header = scenarioHeader.replace(/^\uFEFF/, '').split(',');
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',');

  it('a bad file lists each bad row with its reason (rows numbered as a spreadsheet does)', () => {
    const lines = SCENARIO_CSV.split('\r\n');
    const col = (name: string) => header.indexOf(name);
    const bad = [
      lines[0],
      row({
        Name: '#2001',
        'Created at': 'yesterday',
        'Lineitem quantity': '1',
        'Lineitem sku': 'X',
      }),
      row({
        Name: '#2002',
        'Created at': '2026-04-05 21:06:21 +0400',
        'Lineitem quantity': 'two',
        'Lineitem sku': 'X',
      }),
      row({
        Name: '#2003',
        'Created at': '2026-04-05 21:06:21 +0400',
        'Financial Status': 'maybe',
        'Lineitem quantity': '1',
      }),
      row({ Name: '', 'Lineitem quantity': '1' }),
      '',
    ].join('\r\n');
    expect(col('Name')).toBe(0);
    const r = read(bad);
    expect(r.errors).toEqual([
      { row: 2, message: '"yesterday" is not a time (expected like 2026-04-05 21:06:21 +0400).' },
      { row: 3, message: 'Quantity "two" is not a whole number of units.' },
      { row: 4, message: 'Unknown financial status "maybe".' },
      { row: 5, message: 'No order id.' },
    ]);
    expect(r.errorRows).toBe(4);
  });

  it("checks the order's values on its continuation rows too", () => {
    const lines = [
      scenarioHeader,
      row({
        Name: '#2001',
        'Created at': '2026-04-05 21:06:21 +0400',
        'Financial Status': 'paid',
        Subtotal: '64.00',
        'Lineitem quantity': '1',
        'Lineitem sku': 'A',
      }),
      // A continuation row of the same order whose order-level cells are filled in wrongly.
      row({
        Name: '#2001',
        'Created at': 'yesterday',
        'Financial Status': 'bogus',
        Subtotal: 'abc',
        'Lineitem quantity': '1',
        'Lineitem sku': 'B',
      }),
      '',
    ].join('\r\n');
    const r = read(lines);
    expect(r.errors.map((e) => e.row)).toEqual([3, 3, 3]);
    expect(r.errors.map((e) => e.message).join(' ')).toMatch(/yesterday.*bogus.*abc/);
    // Three problems, one row: the report counts rows.
    expect(r.errorCount).toBe(3);
    expect(r.errorRows).toBe(1);
  });

  it('an unclosed quote is reported with its row', () => {
    const lines = SCENARIO_CSV.split('\r\n');
    const broken = [lines[0], lines[1], '#9,"unclosed,paid', ''].join('\r\n');
    const r = read(broken);
    // The header is row 1: the broken line is row 3 (it was reported as row 4).
    expect(r.errors).toContainEqual({
      row: 3,
      message: 'A quoted value is not closed (a " is missing).',
    });
  });

  it('a row with more values than the header has columns is reported at its row', () => {
    const lines = SCENARIO_CSV.split('\r\n');
    const r = read([lines[0], lines[1], `${lines[2]},extra`, ''].join('\r\n'));
    expect(r.errors).toContainEqual({
      row: 3,
      message: 'More values than the header has columns.',
    });
  });

  it('reads a file streamed in chunks (as the import worker does) exactly like the whole text', () => {
    const whole = read(SCENARIO_CSV);
    // Papaparse tells CRLF from LF in its first chunk, so every chunk holds the header row.
    const header = SCENARIO_CSV.indexOf('\r\n') + 2;
    for (const chunkSize of [header, header + 333, 4096]) {
      let reader: OrderRowReader | null = null;
      const feed = new CsvRowFeed((headers) => {
        reader = new OrderRowReader(guessOrderMapping(headers), headers, {
          timeZone: TZ,
          localPostcodes: ['10115', '102*'],
        });
        return reader;
      });
      let chunks = 0;
      // A BOM stays on the first header when a file is streamed; the feed drops it.
      Papa.parse<string[]>(`\uFEFF${SCENARIO_CSV}`, {
        chunkSize,
        chunk: (res: Papa.ParseResult<string[]>) => {
          chunks++;
          feed.add(res.data, res.errors);
        },
        complete: () => undefined,
      });
      expect(chunks).toBeGreaterThan(1);
      expect(feed.headers).toEqual(whole.headers);
      expect(feed.rows).toBe(whole.rows);
      const r = (reader as OrderRowReader | null)!.finish();
      expect(r.problems.listed).toEqual([]);
      expect(r.orders).toEqual(whole.records);
    }
  });

  it('reads an export saved by a European spreadsheet: semicolons, decimal commas, a last line end', () => {
    // papaparse's own guess of the separator, over the first rows, took the decimal commas for
    // it when the file ended with a line end, and read the whole header row as one column.
    const r = read(EXCEL_EU_SHOPIFY_CSV);
    expect(r.missing).toEqual([]);
    expect(r.headers).toHaveLength(SHOPIFY_HEADERS.length);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({
      id: '#1001',
      sub: 1240,
      codes: ['MIA10'],
      lines: [
        ['LS-M', 1, 1205],
        ['SC-1', 1, 45],
      ],
      local: true,
      t: Date.parse('2026-03-10T13:02:00Z'),
    });
    expect(r.records[1]).toMatchObject({
      id: '#1002',
      sub: 45,
      refunded: 45,
      status: 'refunded',
      lines: [['LS-S', 2, 45]],
      t: Date.parse('2026-03-10T14:00:00Z'),
    });
    // Without the last line end, and with tabs instead of semicolons, the same orders.
    expect(read(EXCEL_EU_SHOPIFY_CSV.trimEnd()).records).toEqual(r.records);
    expect(read(EXCEL_EU_SHOPIFY_CSV.replace(/;/g, '\t')).records).toEqual(r.records);
  });

  it('reads the separator from the header row alone', () => {
    expect(exportDelimiter('Name;Email;Subtotal\r\n#1;a@b;1,50\r\n')).toBe(';');
    expect(exportDelimiter('Name,Email,Subtotal\n#1,a@b,"1,50"\n')).toBe(',');
    expect(exportDelimiter('Name\tEmail\tSubtotal\n')).toBe('\t');
    // A separator inside a quoted column name does not count.
    expect(exportDelimiter('"Coupon; code",Name,Email\n')).toBe(',');
    expect(exportDelimiter('Name\n#1\n')).toBe(',');
    expect(exportDelimiter('')).toBe(',');
  });

  it('reports missing required columns instead of reading nothing', () => {
    const r = read('Order,When\r\n1,2026-01-01\r\n');
    expect(r.missing).toEqual(expect.arrayContaining(['createdAt', 'quantity']));
  });
});

describe('times, amounts, statuses, links, postcodes', () => {
  it('honours any offset, and reads times without one in the workspace zone across DST', () => {
    expect(parseShopTime('2026-04-05 21:06:21 +0400', TZ)).toEqual({
      t: Date.parse('2026-04-05T17:06:21Z'),
      off: 240,
    });
    expect(parseShopTime('2026-03-08 01:59:00 -0800', TZ)!.t).toBe(
      Date.parse('2026-03-08T09:59:00Z'),
    );
    expect(parseShopTime('2026-03-08T03:00:00-07:00', TZ)!.t).toBe(
      Date.parse('2026-03-08T10:00:00Z'),
    );
    expect(parseShopTime('2026-04-05T17:06:21Z', TZ)!.off).toBe(0);
    // No offset: Berlin, winter (+1) then summer (+2).
    expect(parseShopTime('2026-03-28 12:00', TZ)).toEqual({
      t: Date.parse('2026-03-28T11:00:00Z'),
      off: 60,
    });
    expect(parseShopTime('2026-03-30 12:00:00', TZ)).toEqual({
      t: Date.parse('2026-03-30T10:00:00Z'),
      off: 120,
    });
    expect(parseShopTime('2026-02-30 12:00', TZ)).toBeNull();
    expect(parseShopTime('05/04/2026', TZ)).toBeNull();
    // Day first with dots (a German spreadsheet) is unambiguous.
    expect(parseShopTime('05.04.2026 21:06', TZ)!.t).toBe(Date.parse('2026-04-05T19:06:00Z'));
    expect(parseShopTime('5.4.2026', TZ)!.t).toBe(Date.parse('2026-04-04T22:00:00Z'));
    expect(parseShopTime('31.02.2026', TZ)).toBeNull();
  });

  it('reads a time without an offset in the hours a clock change repeats or skips, the same way in every zone', () => {
    const at = (raw: string, tz: string) => new Date(parseShopTime(raw, tz)!.t).toISOString();
    // Clocks go back: the hour that happens twice is read as its first time (summer time).
    expect(at('2026-10-25 02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-11-01 01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    // Clocks go forward: a skipped time is read with the offset before the change.
    expect(at('2026-03-29 02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-03-08 02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // Either side of the changes, the one reading there is.
    expect(at('2026-10-25 03:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000Z');
    expect(at('2026-03-08 03:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(at('2026-06-01 12:00', 'Asia/Kolkata')).toBe('2026-06-01T06:30:00.000Z');
  });

  it('reads amounts as shops and spreadsheets write them', () => {
    expect(parseAmount('123.45')).toBe(123.45);
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('€ 12,00')).toBe(12);
    expect(parseAmount('(5.00)')).toBe(-5);
    expect(parseAmount('')).toBeNull();
    expect(Number.isNaN(parseAmount('abc'))).toBe(true);
    expect(parseAmount('12.00 EUR')).toBe(12);
    expect(parseAmount('USD 1,080.00')).toBe(1080);
    expect(parseAmount('-€5')).toBe(-5);
    expect(parseAmount('1\u202f234,50 €')).toBe(1234.5);
    // One kind of separator grouping by three is thousands, dots or commas alike.
    expect(parseAmount('1,234')).toBe(1234);
    expect(parseAmount('1.234')).toBe(1234);
    expect(parseAmount('12.345.678')).toBe(12345678);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('0.125')).toBe(0.13);
    expect(parseAmount('1.5')).toBe(1.5);
    expect(parseAmount('1.2.3')).toBeNaN();
  });

  it('refuses an amount with anything but digits, separators and one currency mark', () => {
    // Letters for digits, scientific notation, a stray word: each a row error, not a number.
    for (const bad of ['64.OO', '1O0.00', '12abc', '1e3', '12 ABC', '€5 EUR', '--5', '5 5x']) {
      expect(parseAmount(bad), bad).toBeNaN();
    }
  });

  it("knows every Shopify financial status and other shops' words", () => {
    for (const s of ['paid', 'pending', 'refunded', 'partially_refunded', 'voided', 'authorized']) {
      expect(normaliseStatus(s)?.status).toBe(s);
    }
    expect(normaliseStatus('Completed')).toEqual({ status: 'paid', cancelled: false });
    expect(normaliseStatus('Cancelled')).toEqual({ status: 'voided', cancelled: true });
    expect(normaliseStatus('on-hold')?.status).toBe('pending');
    // WooCommerce's own labels.
    expect(normaliseStatus('Pending payment')?.status).toBe('pending');
    expect(normaliseStatus('On hold')?.status).toBe('pending');
    expect(normaliseStatus('checkout-draft')?.status).toBe('voided');
    // Shopify's "expired": the authorization ran out, nothing was paid; it never counts.
    expect(normaliseStatus('expired')).toEqual({ status: 'voided', cancelled: false });
  });

  it("knows BigCommerce's order statuses and WooCommerce's stored ones (wc-completed)", () => {
    // BigCommerce: paid, then on its way to the customer.
    for (const s of [
      'Awaiting Fulfillment',
      'Awaiting Shipment',
      'Awaiting Pickup',
      'Partially Shipped',
      'Shipped',
    ]) {
      expect(normaliseStatus(s)).toEqual({ status: 'paid', cancelled: false });
    }
    expect(normaliseStatus('Declined')).toEqual({ status: 'voided', cancelled: false });
    expect(normaliseStatus('Incomplete')).toEqual({ status: 'voided', cancelled: false });
    expect(normaliseStatus('Partially Refunded')?.status).toBe('partially_refunded');
    // WooCommerce's statuses as stored, which exports of its database write.
    expect(normaliseStatus('wc-completed')?.status).toBe('paid');
    expect(normaliseStatus('wc-on-hold')?.status).toBe('pending');
    expect(normaliseStatus('wc-cancelled')).toEqual({ status: 'voided', cancelled: true });
  });

  it("knows a delivered order is paid and a 'Not paid' one is not yet", () => {
    // WooCommerce stores add "Delivered" as a status of their own (also stored as wc-delivered);
    // a file holding one was refused whole as an unknown status.
    for (const s of ['Delivered', 'wc-delivered']) {
      expect(normaliseStatus(s)).toEqual({ status: 'paid', cancelled: false });
    }
    expect(normaliseStatus('Not paid')).toEqual({ status: 'pending', cancelled: false });
    const woo = [
      'Order Number,Order Date,Order Status,Order Subtotal Amount,SKU,Quantity,Item Cost',
      '3001,2026-03-10 14:02,Delivered,90.00,LS-M,1,90.00',
      '3002,2026-03-10 15:02,Not paid,45.00,LS-S,1,45.00',
      '',
    ].join('\n');
    const r = read(woo);
    expect(r.errors).toEqual([]);
    expect(r.records.map((o) => [o.id, o.status])).toEqual([
      ['3001', 'paid'],
      ['3002', 'pending'],
    ]);
  });

  it('matches tracking links by ref/utm value, or by host and path', () => {
    expect(trackingLinkTokens('https://saltmarsh.shop/?ref=Ana')).toEqual(['ref=ana']);
    expect(trackingLinkTokens('https://www.saltmarsh.shop/ana/')).toEqual(['saltmarsh.shop/ana']);
    expect(extractLinkTokens('landing_site: https://saltmarsh.shop/ana?utm_source=ANA')).toEqual(
      expect.arrayContaining(['saltmarsh.shop/ana', 'utm_source=ana']),
    );
  });

  it('local postcodes: exact or prefix*, spaces and case ignored', () => {
    expect(isLocalPostcode('10115', ['10115'])).toBe(true);
    expect(isLocalPostcode('10245', ['102*'])).toBe(true);
    expect(isLocalPostcode('e1 6an', ['E1 6AN'])).toBe(true);
    expect(isLocalPostcode('E14 1AA', ['E1 6AN'])).toBe(false);
  });

  it('local postcodes with a leading apostrophe, and a ZIP+4 by its ZIP', () => {
    expect(isLocalPostcode("'02134", ['02134'])).toBe(true);
    expect(isLocalPostcode("'11201", ['112*'])).toBe(true);
    expect(isLocalPostcode('10012-3456', ['10012'])).toBe(true);
    expect(isLocalPostcode('10012-3456', ['10013'])).toBe(false);
    expect(isLocalPostcode('10012', ['10012-3456'])).toBe(false);
  });
});

describe('other shops: column mapping', () => {
  it('guesses a WooCommerce export and reads its statuses and coupons', () => {
    const woo = [
      'Order Number,Order Date,Order Status,Order Subtotal Amount,Coupon Code,Billing Email Address,SKU,Quantity,Item Cost,Shipping Postcode',
      '501,2026-03-28 10:00,completed,54.00,ana10,a@b.example,HL-SHIRT,1,60.00,10115',
      '502,2026-03-28 11:00,cancelled,54.00,ANA10,c@d.example,HL-SHIRT,1,60.00,80331',
      '',
    ].join('\n');
    const headers = woo.split('\n')[0]!.split(',');
    const mapping = guessOrderMapping(headers);
    expect(mapping).toMatchObject({
      orderId: 'Order Number',
      createdAt: 'Order Date',
      discountCode: 'Coupon Code',
      email: 'Billing Email Address',
      sku: 'SKU',
    });
    const r = read(woo);
    expect(r.errors).toEqual([]);
    // The trailing line is not counted as a row read.
    expect(r.rows).toBe(2);
    expect(r.records[0]).toMatchObject({
      id: '501',
      codes: ['ANA10'],
      local: true,
      status: 'paid',
      t: Date.parse('2026-03-28T09:00:00Z'),
    });
    expect(r.records[1]).toMatchObject({ cancelled: true });
  });

  it("takes a WooCommerce or Squarespace order's discount off its subtotal (before discounts there)", () => {
    const woo = [
      'Order Number,Order Date,Order Status,Order Subtotal Amount,Cart Discount Amount,Coupon Code,SKU,Quantity,Item Cost',
      '1001,2026-03-28 10:00,completed,€100.00,€10.00,ana10,HL-SHIRT,1,100.00',
      '',
    ].join('\n');
    expect(guessOrderMapping(woo.split('\n')[0]!.split(','))).toMatchObject({
      subtotal: 'Order Subtotal Amount',
      orderDiscount: 'Cart Discount Amount',
    });
    expect(read(woo).records[0]).toMatchObject({ sub: 90 });
    const squarespace = [
      'Order ID,Created at,Financial Status,Subtotal,Discount Code,Discount Amount,Lineitem quantity,Lineitem sku',
      '00042,2026-03-28 10:00,PAID,135.00,ANA10,13.50,1,HL-SHIRT',
      '',
    ].join('\n');
    expect(read(squarespace).records[0]).toMatchObject({ sub: 121.5, codes: ['ANA10'] });
  });

  it("leaves a Shopify export's Discount Amount alone: its Subtotal is after discounts", () => {
    const headers = SCENARIO_CSV.replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    expect(headers).toContain('Discount Amount');
    expect(guessOrderMapping(headers).orderDiscount).toBeUndefined();
  });

  it('knows a Shopify export whose header row was retyped in another letter case or spacing', () => {
    const csv = [
      ' NAME ,created  at,LINEITEM QUANTITY,Financial status,Subtotal,Discount Amount,Lineitem sku',
      '#1,2026-03-10 10:00:00 +0100,1,paid,90.00,10.00,LS-M',
      '',
    ].join('\r\n');
    const headers = csv.split('\r\n')[0]!.split(',');
    expect(isShopifyOrderExport(headers)).toBe(true);
    // Its Subtotal is after discounts already: the 10.00 is not taken off again.
    expect(read(csv).records[0]).toMatchObject({ sub: 90, lines: [['LS-M', 1, 0]] });
  });

  it('reads a refund written as a negative amount as the same refund', () => {
    const woo = [
      'Order Number,Order Date,Order Status,Order Subtotal Amount,Order Refund Amount,SKU,Quantity,Item Cost',
      '2041,2026-03-10 14:02,partially-refunded,90.00,-20.00,LS-M,1,90.00',
      '2042,2026-03-10 15:02,refunded,45.00,(45.00),LS-S,1,45.00',
      '',
    ].join('\n');
    const [partly, whole] = read(woo).records;
    expect(partly).toMatchObject({ status: 'partially_refunded', refunded: 20 });
    expect(netRevenue({ ...partly!, cust: null })).toBe(70);
    expect(whole).toMatchObject({ status: 'refunded', refunded: 45 });
  });

  it('says why a date with slashes is refused when no order is chosen for it (an Etsy export)', () => {
    const headers = ETSY_SOLD_ORDER_ITEMS_CSV.split('\n')[0]!.split(',');
    const guessed = guessOrderMapping(headers);
    // Etsy's own column names are known: its order time is the Sale Date, the postcode the
    // Ship Zipcode.
    expect(guessed).toMatchObject({
      orderId: 'Order ID',
      createdAt: 'Sale Date',
      quantity: 'Quantity',
      sku: 'SKU',
      discountCode: 'Coupon Code',
      shippingZip: 'Ship Zipcode',
      location: 'InPerson Location',
    });
    expect(read(ETSY_SOLD_ORDER_ITEMS_CSV).missing).toEqual([]);
    const r = readOrdersCsv(ETSY_SOLD_ORDER_ITEMS_CSV, {
      timeZone: TZ,
      localPostcodes: [],
      mapping: { ...guessed, createdAt: 'Sale Date' },
    });
    const said =
      '"03/10/26" is a date with slashes and nothing says whether it is month or day first: choose which when importing, or write it as 2026-04-05.';
    expect(r.errors).toEqual([
      { row: 2, message: said },
      { row: 3, message: said },
    ]);
    const events = readEventsCsv('Email,Timestamp\nx@y.example,4/5/2026 10:00\n', {
      timeZone: TZ,
      defaultKind: 'click',
    });
    expect(events.errors[0]!.message).toBe(
      '"4/5/2026 10:00" is a date with slashes and nothing says whether it is month or day first: choose which when importing, or write it as 2026-04-05.',
    );
  });

  it("reads an Etsy item export's Discount Amount as each item's discount, not the order's", () => {
    const headers = ETSY_SOLD_ORDER_ITEMS_CSV.split('\n')[0]!.split(',');
    const guessed = guessOrderMapping(headers);
    // One row per item sold: 6.00 off the shirt and 4.00 off the scarf of one order.
    expect(guessed.lineDiscount).toBe('Discount Amount');
    expect(guessed.orderDiscount).toBeUndefined();
    const r = readOrdersCsv(ETSY_SOLD_ORDER_ITEMS_CSV, {
      timeZone: TZ,
      localPostcodes: [],
      dateOrder: 'month-first',
    });
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    // Read as the order's discount, the first item's 6.00 came off both (94, not 90).
    expect(r.records[0]).toMatchObject({
      id: '3001000001',
      lines: [
        ['LS-M', 1, 54],
        ['SC-1', 1, 36],
      ],
      sub: 90,
    });
  });

  it('reads a spreadsheet with a mapping a person chose', () => {
    const sheet = 'Ref;Day;Units;Code\n7;2026-04-01;2;ANA10\n';
    const r = readOrdersCsv(sheet.replace(/;/g, ','), {
      timeZone: TZ,
      localPostcodes: [],
      mapping: { orderId: 'Ref', createdAt: 'Day', quantity: 'Units', discountCode: 'Code' },
    });
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({ id: '7', codes: ['ANA10'], lines: [['', 2, 0]] });
  });

  it('events: clicks and wishlist adds, a type column in words', () => {
    const r = readEventsCsv(
      'Email,Event,Timestamp\nx@y.example,Added to Wishlist,2026-04-01 10:00 +0200\n',
      {
        timeZone: TZ,
        defaultKind: 'click',
      },
    );
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({ kind: 'wishlist', t: Date.parse('2026-04-01T08:00:00Z') });
  });

  it('events: other kinds of event and rows without an email are skipped and counted, not refused', () => {
    const r = readEventsCsv(
      [
        'Email,Event,Timestamp',
        'x@y.example,Clicked Email,2026-04-01 10:00 +0200',
        'x@y.example,Opened Email,2026-04-01 09:00 +0200',
        'z@y.example,Opened Email,not a time',
        'w@y.example,Received Email,2026-04-01 08:00 +0200',
        ',Added to Wishlist,2026-04-02 10:00 +0200',
        'v@y.example,Clicked Email,yesterday',
        '',
      ].join('\n'),
      { timeZone: TZ, defaultKind: 'click' },
    );
    expect(r.records.map((e) => e.kind)).toEqual(['click']);
    expect(r.skipped).toEqual({
      kinds: [
        ['Opened Email', 2],
        ['Received Email', 1],
      ],
      noEmail: 1,
    });
    // A click whose time cannot be read is still a bad row.
    expect(r.errors.map((e) => e.row)).toEqual([7]);
  });
});
