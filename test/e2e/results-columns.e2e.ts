import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import { contextForSuite, newPage } from './support/browser';
import { openResults, pickExport } from './support/results';

// Another shop's export (a WooCommerce-style spreadsheet) through the built app: Cadence guesses
// its columns, two guesses are wrong (the order time is read from "Paid at", the discount code
// column "Voucher" is not recognised), the person corrects both in the import's report and
// preview, applies, and the next import of that layout uses the corrected columns unasked.

const OUT = resolve('test-results/results-columns');

// The sample workspace places drops relative to today (UTC in this browser) and launches them
// monthly: Harbour Linen (Lena Brandt, LENA15, …/r/lena) launched three months ago, Night Market
// Knit (Jonah Reyes, JONAH10) two months ago. Order days count back from those launches.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
const NIGHT_MARKET = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -2), TODAY);
function daysAgo(days: number, time: string): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}

const HEADER = [
  'Order Number',
  'Date',
  'Paid at',
  'Status',
  'Billing Email',
  'Subtotal',
  'Currency',
  'Voucher',
  'SKU',
  'Product Name',
  'Qty',
  'Item Cost',
];
const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function wooCsv(): string {
  const rows = [
    [
      'W-101',
      daysAgo(HARBOUR - 1, '10:00'),
      daysAgo(HARBOUR - 1, '10:05'),
      'completed',
      'a@x.example',
      '90',
      'EUR',
      'lena15',
      'HL-SHIRT',
      'Shirt',
      '1',
      '90',
    ],
    [
      'W-102',
      daysAgo(HARBOUR - 2, '12:00'),
      daysAgo(HARBOUR - 2, '12:01'),
      'processing',
      'b@x.example',
      '45',
      'EUR',
      'LENA15',
      'HL-SCARF',
      'Scarf, linen',
      '1',
      '45',
    ],
    // Not paid yet: no "Paid at", so the guessed columns leave it without a time.
    [
      'W-103',
      daysAgo(NIGHT_MARKET - 1, '09:00'),
      '',
      'on-hold',
      'c@x.example',
      '80',
      'EUR',
      'JONAH10',
      'NM-KNIT',
      'Knit',
      '1',
      '80',
    ],
    [
      'W-104',
      daysAgo(NIGHT_MARKET - 2, '18:30'),
      daysAgo(NIGHT_MARKET - 2, '18:31'),
      'completed',
      'd@x.example',
      '70',
      'EUR',
      'jonah10',
      'NM-KNIT',
      'Knit',
      '1',
      '70',
    ],
  ];
  return [HEADER, ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n';
}

const dropRow = (page: Page, title: string) =>
  page.getByTestId('results-drops').locator('tr', { hasText: title });
const cells = async (page: Page, title: string) =>
  (await dropRow(page, title).locator('td').allTextContents()).slice(2, 4);

describe('results: another shop’s columns', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });

  it('corrects guessed columns before importing, and the next import reuses them', async () => {
    const csv = join(OUT, 'woo_orders.csv');
    writeFileSync(csv, wooCsv());
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^0 orders/);

    // Read with the guessed columns: the unpaid order has no time, so nothing is imported, and
    // the columns are open for checking, showing what was guessed.
    await pickExport(page, csv);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/W-103 has no creation time/);
    const columns = page.getByTestId('import-columns');
    expect(await columns.getAttribute('data-source')).toBe('guessed');
    const toggle = columns.locator('button[aria-expanded]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const created = columns.getByRole('combobox', { name: 'Created at' });
    const code = columns.getByRole('combobox', { name: 'Discount code' });
    expect(await created.inputValue()).toBe('Paid at');
    expect(await code.inputValue()).toBe('');
    // Two fields side by side have their boxes on one line, whether or not one of them shows an
    // "e.g." line under its box (which once pushed its neighbour's box lower).
    const rows = await columns.locator('select').evaluateAll((els) => {
      const byRow = new Map<number, number[]>();
      for (const el of els) {
        const cell = el.closest('label')!.getBoundingClientRect();
        const tops = byRow.get(Math.round(cell.top)) ?? [];
        tops.push(Math.round(el.getBoundingClientRect().top));
        byRow.set(Math.round(cell.top), tops);
      }
      return [...byRow.values()].filter((t) => t.length === 2);
    });
    expect(rows.length).toBeGreaterThan(2);
    for (const [left, right] of rows) expect(Math.abs(left! - right!)).toBeLessThanOrEqual(1);
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({
        path: join(OUT, 'guessed.png'),
      });

    // Correct both and read again: a clean preview, the corrections still shown.
    await created.selectOption('Date');
    await code.selectOption('Voucher');
    expect(await columns.locator('[data-field="discountCode"]').textContent()).toMatch(
      /e\.g\. lena15/,
    );
    await columns.getByRole('button', { name: 'Read again with these columns' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/4 orders/);
    expect(await preview.textContent()).toMatch(/4 new/);
    expect(await columns.getAttribute('data-source')).toBe('corrected');
    expect(await columns.getByRole('combobox', { name: 'Discount code' }).inputValue()).toBe(
      'Voucher',
    );
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({
        path: join(OUT, 'corrected.png'),
      });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^4 orders/);

    // The codes now count: Harbour Linen 90 + 45; Night Market Knit only W-104 (W-103 is on
    // hold, which does not count by default).
    await expect.poll(() => cells(page, 'Harbour Linen')).toEqual(['2', '€135.00']);
    expect(await cells(page, 'Night Market Knit')).toEqual(['1', '€70.00']);

    // The same layout again: read at once with the saved columns, nothing new.
    await pickExport(page, csv);
    await preview.waitFor();
    expect(await columns.getAttribute('data-source')).toBe('saved');
    // Folded away (nothing to check), and opened on request with the corrected columns.
    expect(await toggle.textContent()).toBe('Check columns');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await columns.getByRole('combobox', { name: 'Created at' }).inputValue()).toBe('Date');
    expect(await columns.getByRole('combobox', { name: 'Discount code' }).inputValue()).toBe(
      'Voucher',
    );
    expect(await preview.textContent()).toMatch(/0 new/);
    expect(await preview.textContent()).toMatch(/4 already imported/);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await cells(page, 'Harbour Linen')).toEqual(['2', '€135.00']);

    // The same shop's next export with its header row in lower case: the same layout, read with
    // the saved columns as this file names them (the codes were lost before).
    const lower = join(OUT, 'woo_orders_lower.csv');
    writeFileSync(lower, wooCsv().replace(HEADER.join(','), HEADER.join(',').toLowerCase()));
    await pickExport(page, lower);
    await preview.waitFor();
    expect(await columns.getAttribute('data-source')).toBe('saved');
    await toggle.click();
    expect(await columns.getByRole('combobox', { name: 'Discount code' }).inputValue()).toBe(
      'voucher',
    );
    expect(await preview.textContent()).toMatch(/4 already imported, unchanged/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('says when a file looks like no export, and which required column is still missing', async () => {
    const log = join(OUT, 'server.log.csv');
    writeFileSync(log, 'level,message,host\ninfo,started,web-1\nwarn,slow request,web-2\n');
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, log);
    const unlike = page.getByTestId('import-unlike');
    await unlike.waitFor();
    expect(await unlike.textContent()).toMatch(
      /server\.log\.csv” does not look like an order export/,
    );
    expect(await page.getByTestId('import-missing').textContent()).toBe(
      'Choose a column for Order id, Created at, Line quantity to read the file.',
    );
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({ path: join(OUT, 'unlike.png') });
    // Positive control: choosing the columns takes the names off the list.
    await page.getByRole('combobox', { name: 'Order id' }).selectOption('host');
    expect(await page.getByTestId('import-missing').textContent()).toBe(
      'Choose a column for Created at, Line quantity to read the file.',
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(pageErrors).toEqual([]);
  });
});
