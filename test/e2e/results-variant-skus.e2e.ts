import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shopifyCsv, type FixtureOrder } from '../fixtures/results/shopifyExport';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import { contextForSuite, newPage } from './support/browser';
import { dropPanel, factBox, openResults, panelMetric, pickExport } from './support/results';

// Shopify exports each variant's SKU (HL-SHIRT-M, HL-SHIRT-L). A drop whose products are listed
// as a prefix (HL-SHIRT*) is credited with its variants' share of an order and counts their
// units in its sell-through; listed by the product's SKU alone, no variant was the drop's.

const OUT = resolve('test-results/results-variant-skus');

// The sample workspace launches Harbour Linen (Lena Brandt, LENA15) three monthly beats ago.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
function isoDaysAgo(days: number, time: string): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time} +0000`;
}
const line = (sku: string, qty: number, price: number) => ({ sku, name: sku, qty, price });
function orders(): FixtureOrder[] {
  return [
    // Two sizes of the shirt and another drop's knit: the shirts' 180 of 200.
    {
      name: '#V1',
      email: 'a@fans.example',
      status: 'paid',
      created: isoDaysAgo(HARBOUR, '12:00:00'),
      subtotal: 200,
      code: 'LENA15',
      lines: [line('HL-SHIRT-M', 1, 60), line('HL-SHIRT-L', 2, 60), line('NM-KNIT-S', 1, 20)],
    },
    // Lena's code on the knit alone: nothing of Harbour Linen's.
    {
      name: '#V2',
      email: 'b@fans.example',
      status: 'paid',
      created: isoDaysAgo(HARBOUR - 1, '12:00:00'),
      subtotal: 20,
      code: 'LENA15',
      lines: [line('NM-KNIT-S', 1, 20)],
    },
    // Sold at the pop-up on launch day: local.
    {
      name: '#V3',
      email: 'c@fans.example',
      status: 'paid',
      created: isoDaysAgo(HARBOUR, '15:00:00'),
      subtotal: 60,
      source: 'pos',
      location: 'Harbour Pop-up',
      lines: [line('HL-SHIRT-S', 1, 60)],
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

async function recordFact(page: Page, id: string, value: string) {
  await factBox(page, id).fill(value);
  await factBox(page, id).press('Enter');
  await expect.poll(() => factBox(page, id).inputValue()).toBe(value);
}

describe('results: a drop’s products listed by a prefix', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('credits the variants of HL-SHIRT* and counts their units, and not another product', async () => {
    const csv = join(OUT, 'orders_export.csv');
    writeFileSync(csv, shopifyCsv(orders()));
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, csv);
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    // No SKUs listed yet: every product counts, both orders with the code.
    await expect.poll(() => cells(page, 'Harbour Linen')).toEqual(['2', '€220.00']);

    const row = page.getByTestId('results-drops').locator('tr', { hasText: 'Harbour Linen' });
    await row.getByRole('button', { name: 'Harbour Linen' }).click();
    await dropPanel(page).getByRole('button', { name: 'Record what happened' }).click();
    expect(await factBox(page, 'skus').getAttribute('placeholder')).toBe('HL-SHIRT*, HL-BELT');
    await recordFact(page, 'posLocation', 'Harbour Pop-up');
    await recordFact(page, 'stock', '20');
    await recordFact(page, 'skus', 'HL-SHIRT*');

    // #V1's shirts (180 of its 200), not #V2's knit; the pop-up's shirt is local (1 of 20).
    await expect
      .poll(() => panelMetric(page, 'conversions').textContent())
      .toMatch(/1 order · €180\.00/);
    expect(await panelMetric(page, 'sell-through').textContent()).toMatch(/1 of 20 units/);
    await dropPanel(page).screenshot({ path: join(OUT, 'panel.png') });
    await page.keyboard.press('Escape');
    await dropPanel(page).waitFor({ state: 'detached' });
    await expect.poll(() => cells(page, 'Harbour Linen')).toEqual(['1', '€180.00']);
    expect(pageErrors).toEqual([]);
  });
});
