import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import { contextForSuite, newPage } from './support/browser';
import { openResults, pickExport } from './support/results';

// A spreadsheet of orders whose amounts are in a column Cadence does not read as one ("Order
// Total"): the preview says every order reads as €0.00 before anything is applied, the person
// chooses the column, and the drop then counts the money.

const OUT = resolve('test-results/results-no-amounts');

// The sample workspace launches Harbour Linen (Lena Brandt, LENA15) three monthly beats ago.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
function daysAgo(days: number, time: string): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}

function sheetCsv(): string {
  return [
    'Order ID,Date,Email,SKU,Quantity,Discount Code,Order Total',
    `S-1,${daysAgo(HARBOUR - 1, '10:00')},a@x.example,HL-SHIRT,1,LENA15,60.00`,
    `S-2,${daysAgo(HARBOUR - 2, '10:00')},b@x.example,HL-SHIRT,2,lena15,120.00`,
    '',
  ].join('\r\n');
}

const cells = async (page: Page, title: string) =>
  (
    await page
      .getByTestId('results-drops')
      .locator('tr', { hasText: title })
      .locator('td')
      .allTextContents()
  ).slice(2, 4);

describe('results: orders without an amount', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('says every order reads as nothing before it is applied, and counts the chosen column', async () => {
    const csv = join(OUT, 'orders_sheet.csv');
    writeFileSync(csv, sheetCsv());
    const { page, pageErrors } = await newPage(context());
    await openResults(page);

    await pickExport(page, csv);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/2 new/);
    const note = page.getByTestId('import-no-amounts');
    expect(await note.textContent()).toBe(
      'Every order reads as €0.00: no column gives the orders an amount (Subtotal, Line price or Line total), so they would count nothing towards revenue and the return. Choose the column that holds the amounts below and read the file again.',
    );
    await page.locator('dialog[open]').screenshot({ path: join(OUT, 'no-amounts.png') });

    // The order total as the subtotal: read again, the note is gone and the money counts.
    const columns = page.getByTestId('import-columns');
    await columns.getByRole('combobox', { name: 'Subtotal' }).selectOption('Order Total');
    await columns.getByRole('button', { name: 'Read again with these columns' }).click();
    await expect.poll(() => columns.getAttribute('data-source')).toBe('corrected');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/2 new/);
    expect(await note.count()).toBe(0);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => cells(page, 'Harbour Linen')).toEqual(['2', '€180.00']);
    expect(pageErrors).toEqual([]);
  });
});
