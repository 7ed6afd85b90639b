import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ETSY_SOLD_ORDER_ITEMS_CSV,
  ETSY_SOLD_ORDERS_CSV,
} from '../fixtures/results/spreadsheetExports';
import { contextForSuite, newPage } from './support/browser';
import { openResults, pickExport } from './support/results';

// Etsy offers two order exports on one page. Its "Sold orders" export has a row per order and
// no quantity per item: the import dialog says which one to bring instead of asking for
// columns that cannot be right, and imports nothing. The other, "Order items", goes on to its
// preview (the positive control).

const OUT = resolve('test-results/results-wrong-export');

describe('results: an export of the wrong kind', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });

  it("names Etsy's Order Items export for a Sold Orders file, and imports nothing", async () => {
    const orders = join(OUT, 'EtsySoldOrders2026-3.csv');
    const items = join(OUT, 'EtsySoldOrderItems2026-3.csv');
    writeFileSync(orders, ETSY_SOLD_ORDERS_CSV);
    writeFileSync(items, ETSY_SOLD_ORDER_ITEMS_CSV);
    const { page, pageErrors } = await newPage(context());
    const counts = await openResults(page);
    const before = await counts.textContent();

    await pickExport(page, orders);
    const alert = page.locator('.results-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "“EtsySoldOrders2026-3.csv” is Etsy's Sold Orders export, one row per order: it does not say how many of each item an order held. " +
        'Download the Order Items export instead: on Etsy, Shop Manager › Settings › Options › Download Data, CSV type "Order Items". Nothing was imported.',
    );
    // No columns offered to map, nothing to apply.
    expect(await page.getByRole('combobox', { name: 'Quantity' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Apply import' }).count()).toBe(0);
    await page
      .locator('.dialog, [role="dialog"]')
      .first()
      .screenshot({ path: join(OUT, 'sold-orders.png') });
    await page.getByRole('button', { name: 'Close' }).click();
    await alert.waitFor({ state: 'detached' });
    expect(await counts.textContent()).toBe(before);

    // The Order Items export, from the same page of Etsy, reaches its preview.
    await pickExport(page, items);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/1 order/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await counts.textContent()).toBe(before);
    expect(pageErrors).toEqual([]);
  });
});
