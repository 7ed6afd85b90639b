import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import { contextForSuite, newPage } from './support/browser';
import { openResults, pickExport } from './support/results';

// A WooCommerce order export keeps where each order came from in columns of their own (UTM
// Source, UTM Campaign), as values alone. A creator whose tracking link carries those values
// (`?utm_source=instagram&utm_campaign=lena`) is credited with the orders it brought, and
// another creator's campaign is not hers.

const OUT = resolve('test-results/results-link-columns');

// The sample workspace launches Harbour Linen (Lena Brandt) three monthly beats before today.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
function daysAgo(days: number, time: string): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}

const HEADER =
  'Order Number,Order Status,Order Date,Email (Billing),Order Subtotal Amount,Cart Discount Amount,SKU,Item Name,Quantity,Item Cost,Coupon Code,Origin,UTM Source,UTM Medium,UTM Campaign';
function wooCsv(): string {
  return [
    HEADER,
    // Through Lena's link: 90 after the 10.00 off, over two rows.
    `6101,Completed,${daysAgo(HARBOUR - 1, '10:00')},a@x.example,100.00,10.00,HL-SHIRT,Shirt,1,60.00,,Source: Instagram,instagram,social,lena`,
    '6101,,,,,,HL-BELT,Belt,1,40.00,,,,,',
    // The same source, another creator's campaign: not Lena's.
    `6102,Completed,${daysAgo(HARBOUR - 2, '11:00')},b@x.example,70.00,0.00,HL-SHIRT,Shirt,1,70.00,,Source: Instagram,instagram,social,mia_spring`,
    // No campaign at all.
    `6103,Completed,${daysAgo(HARBOUR - 2, '12:00')},c@x.example,50.00,0.00,HL-SHIRT,Shirt,1,50.00,,Direct,(direct),typein,`,
    '',
  ].join('\r\n');
}

const dropRow = (page: Page, title: string) =>
  page.getByTestId('results-drops').locator('tr', { hasText: title });

describe('results: link parameters in columns of their own', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('credits the creator whose tracking link carries the order’s UTM values', async () => {
    const csv = join(OUT, 'woo_attribution.csv');
    writeFileSync(csv, wooCsv());
    const { page, pageErrors } = await newPage(context());
    await openResults(page);

    // Lena's link names her campaign, as she shares it.
    await page.getByRole('button', { name: 'Creators' }).click();
    await page
      .locator('.creator-row', { hasText: 'Lena Brandt' })
      .getByRole('button', { name: 'Edit' })
      .click();
    await page
      .getByLabel('Tracking link')
      .fill('https://saltmarsh.example/?utm_source=instagram&utm_campaign=lena');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByLabel('Tracking link').count()).toBe(0);
    await page.keyboard.press('Escape');

    await pickExport(page, csv);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/3 new/);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^3 orders/);

    // #6101 alone: the other campaign (#6102) and the direct order (#6103) are not Lena's.
    await expect
      .poll(async () =>
        (await dropRow(page, 'Harbour Linen').locator('td').allTextContents()).slice(2, 4),
      )
      .toEqual(['1', '€90.00']);
    await dropRow(page, 'Harbour Linen').getByRole('button', { name: 'Harbour Linen' }).click();
    await expect
      .poll(() => page.locator('.panel [data-metric="conversions"]').textContent())
      .toMatch(/1 order · €90\.00.*0 by code, 1 by link/);
    await page.screenshot({ path: join(OUT, 'panel.png') });
    expect(pageErrors).toEqual([]);
  });
});
