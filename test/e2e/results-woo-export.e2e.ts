import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wooAdvancedCsv, type WooOrder } from '../fixtures/results/wooAdvancedExport';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import { contextForSuite, newPage } from './support/browser';
import { openResults, pickExport } from './support/results';

// WooCommerce's Advanced Order Export with its default columns: the product's name is under
// "Name". Its orders are read by their Order Number, each with its own coupon and discount, so
// Lena's code counts on the two orders that used it and not on one that did not.

const OUT = resolve('test-results/results-woo-export');

// The sample workspace launches Harbour Linen (Lena Brandt, LENA15) three monthly beats ago.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
function daysAgo(days: number, time: string): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}
const shirt = { sku: 'HL-SHIRT-M', name: 'Harbour Linen Shirt', qty: 1, cost: 60 };
const belt = { sku: 'HL-BELT', name: 'Belt', qty: 1, cost: 40 };
function orders(): WooOrder[] {
  return [
    // 60 less the 9.00 off: 51.
    {
      number: '4101',
      status: 'Completed',
      date: daysAgo(HARBOUR - 1, '10:00'),
      email: 'a@x.example',
      coupon: 'lena15',
      cartDiscount: 9,
      items: [shirt],
    },
    // No coupon: not Lena's, though it holds the same products as her orders.
    {
      number: '4102',
      status: 'Completed',
      date: daysAgo(HARBOUR - 2, '10:00'),
      email: 'b@x.example',
      items: [shirt, belt],
    },
    // 80 less the 12.00 off: 68.
    {
      number: '4103',
      status: 'Processing',
      date: daysAgo(HARBOUR - 3, '10:00'),
      email: 'c@x.example',
      coupon: 'LENA15',
      cartDiscount: 12,
      items: [{ ...belt, qty: 2 }],
    },
  ];
}

const cells = async (page: Page, title: string) =>
  (
    await page
      .getByTestId('results-drops')
      .locator('tr', { hasText: title })
      .locator('td')
      .allTextContents()
  ).slice(2, 4);

describe('results: a WooCommerce Advanced Order Export', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('reads each order by its Order Number, not by its product’s Name', async () => {
    const csv = join(OUT, 'woo_orders.csv');
    writeFileSync(csv, wooAdvancedCsv(orders()));
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, csv);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/4 rows read: 3 orders\./);
    const columns = page.getByTestId('import-columns');
    expect(await columns.getByRole('combobox', { name: 'Order id' }).inputValue()).toBe(
      'Order Number',
    );
    await page.locator('dialog[open]').screenshot({ path: join(OUT, 'preview.png') });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^3 orders/);
    await expect.poll(() => cells(page, 'Harbour Linen')).toEqual(['2', '€119.00']);
    expect(pageErrors).toEqual([]);
  });

  it('reads its dates in WordPress’s own format, with the month’s name', async () => {
    // `September 1, 2026 10:00 am`: every such date was "not a time", and the file refused.
    const wordpress = (iso: string) => {
      const d = new Date(`${iso.replace(' ', 'T')}:00Z`);
      const month = d.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
      const h = d.getUTCHours();
      const mm = String(d.getUTCMinutes()).padStart(2, '0');
      const clock = `${h % 12 || 12}:${mm} ${h < 12 ? 'am' : 'pm'}`;
      return `${month} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${clock}`;
    };
    const written = orders().map((o) => ({ ...o, date: wordpress(o.date) }));
    expect(written[0]!.date).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4} 10:00 am$/);
    const csv = join(OUT, 'woo_orders_wordpress_dates.csv');
    writeFileSync(csv, wooAdvancedCsv(written));
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, csv);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/4 rows read: 3 orders\./);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => cells(page, 'Harbour Linen')).toEqual(['2', '€119.00']);
    expect(pageErrors).toEqual([]);
  });

  it('counts an order of the shop’s own Delivered status as paid', async () => {
    // A status the shop added; the file was refused whole as an unknown status.
    const delivered = orders().map((o) =>
      o.number === '4103' ? { ...o, status: 'Delivered' } : o,
    );
    const csv = join(OUT, 'woo_orders_delivered.csv');
    writeFileSync(csv, wooAdvancedCsv(delivered));
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, csv);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // The same orders as the tests above imported (this suite's browser keeps its workspace):
    // read without a bad row, #4103 paid as it was when Processing.
    expect(await preview.textContent()).toMatch(/4 rows read: 3 orders\./);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => cells(page, 'Harbour Linen')).toEqual(['2', '€119.00']);
    expect(pageErrors).toEqual([]);
  });
});
