import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import {
  dropCard,
  dropPanel,
  factBox,
  factField,
  panelMetric,
  pickExport,
} from './support/results';

// A Square item export through the built app's import dialog, as a person reads it in the drop
// panel: Square writes a Location on every row, its online sales' too, and the channel each
// sale came through in its Channel column (the seller's location for a sale at the counter).

const OUT = resolve('test-results/results-square');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

// The sample workspace launched Harbour Linen three months before today (UTC in this browser):
// the orders are placed the day after, inside its 72 hours.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
const DAY = new Date(Date.now() - (HARBOUR - 1) * 86_400_000).toISOString().slice(0, 10);

const STALL = 'Harbour Stall';
const HEADER =
  'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,Itemization Type,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix';
const line = (tx: string, qty: number, channel: string, customer: string) =>
  `${DAY},10:00:00,London,Shirts,Linen Shirt,${qty}.0,Regular,HL-SHIRT,,$${qty * 60}.00,$0.00,$${qty * 60}.00,$0.00,${tx},P${tx},Square Terminal 2274,,,Payment,${STALL},,${customer},,,ea,${qty},Physical Good,,${channel},Y36H,Visa,7084`;

async function record(page: Page, id: string, value: string) {
  await factBox(page, id).fill(value);
  await factBox(page, id).press('Enter');
  await factField(page, id).locator('.results-recorded').waitFor();
}

describe('results: a Square item export', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it("counts only its sales at the counter as the pop-up's local sell-through", async () => {
    const file = join(OUT, `items-${DAY}-${DAY}.csv`);
    writeFileSync(
      file,
      [
        HEADER,
        // At the pop-up: 2 + 1 shirts, its Channel the location, or Point of Sale.
        line('T1aQ4', 2, STALL, 'GTY7JAA901CPDHWN4M3900J27W'),
        line('T2bX9', 1, 'Point of Sale', ''),
        // Online, fulfilled by the same location: 3 + 1 shirts.
        line('T3cR7', 3, 'Square Online', 'V83KD7434F6TSWH9VEVNHFKCRR'),
        line('T4dS2', 1, 'Instagram', 'GTY7JAA901CPDHWN4M3900J27W'),
        '',
      ].join('\r\n'),
    );
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await dropCard(page, 'Harbour Linen').click();
    await dropPanel(page).getByRole('button', { name: 'Record what happened' }).click();
    await factBox(page, 'stock').waitFor();
    await record(page, 'stock', '20');
    await record(page, 'posLocation', STALL);
    // Positive control: nothing imported yet, nothing sold.
    await expect
      .poll(() => panelMetric(page, 'sell-through').locator('.results-metric-detail').textContent())
      .toMatch(/^0 of 20 units/);
    await page.keyboard.press('Escape');
    await dropPanel(page).waitFor({ state: 'detached' });

    await page.keyboard.press(`${mod}+4`);
    await pickExport(page, file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/4 new/);
    // Its Customer ID is who bought, where a sale has no email (hashed, like an email).
    expect(
      await page.getByRole('combobox', { name: 'Customer id', exact: true }).inputValue(),
    ).toBe('Customer ID');
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^4 orders/);

    // Read as local because each carries the location, the 4 shirts sold online made it 7 of 20.
    await page.keyboard.press(`${mod}+1`);
    await dropCard(page, 'Harbour Linen').click();
    const sellThrough = panelMetric(page, 'sell-through');
    await expect
      .poll(() => sellThrough.locator('.results-metric-detail').textContent())
      .toMatch(/^3 of 20 units/);
    expect(await sellThrough.locator('.results-metric-value').textContent()).toBe('15 %');
    await sellThrough.scrollIntoViewIfNeeded();
    await dropPanel(page).screenshot({ path: join(OUT, 'sell-through.png') });
    expect(pageErrors).toEqual([]);
  });
});
