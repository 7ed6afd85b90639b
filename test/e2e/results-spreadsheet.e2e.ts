import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import {
  ETSY_SOLD_ORDER_ITEMS_CSV,
  EXCEL_EU_SHOPIFY_CSV,
  windows1252,
} from '../fixtures/results/spreadsheetExports';
import { contextForSuite, newPage } from './support/browser';
import { openResults, pickExport } from './support/results';

// Order exports as people really bring them, through the built app's import dialog: a Shopify
// export re-saved by Excel in Germany (semicolons, decimal commas, Windows-1252, € after the
// amounts, a line end after the last row).

const OUT = resolve('test-results/results-spreadsheet');

// The sample workspace launched Harbour Linen (Lena Brandt, LENA15, HL-SHIRT, HL-SCARF) three
// months before today (UTC in this browser): the orders are placed the day after.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
const day = new Date(Date.now() - (HARBOUR - 1) * 86_400_000).toISOString().slice(0, 10);
const [y, m, d] = day.split('-');
const excelCsv = EXCEL_EU_SHOPIFY_CSV.replace('10.03.2026 14:02', `${d}.${m}.${y} 14:02`)
  .replace('2026-03-10 15:00:00 +0100', `${day} 15:00:00 +0100`)
  .replace('mia10', 'lena15')
  .replace('LS-M', 'HL-SHIRT')
  .replace('SC-1', 'HL-SCARF');

const revenue = async (page: Page, title: string) =>
  (
    await page
      .getByTestId('results-drops')
      .locator('tr', { hasText: title })
      .locator('td')
      .allTextContents()
  ).slice(2, 4);

describe('results: exports saved by a spreadsheet', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });

  it('reads a Shopify export Excel saved with semicolons and decimal commas, in Windows-1252', async () => {
    const file = join(OUT, 'orders_export_excel.csv');
    writeFileSync(file, windows1252(excelCsv));
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^0 orders/);

    // Recognised as Shopify's by its column names: no mapping asked, no bad row.
    await pickExport(page, file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/2 orders/);
    const columns = page.getByTestId('import-columns');
    expect(await columns.getAttribute('data-source')).toBe('shopify');
    await columns.getByRole('button', { name: 'Check columns' }).click();
    expect(await columns.locator('[data-field="subtotal"]').textContent()).toMatch(
      /e\.g\. 1\.240,00/,
    );
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({ path: join(OUT, 'excel-preview.png') });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^2 orders/);
    // #1001 used LENA15 for 1.240,00; #1002 was refunded in full and does not count.
    await expect.poll(() => revenue(page, 'Harbour Linen')).toEqual(['1', '€1,240']);

    // The same file again changes nothing.
    await pickExport(page, file);
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/0 new/);
    expect(await preview.textContent()).toMatch(/2 already imported/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });

    // Its header row retyped in capitals: still Shopify's, whose Subtotal is after the discount
    // (taking its Discount Amount off again made #1001 a changed order of 1.230,00).
    const upper = join(OUT, 'orders_export_excel_upper.csv');
    const [header, ...rest] = excelCsv.split('\r\n');
    writeFileSync(upper, windows1252([header!.toUpperCase(), ...rest].join('\r\n')));
    await pickExport(page, upper);
    await preview.waitFor();
    expect(await columns.getAttribute('data-source')).toBe('shopify');
    expect(await preview.textContent()).toMatch(/0 new/);
    expect(await preview.textContent()).toMatch(/2 already imported, unchanged/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await revenue(page, 'Harbour Linen')).toEqual(['1', '€1,240']);
    expect(pageErrors).toEqual([]);
  });

  it('says a workbook, a binary file or one huge line renamed .csv is no export, and imports nothing', async () => {
    // An .xlsx is a zip (its first bytes "PK\x03\x04"); a picture, here a PNG, is binary.
    const workbook = join(OUT, 'orders_export.csv');
    writeFileSync(
      workbook,
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21]),
    );
    const picture = join(OUT, 'lookbook.csv');
    writeFileSync(
      picture,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49]),
    );
    // One line of 5 MB (a log, minified data): no row of column names.
    const oneLine = join(OUT, 'one_line.csv');
    writeFileSync(oneLine, `id,${'x'.repeat(5_000_000)}`);
    const { page, pageErrors } = await newPage(context());
    const counts = await openResults(page);
    const before = await counts.textContent();
    for (const [file, said] of [
      [
        workbook,
        '“orders_export.csv” is a spreadsheet workbook (Excel, Numbers), not a CSV file. Save it as CSV from the spreadsheet and import that file. Nothing was imported.',
      ],
      [
        picture,
        '“lookbook.csv” is not a CSV file: it holds binary data, not text. Nothing was imported.',
      ],
      [
        oneLine,
        '“one_line.csv” does not look like an export: its first line, where the column names are, runs on for more than 64 KB. Nothing was imported.',
      ],
    ] as const) {
      await pickExport(page, file);
      const alert = page.locator('.results-error');
      await alert.waitFor();
      expect(await alert.textContent()).toBe(said);
      // No columns to map from its bytes, nothing to apply.
      expect(await page.getByTestId('import-unlike').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Apply import' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Close' }).click();
      await alert.waitFor({ state: 'detached' });
    }
    expect(await counts.textContent()).toBe(before);
    expect(pageErrors).toEqual([]);
  });

  it("asks whether an Etsy export's 03/10/26 is month or day first, guessing from the language", async () => {
    const file = join(OUT, 'EtsySoldOrderItems2026.csv');
    writeFileSync(file, ETSY_SOLD_ORDER_ITEMS_CSV);
    const { page, pageErrors } = await newPage(context());
    const counts = await openResults(page);
    const before = await counts.textContent();
    await pickExport(page, file);
    // Its columns are guessed from Etsy's names, its order time from the Sale Date.
    // No date in it tells (both are 03/10/26): read as en-US writes dates, and asked.
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByRole('combobox', { name: 'Order id' }).inputValue()).toBe('Order ID');
    expect(await page.getByRole('combobox', { name: 'Created at' }).inputValue()).toBe('Sale Date');
    // Its Discount Amount is each item's, not the order's.
    expect(await page.getByRole('combobox', { name: 'Line discount' }).inputValue()).toBe(
      'Discount Amount',
    );
    expect(await page.getByRole('combobox', { name: 'Order discount' }).inputValue()).toBe('');
    const dates = page.getByTestId('import-dates');
    expect(await dates.getAttribute('data-by')).toBe('locale');
    expect(await dates.locator('legend').textContent()).toBe('Dates like 03/10/26 are:');
    expect(await page.getByRole('radio', { name: 'March 10 (month first)' }).isChecked()).toBe(
      true,
    );
    expect(await page.getByRole('radio', { name: '3 October (day first)' }).isChecked()).toBe(
      false,
    );
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({ path: join(OUT, 'etsy-asked.png') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await counts.textContent()).toBe(before);
    expect(pageErrors).toEqual([]);
  });

  it("offers a Square export's Time and Time Zone columns with its Date", async () => {
    const file = join(OUT, 'items-2026-03-10.csv');
    writeFileSync(
      file,
      [
        'Date,Time,Time Zone,Category,Item,Qty,SKU,Gross Sales,Transaction ID',
        '2026-03-10,13:45:12,Pacific Time (US & Canada),Shirts,Linen Shirt,1,HL-SHIRT,$60.00,T1',
        '',
      ].join('\r\n'),
    );
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, file);
    // Its order id is a Transaction ID, chosen once; the date's time and zone are guessed.
    await page.getByTestId('import-missing').waitFor();
    const column = (name: string) => page.getByRole('combobox', { name, exact: true });
    expect(await column('Created at').inputValue()).toBe('Date');
    expect(await column('Time of day').inputValue()).toBe('Time');
    expect(await column('Time zone').inputValue()).toBe('Time Zone');
    await column('Order id').selectOption('Transaction ID');
    await page.getByRole('button', { name: 'Read with these columns' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/1 new/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('reads a Square item export with every column it writes, nothing chosen by hand', async () => {
    const file = join(OUT, 'items-2026-03-10-2026-03-12.csv');
    const header =
      'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,Itemization Type,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix';
    const line = (
      date: string,
      tx: string,
      item: string,
      qty: string,
      sku: string,
      money: string,
      event: string,
    ) =>
      `${date},13:45:12,Pacific Time (US & Canada),Apparel,${item},${qty},Regular,${sku},,${money},$0.00,${tx},P${tx},Square Terminal 2274,,,${event},Harbor Stall,,,,,ea,1,Physical Good,,Harbor Stall,Y36H,Visa,7084`;
    writeFileSync(
      file,
      [
        header,
        // Newest first: a refund before the sale it refunds.
        line(
          '2026-03-12',
          'T1aQ4',
          'Linen Shirt',
          '-1.0',
          'HL-SHIRT',
          '-$60.00,$6.00,-$54.00',
          'Refund',
        ),
        line(
          '2026-03-11',
          'T2bX9',
          'Cashmere Coat',
          '1.0',
          'CC-1',
          '"$1,250.00",-$125.00,"$1,125.00"',
          'Payment',
        ),
        line(
          '2026-03-10',
          'T1aQ4',
          'Linen Shirt',
          '2.0',
          'HL-SHIRT',
          '$120.00,-$12.00,$108.00',
          'Payment',
        ),
        line('2026-03-10', 'T1aQ4', 'Canvas Tote', '1.0', '', '$25.00,$0.00,$25.00', 'Payment'),
        '',
      ].join('\r\n'),
    );
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, file);
    // Straight to the preview: its order id, lines and amounts are guessed from its columns.
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByTestId('import-missing').count()).toBe(0);
    expect(await preview.textContent()).toMatch(/2 new/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
