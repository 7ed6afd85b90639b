import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDaysTo, launchOnCadence } from '../../shared/cadence';
import { ETSY_SOLD_ORDER_ITEMS_CSV } from '../fixtures/results/spreadsheetExports';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { pickExport } from './support/results';

// Dates with slashes through the built app's import dialog: an Etsy export whose dates are
// month first (one of them, past the 12th, says so), then a spreadsheet whose every date could
// be either, asked about with this browser's language (en-US) as the guess, and answered.

const OUT = resolve('test-results/results-slash-dates');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

// The sample workspace launched Harbour Linen (LENA15, HL-SHIRT, HL-SCARF) three months before
// today (UTC in this browser); its orders count for 30 days. Two order days in them: one past
// the 12th (it decides the order), one that reads either way, whose other reading is a month
// or more away, outside the window.
const TODAY = new Date().toISOString().slice(0, 10);
const LAUNCH = launchOnCadence(TODAY, { kind: 'monthly' }, -3);
const days = Array.from({ length: 24 }, (_, i) => addDaysTo(LAUNCH, i + 1));
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
const DECIDING = days.find((day) => parts(day)[2] > 12)!;
const EITHER = days.find((day) => {
  const [y, m, d] = parts(day);
  const swapped = `${y}-${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}`;
  return d <= 12 && (swapped < addDaysTo(LAUNCH, -1) || swapped > addDaysTo(LAUNCH, 31));
})!;
const p2 = (n: number) => String(n).padStart(2, '0');
/** 03/25/26, as Etsy writes it. */
const monthFirst = (day: string) => {
  const [y, m, d] = parts(day);
  return `${p2(m)}/${p2(d)}/${String(y).slice(2)}`;
};
/** 25/03/2026 10:00, as a spreadsheet in Europe writes it. */
const dayFirst = (day: string, time: string) => {
  const [y, m, d] = parts(day);
  return `${p2(d)}/${p2(m)}/${y} ${time}`;
};

// Etsy's "Sold order items" layout, one item per order (from its row without quoted commas).
const [ETSY_HEADER, , ETSY_ROW] = ETSY_SOLD_ORDER_ITEMS_CSV.split('\n') as [string, string, string];
function etsyRow(id: string, day: string, sku: string, price: string): string {
  const cells = ETSY_ROW.replace('"MIA10 - 10% off"', 'LENA15').split(',');
  const at = (name: string) => ETSY_HEADER.split(',').indexOf(name);
  cells[at('Sale Date')] = monthFirst(day);
  cells[at('Date Paid')] = monthFirst(day);
  cells[at('Date Shipped')] = '';
  cells[at('Order ID')] = id;
  cells[at('SKU')] = sku;
  cells[at('Price')] = price;
  cells[at('Item Total')] = price;
  cells[at('Coupon Code')] = 'LENA15';
  cells[at('Discount Amount')] = '0';
  return cells.join(',');
}

const harbour = async (page: Page) =>
  (
    await page
      .getByTestId('results-drops')
      .locator('tr', { hasText: 'Harbour Linen' })
      .locator('td')
      .allTextContents()
  ).slice(2, 4);

async function openResults(page: Page) {
  await page.goto(baseUrl());
  await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
  await page.keyboard.press(`${mod}+4`);
  await page.getByTestId('results-counts').waitFor();
}

async function applyImport(page: Page) {
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.getByTestId('import-applied').waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
}

describe('results: dates with slashes', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });

  it('reads an Etsy export month first, as a date past the 12th shows, and remembers it', async () => {
    const file = join(OUT, 'EtsySoldOrderItems.csv');
    const csv = (...rows: string[]) => [ETSY_HEADER, ...rows, ''].join('\n');
    writeFileSync(
      file,
      csv(
        etsyRow('3001000001', DECIDING, 'HL-SHIRT', '60.00'),
        etsyRow('3001000002', EITHER, 'HL-SCARF', '40.00'),
      ),
    );
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^0 orders/);
    await pickExport(page, file);
    // Etsy's column names are known (its order time is the Sale Date): nothing to choose.
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/2 new/);
    // The file says it: no question.
    const dates = page.getByTestId('import-dates');
    expect(await dates.getAttribute('data-by')).toBe('file');
    expect(await dates.textContent()).toBe(
      `Dates are read month first, as ${monthFirst(DECIDING)} shows.`,
    );
    expect(await page.getByRole('radio', { name: /month first/ }).count()).toBe(0);
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({ path: join(OUT, 'etsy-preview.png') });
    await applyImport(page);
    // Both orders on their days, in Harbour Linen's window.
    await expect.poll(() => harbour(page)).toEqual(['2', '€100.00']);

    // The same file again changes nothing.
    await pickExport(page, file);
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/2 already imported, unchanged/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });

    // The shop's next export, whose only date reads either way: read month first, unasked, as
    // remembered for the layout; Check columns asks again.
    const next = join(OUT, 'EtsySoldOrderItems_next.csv');
    writeFileSync(next, csv(etsyRow('3001000002', EITHER, 'HL-SCARF', '40.00')));
    await pickExport(page, next);
    await preview.waitFor();
    expect(await dates.getAttribute('data-by')).toBe('saved');
    expect(await dates.textContent()).toMatch(
      new RegExp(`^Dates like ${monthFirst(EITHER)} are read month first \\(`),
    );
    expect(await preview.textContent()).toMatch(/1 already imported, unchanged/);
    await page.getByTestId('import-columns').getByRole('button', { name: 'Check columns' }).click();
    expect(await page.getByRole('radio', { name: /\(month first\)/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /\(day first\)/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await harbour(page)).toEqual(['2', '€100.00']);
    expect(pageErrors).toEqual([]);
  });

  it('asks when no date tells, guessing from the language, and reads the answer', async () => {
    const file = join(OUT, 'orders_sheet.csv');
    writeFileSync(
      file,
      [
        'Order ID,Order Date,Qty,SKU,Coupon Code,Price',
        `EU-1,${dayFirst(EITHER, '10:00')},1,HL-SHIRT,LENA15,25.00`,
        '',
      ].join('\n'),
    );
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await expect.poll(() => harbour(page)).toEqual(['2', '€100.00']);
    await pickExport(page, file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // Asked, with en-US's month first as the guess.
    const dates = page.getByTestId('import-dates');
    expect(await dates.getAttribute('data-by')).toBe('locale');
    const [y, m, d] = parts(EITHER);
    const name = (month: number) =>
      new Date(Date.UTC(y, month - 1, 1)).toLocaleString('en-US', { month: 'long' });
    expect(await dates.locator('legend').textContent()).toBe(
      `Dates like ${dayFirst(EITHER, '').trim()} are:`,
    );
    const asMonthFirst = page.getByRole('radio', { name: `${name(d)} ${m} (month first)` });
    const asDayFirst = page.getByRole('radio', { name: `${d} ${name(m)} (day first)` });
    expect(await asMonthFirst.isChecked()).toBe(true);
    expect(await dates.textContent()).toMatch(/Guessed from this computer’s language \(en-US\)/);
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({ path: join(OUT, 'asked.png') });

    // Day first, as the file was written: read again (the choice is drawn anew), the choice kept.
    await asDayFirst.click();
    await expect.poll(() => dates.getAttribute('data-by')).toBe('chosen');
    expect(await asDayFirst.isChecked()).toBe(true);
    expect(await preview.textContent()).toMatch(/1 new/);
    await applyImport(page);
    await expect.poll(() => harbour(page)).toEqual(['3', '€125.00']);

    // The same file again: read day first unasked, nothing changes.
    await pickExport(page, file);
    await preview.waitFor();
    expect(await dates.getAttribute('data-by')).toBe('saved');
    expect(await dates.getAttribute('data-order')).toBe('day-first');
    expect(await preview.textContent()).toMatch(/1 already imported, unchanged/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await harbour(page)).toEqual(['3', '€125.00']);
    expect(pageErrors).toEqual([]);
  });
});
